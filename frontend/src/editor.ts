/** The card's visual editor: a title, the lines to show, and the compact variant. */

import { LitElement, html, nothing, type TemplateResult } from "lit";

import { configFromForm, validateConfig, type CardConfig } from "./config";
import { fireEvent } from "./dom";
import { PLATFORM } from "./lines";
import { localizer } from "./localize";
import type { HomeAssistant } from "./types";

const SCHEMA = [
  { name: "title", selector: { text: {} } },
  {
    name: "lines",
    selector: { device: { multiple: true, filter: { integration: PLATFORM } } },
  },
  { name: "compact", selector: { boolean: {} } },
] as const;

export class EsimRenewalCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
  };

  declare hass?: HomeAssistant;
  declare private _config?: CardConfig;

  /** Take the configuration to edit. */
  setConfig(config: unknown): void {
    this._config = validateConfig(config);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.hass || !this._config) {
      return nothing;
    }
    const t = localizer(this.hass.locale?.language ?? this.hass.language);
    return html`<ha-form
      .hass=${this.hass}
      .data=${{
        title: this._config.title ?? "",
        lines: this._config.lines ?? [],
        compact: this._config.compact ?? false,
      }}
      .schema=${SCHEMA}
      .computeLabel=${(field: { name: string }) => t(`editor.${field.name}`)}
      @value-changed=${this._changed}
    ></ha-form>`;
  }

  /** Tell the dashboard's editor the new configuration. */
  private _changed(ev: CustomEvent<{ value: { title?: string; lines?: string[]; compact?: boolean } }>): void {
    ev.stopPropagation();
    if (!this._config) {
      return;
    }
    this._config = configFromForm(this._config, ev.detail.value);
    fireEvent(this, "config-changed", { config: this._config });
  }
}
