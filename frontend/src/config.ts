/** The card's configuration: what it takes, and its size on a dashboard. */

export const CARD_ELEMENT = "esim-renewal-card";
export const EDITOR_ELEMENT = "esim-renewal-card-editor";
export const DIALOG_ELEMENT = "esim-renewal-dialog";
export const CARD_TYPE = `custom:${CARD_ELEMENT}`;

export interface CardConfig {
  type: string;
  /** A heading over the lines. */
  title?: string;
  /** The lines' device ids, in no order; every line when absent. */
  lines?: string[];
  /** One short row per line: made for a card of a single line. */
  compact?: boolean;
}

const OPTIONS = new Set(["type", "title", "lines", "compact", "grid_options", "view_layout", "visibility"]);

/** A configuration the card cannot take: a translation key and its values. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string> = {},
  ) {
    super(key);
    this.name = "ConfigError";
  }
}

/**
 * Return a configuration the card can show, or raise a `ConfigError`.
 *
 * Home Assistant's own layout options (`grid_options`, `view_layout`,
 * `visibility`) pass through untouched.
 */
export function validateConfig(raw: unknown): CardConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError("config.not_an_object");
  }
  const config = raw as Record<string, unknown>;
  for (const option of Object.keys(config)) {
    if (!OPTIONS.has(option)) {
      throw new ConfigError("config.unknown_option", { option });
    }
  }
  if (config.title !== undefined && typeof config.title !== "string") {
    throw new ConfigError("config.title");
  }
  if (config.compact !== undefined && typeof config.compact !== "boolean") {
    throw new ConfigError("config.compact");
  }
  if (config.lines !== undefined) {
    const lines = config.lines;
    if (!Array.isArray(lines) || !lines.every((line) => typeof line === "string" && line !== "")) {
      throw new ConfigError("config.lines");
    }
    const seen = new Set<string>();
    for (const line of lines as string[]) {
      if (seen.has(line)) {
        throw new ConfigError("config.duplicate_line", { line });
      }
      seen.add(line);
    }
  }
  return config as unknown as CardConfig;
}

/** Return the configuration a new card starts with: every line, at once. */
export function stubConfig(): CardConfig {
  return { type: CARD_TYPE };
}

/** Return the configuration the editor's form describes, without empty options. */
export function configFromForm(
  base: CardConfig,
  form: { title?: string; lines?: string[]; compact?: boolean },
): CardConfig {
  const config: CardConfig = { ...base };
  delete config.title;
  delete config.lines;
  delete config.compact;
  if (form.title) {
    config.title = form.title;
  }
  if (form.lines && form.lines.length > 0) {
    config.lines = [...form.lines];
  }
  if (form.compact) {
    config.compact = true;
  }
  return config;
}

/** Return the card's height in Home Assistant's units of about 50 pixels. */
export function cardSize(config: CardConfig, lineCount: number): number {
  const perLine = config.compact ? 2 : 4;
  return (config.title ? 1 : 0) + Math.max(1, lineCount) * perLine;
}

/** Return the card's size in a sections view: full width, or half for a compact line. */
export function gridOptions(config: CardConfig): { columns: number; min_columns: number } {
  return config.compact
    ? { columns: 6, min_columns: 6 }
    : { columns: 12, min_columns: 6 };
}
