/**
 * The card's own words, in the integration's three languages.
 *
 * What the integration already says (status names, the renewal form's fields
 * and errors, the actions' errors) comes from Home Assistant's translations of
 * the integration; only what the card adds is here. A value is text with
 * `{placeholders}`, or, where it counts something, one text per plural
 * category of the language (`one`, `other`), chosen by `{count}`.
 */

import en from "./translations/en.json";
import ja from "./translations/ja.json";
import zhHans from "./translations/zh-Hans.json";

export type Translations = { [key: string]: string | Translations };
export type CardLanguage = "en" | "ja" | "zh-Hans";
export type Localize = (
  key: string,
  values?: Record<string, string | number>,
) => string;

export const TRANSLATIONS: Record<CardLanguage, Translations> = {
  en,
  ja,
  "zh-Hans": zhHans,
};

/** Return the card's language for one of Home Assistant's: English unless it speaks it. */
export function cardLanguage(language: string | undefined): CardLanguage {
  const [base, script] = (language ?? "en").split("-");
  if (base === "ja") {
    return "ja";
  }
  // Simplified Chinese, also as the region codes browsers give for it.
  if (base === "zh" && [undefined, "Hans", "CN", "SG"].includes(script)) {
    return "zh-Hans";
  }
  return "en";
}

/** Return the value at a dotted key, or undefined. */
function lookUp(
  translations: Translations,
  key: string,
): string | Translations | undefined {
  let value: string | Translations | undefined = translations;
  for (const part of key.split(".")) {
    value = typeof value === "object" ? value[part] : undefined;
  }
  return value;
}

/** Return the text of a value: its plural form for a count, or itself. */
function textOf(
  value: string | Translations | undefined,
  language: CardLanguage,
  count: number | undefined,
): string | undefined {
  if (typeof value !== "object") {
    return value;
  }
  const category = new Intl.PluralRules(language).select(count ?? 0);
  const form = value[category] ?? value.other;
  return typeof form === "string" ? form : undefined;
}

/** Replace each `{name}` with its value. */
export function fillIn(
  text: string,
  values: Record<string, string | number> = {},
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Return the card's translator for one of Home Assistant's languages. */
export function localizer(language: string | undefined): Localize {
  const chosen = cardLanguage(language);
  return (key, values) => {
    const count = typeof values?.count === "number" ? values.count : undefined;
    const text =
      textOf(lookUp(TRANSLATIONS[chosen], key), chosen, count) ??
      textOf(lookUp(TRANSLATIONS.en, key), "en", count) ??
      key;
    return fillIn(text, values);
  };
}
