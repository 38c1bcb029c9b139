/**
 * The card: every line, most urgent first, with its road to losing the number
 * and its renewal actions.
 */

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { styleMap } from "lit/directives/style-map.js";

import {
  ConfigError,
  EDITOR_ELEMENT,
  cardSize,
  gridOptions,
  stubConfig,
  validateConfig,
  type CardConfig,
} from "./config";
import { dayOf, formatDay } from "./dates";
import { fireEvent } from "./dom";
import { DOMAIN, errorMessage } from "./errors";
import {
  costLabel,
  dataLabel,
  dataShare,
  daysLeftLabel,
  stageLabel,
  statusClass,
} from "./labels";
import {
  byUrgency,
  knownState,
  lineEntitiesByDevice,
  lineView,
  shownDeviceIds,
  watchedEntityIds,
  watchedStatesChanged,
  type LineEntities,
  type LineView,
} from "./lines";
import { localizer, type Localize } from "./localize";
import { cardStyles } from "./styles";
import { lineTimeline } from "./timeline";
import type { HassCallError, HomeAssistant } from "./types";

interface CardHelpers {
  createRowElement(config: { entity: string }): HTMLElement;
}

declare global {
  interface Window {
    loadCardHelpers?: () => Promise<CardHelpers>;
  }
}

let selectRequested = false;

/**
 * Have Home Assistant define its select, which it loads only where it is used.
 *
 * Its select entity row uses it: making one, never shown, loads it.
 */
async function loadSelect(entityId: string): Promise<void> {
  if (selectRequested || customElements.get("ha-select") || !window.loadCardHelpers) {
    return;
  }
  selectRequested = true;
  (await window.loadCardHelpers()).createRowElement({ entity: entityId });
}

export class EsimRenewalCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _errors: { state: true },
    _busy: { state: true },
    _confirming: { state: true },
    _recording: { state: true },
  };

  static override styles = cardStyles;

  declare hass?: HomeAssistant;
  declare private _config?: CardConfig;
  /** An action's error, by the line's device id. */
  declare private _errors: Record<string, string>;
  /** The device ids of lines with an action under way. */
  declare private _busy: ReadonlySet<string>;
  declare private _confirming?: LineView;
  declare private _recording?: LineView;

  private _registry?: {
    entities: HomeAssistant["entities"];
    devices: HomeAssistant["devices"];
    lines: Map<string, LineEntities>;
  };
  private _watched = new Set<string>();

  constructor() {
    super();
    this._errors = {};
    this._busy = new Set();
  }

  /** Return the visual editor, for the dashboard's card editor. */
  static getConfigElement(): HTMLElement {
    return document.createElement(EDITOR_ELEMENT);
  }

  /** Return the configuration of a card added from the card picker: every line. */
  static getStubConfig(): CardConfig {
    return stubConfig();
  }

  /** Take the card's configuration, or refuse it in words the dashboard shows. */
  setConfig(config: unknown): void {
    try {
      this._config = validateConfig(config);
    } catch (err) {
      if (err instanceof ConfigError) {
        throw new Error(this._t()(err.key, err.values));
      }
      throw err;
    }
  }

  /** Return the card's height for the masonry view, in units of about 50 pixels. */
  getCardSize(): number {
    if (!this._config) {
      return 1;
    }
    // Asked before the card has hass, it counts the lines picked, or one.
    const lineCount = this.hass ? this._shown().length : (this._config.lines?.length ?? 1);
    return cardSize(this._config, lineCount);
  }

  /** Return the card's size in a sections view. */
  getGridOptions(): { columns: number; min_columns: number } {
    return gridOptions(this._config ?? stubConfig());
  }

  /** Return the card's translator, in the user's language. */
  private _t(): Localize {
    return localizer(this.hass?.locale?.language ?? this.hass?.language ?? document.documentElement.lang);
  }

  /** Return the shown lines' device ids and entities; refresh what the card watches. */
  private _shown(): Array<{ deviceId: string; entities: LineEntities | undefined }> {
    if (!this.hass || !this._config) {
      return [];
    }
    const { entities, devices } = this.hass;
    if (this._registry?.entities !== entities || this._registry.devices !== devices) {
      this._registry = { entities, devices, lines: lineEntitiesByDevice(entities) };
    }
    const { lines } = this._registry;
    const shown = shownDeviceIds(lines, devices, this._config.lines).map((deviceId) => ({
      deviceId,
      entities: lines.get(deviceId),
    }));
    this._watched = watchedEntityIds(shown.flatMap(({ entities: each }) => (each ? [each] : [])));
    return shown;
  }

  /**
   * Render again only when something the card shows changed.
   *
   * Home Assistant gives every card a new `hass` at each state change of any
   * entity; the card compares only its lines' entities, and the registries
   * and language it reads.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (!this._config || !this.hass) {
      return false;
    }
    const before = changed.get("hass") as HomeAssistant | undefined;
    if (changed.size > 1 || before === undefined) {
      return true;
    }
    if (
      before.entities !== this.hass.entities ||
      before.devices !== this.hass.devices ||
      before.locale !== this.hass.locale ||
      before.language !== this.hass.language ||
      before.config !== this.hass.config
    ) {
      return true;
    }
    return watchedStatesChanged(before.states, this.hass.states, this._watched);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this._config || !this.hass) {
      return nothing;
    }
    const hass = this.hass;
    const t = this._t();
    const language = hass.locale?.language ?? hass.language;
    const today = dayOf(new Date(), hass.config.time_zone);
    const shown = this._shown();
    const views = shown.map(({ deviceId, entities }) =>
      entities ? lineView(hass, deviceId, entities) : null,
    );
    const lines = byUrgency(
      views.filter((view): view is LineView => view !== null),
      today,
      language,
    );
    const missing = views.length - lines.length;
    return html`
      <ha-card .header=${this._config.title}>
        <div class="lines ${this._config.compact ? "compact" : ""}">
          ${lines.map((line) =>
            this._config?.compact
              ? this._renderCompact(line, t, today, language)
              : this._renderLine(line, t, today, language),
          )}
          ${shown.length === 0 ? html`<p class="empty">${t("card.no_lines")}</p>` : nothing}
          ${missing > 0
            ? html`<ha-alert alert-type="warning">${t("card.missing_line")}</ha-alert>`
            : nothing}
        </div>
      </ha-card>
      ${this._confirming ? this._renderConfirmation(this._confirming, t) : nothing}
      ${this._recording
        ? html`<esim-renewal-dialog
            .hass=${hass}
            .line=${this._recording}
            .today=${today}
            @esim-renewal-recorded=${this._recorded}
            @esim-renewal-dialog-closed=${() => {
              this._recording = undefined;
            }}
          ></esim-renewal-dialog>`
        : nothing}
    `;
  }

  /** Render a line in full: who, days, road, data, wallet, last renewal, actions. */
  private _renderLine(line: LineView, t: Localize, today: string, language: string): TemplateResult {
    const busy = this._busy.has(line.deviceId);
    return html`
      <section class="line ${statusClass(line)}" role="group" aria-label=${line.name}>
        ${this._renderHead(line, t)} ${this._renderRoad(line, t, today, language)}
        <dl class="facts">
          <div class="fact">
            <dt>${t("data.label")}</dt>
            <dd>${this._renderData(line, t, language)}</dd>
          </div>
          ${line.entities.balance && this.hass?.states[line.entities.balance]
            ? html`<div class="fact">
                <dt>${t("wallet.label")}</dt>
                <dd>${this.hass.formatEntityState(this.hass.states[line.entities.balance])}</dd>
              </div>`
            : nothing}
          ${this._renderKeepingCost(line, t)}
          <div class="fact">
            <dt>${t("renewal.label")}</dt>
            <dd>${this._renderLastRenewal(line, t, language)}</dd>
          </div>
        </dl>
        ${this._renderPlan(line, t, busy)}
        <div class="actions">
          <ha-button
            size="s"
            .loading=${busy}
            ?disabled=${busy || !line.entities.markRenewed}
            title=${t("action.mark_renewed_of", { name: line.name })}
            @click=${() => {
              this._confirming = line;
            }}
            >${t("action.mark_renewed")}</ha-button
          >
          <ha-button
            size="s"
            appearance="plain"
            ?disabled=${busy}
            title=${t("action.record_of", { name: line.name })}
            @click=${() => {
              this._recording = line;
            }}
            >${t("action.record")}</ha-button
          >
          <ha-button
            size="s"
            appearance="plain"
            ?disabled=${busy || !line.entities.undoRenewal || line.lastRenewal === null}
            title=${t("action.undo_of", { name: line.name })}
            @click=${() => this._press(line, "undoRenewal")}
            >${t("action.undo")}</ha-button
          >
          ${line.renewalUrl
            ? html`<ha-button
                size="s"
                appearance="plain"
                href=${line.renewalUrl}
                target="_blank"
                rel="noopener noreferrer"
                title=${t("action.renewal_page_of", { name: line.name })}
                >${t("action.renewal_page")}<ha-icon
                  slot="end"
                  icon="mdi:open-in-new"
                ></ha-icon
              ></ha-button>`
            : nothing}
        </div>
        ${this._renderError(line)}
      </section>
    `;
  }

  /** Render a line in one short row: who, days, today's stage, and Mark renewed. */
  private _renderCompact(line: LineView, t: Localize, today: string, language: string): TemplateResult {
    const busy = this._busy.has(line.deviceId);
    const status = line.entities.status ? this.hass?.states[line.entities.status] : undefined;
    return html`
      <section class="line ${statusClass(line)}" role="group" aria-label=${line.name}>
        <div class="compact-row">
          <button
            class="head"
            aria-haspopup="dialog"
            title=${t("card.open_line", { name: line.name })}
            @click=${() => this._moreInfo(line)}
          >
            <span class="badge"><ha-icon icon="mdi:sim"></ha-icon></span>
            <span class="who">
              <span class="name">${line.name}</span>
              <span class="summary">
                <span class="days">${daysLeftLabel(t, line.daysLeft)}</span>
                ${status && line.status
                  ? html`<span class="status">${this.hass?.formatEntityState(status)}</span>`
                  : nothing}
              </span>
            </span>
          </button>
          <ha-icon-button
            class="renew"
            .label=${t("action.mark_renewed_of", { name: line.name })}
            .disabled=${busy || !line.entities.markRenewed}
            @click=${() => {
              this._confirming = line;
            }}
            ><ha-icon icon="mdi:check-circle-outline"></ha-icon
          ></ha-icon-button>
        </div>
        ${this._renderRoad(line, t, today, language)} ${this._renderError(line)}
      </section>
    `;
  }

  /** Render who the line is and how it stands; a tap opens its details. */
  private _renderHead(line: LineView, t: Localize): TemplateResult {
    const status = line.entities.status ? this.hass?.states[line.entities.status] : undefined;
    return html`
      <button
        class="head"
        aria-haspopup="dialog"
        title=${t("card.open_line", { name: line.name })}
        @click=${() => this._moreInfo(line)}
      >
        <span class="badge"><ha-icon icon="mdi:sim"></ha-icon></span>
        <span class="who">
          <span class="name">${line.name}</span>
          ${line.carrier ? html`<span class="carrier">${line.carrier}</span>` : nothing}
        </span>
        <span class="standing">
          <span class="days">${daysLeftLabel(t, line.daysLeft)}</span>
          ${status && line.status
            ? html`<span class="status">${this.hass?.formatEntityState(status)}</span>`
            : nothing}
        </span>
      </button>
    `;
  }

  /** Render the road from safe to the number lost: a bar and its words. */
  private _renderRoad(line: LineView, t: Localize, today: string, language: string): TemplateResult | typeof nothing {
    if (line.lastSafeDay === null) {
      return nothing;
    }
    const road = lineTimeline(today, line.lastSafeDay, line.numberLostOn);
    return html`
      <div class="road" aria-hidden="true">
        ${road.stages.map(
          (stage) =>
            html`<span
              class="stage ${stage.kind} ${stage.time}"
              style=${styleMap({ flexGrow: String(stage.share) })}
            ></span>`,
        )}
        <span class="today" style=${styleMap({ left: `${(road.today * 100).toFixed(2)}%` })}></span>
      </div>
      <ul class="legend" aria-label=${t("timeline.title")}>
        ${road.stages.map(
          (stage) =>
            html`<li class="${stage.kind} ${stage.time}">
              ${stageLabel(t, stage, today, language)}
            </li>`,
        )}
        ${line.numberLostOn === null
          ? html`<li class="unknown">${t("timeline.lost_unknown")}</li>`
          : nothing}
      </ul>
    `;
  }

  /** Render the data left: a bar of the allowance, and the amounts. */
  private _renderData(line: LineView, t: Localize, language: string): TemplateResult {
    const share = dataShare(line.data);
    const label = dataLabel(t, line.data, language);
    if (share === null) {
      return html`${label}`;
    }
    return html`<span
        class="meter"
        role="meter"
        aria-label=${t("data.label")}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(share * 100)}
        aria-valuetext=${label}
        ><span style=${styleMap({ width: `${(share * 100).toFixed(1)}%` })}></span></span
      >${label}`;
  }

  /** Render when the line was last renewed, and what it cost. */
  private _renderLastRenewal(line: LineView, t: Localize, language: string): TemplateResult {
    if (line.lastRenewal === null || !this.hass) {
      return html`${t("renewal.never")}`;
    }
    const cost = costLabel(line.lastRenewal, language);
    // The sensor is a day, which has no time: say the day, not hours ago.
    const at = line.lastRenewal.at;
    const when = /^\d{4}-\d{2}-\d{2}$/.test(at)
      ? html`${formatDay(at, language, { year: "numeric", month: "short", day: "numeric" })}`
      : html`<ha-relative-time
          .hass=${this.hass}
          .datetime=${at}
          capitalize
        ></ha-relative-time>`;
    return cost === null ? when : html`${when}<span class="cost">${cost}</span>`;
  }

  /** Render what keeping the number costs a year, when a plan can keep it. */
  private _renderKeepingCost(line: LineView, t: Localize): TemplateResult | typeof nothing {
    const cost = line.entities.keepingCost
      ? knownState(this.hass?.states[line.entities.keepingCost])
      : undefined;
    if (cost === undefined || !this.hass) {
      return nothing;
    }
    return html`<div class="fact">
      <dt>${t("plan.keeping_cost")}</dt>
      <dd>${t("plan.per_year", { cost: this.hass.formatEntityState(cost) })}</dd>
    </div>`;
  }

  /** Render the picker of the plan Mark renewed buys, for a line with plans. */
  private _renderPlan(line: LineView, t: Localize, busy: boolean): TemplateResult | typeof nothing {
    const plan = line.plan;
    if (plan === null) {
      return nothing;
    }
    void loadSelect(plan.entityId);
    return html`<ha-select
      class="plan"
      .label=${t("plan.label")}
      .value=${plan.chosen ?? undefined}
      .options=${plan.options}
      .disabled=${busy}
      @selected=${(ev: CustomEvent<{ value?: string }>) => {
        const option = ev.detail.value;
        if (option !== undefined && option !== plan.chosen) {
          void this._act(line, (hass) =>
            hass.callService("select", "select_option", { option }, { entity_id: plan.entityId }, false),
          );
        }
      }}
    ></ha-select>`;
  }

  /** Render the error of the line's last action, which the user can dismiss. */
  private _renderError(line: LineView): TemplateResult | typeof nothing {
    const error = this._errors[line.deviceId];
    if (!error) {
      return nothing;
    }
    return html`<ha-alert
      alert-type="error"
      dismissable
      @alert-dismissed-clicked=${() => this._setError(line, undefined)}
      >${error}</ha-alert
    >`;
  }

  /** Render the question before Mark renewed. */
  private _renderConfirmation(line: LineView, t: Localize): TemplateResult {
    return html`<ha-dialog
      open
      header-title=${t("confirm.title", { name: line.name })}
      @closed=${(ev: Event) => {
        if (ev.target === ev.currentTarget) {
          this._confirming = undefined;
        }
      }}
    >
      <p class="confirm-text">${t("confirm.text")}</p>
      <ha-dialog-footer slot="footer">
        <ha-button slot="secondaryAction" appearance="plain" @click=${this._closeConfirmation}
          >${t("action.cancel")}</ha-button
        >
        <ha-button
          slot="primaryAction"
          autofocus
          @click=${() => {
            this._closeConfirmation();
            this._press(line, "markRenewed");
          }}
          >${t("action.mark_renewed")}</ha-button
        >
      </ha-dialog-footer>
    </ha-dialog>`;
  }

  /** Close the question before Mark renewed; it is removed once it has closed. */
  private _closeConfirmation(): void {
    const dialog = this.renderRoot.querySelector("ha-dialog");
    if (dialog) {
      (dialog as HTMLElement & { open: boolean }).open = false;
    } else {
      this._confirming = undefined;
    }
  }

  /** Press one of the line's buttons. */
  private async _press(line: LineView, role: "markRenewed" | "undoRenewal"): Promise<void> {
    const entityId = line.entities[role];
    if (!entityId) {
      return;
    }
    const pressed = await this._act(line, (hass) =>
      hass.callService("button", "press", {}, { entity_id: entityId }, false),
    );
    if (pressed && role === "undoRenewal") {
      fireEvent(this, "hass-notification", {
        message: this._t()("done.undone", { name: line.name }),
      });
    }
  }

  /** Run an action of a line, busy meanwhile; show its error in the card; return whether it worked. */
  private async _act(
    line: LineView,
    action: (hass: HomeAssistant) => Promise<unknown>,
  ): Promise<boolean> {
    if (!this.hass) {
      return false;
    }
    this._setError(line, undefined);
    this._busy = new Set([...this._busy, line.deviceId]);
    try {
      await action(this.hass);
      return true;
    } catch (err) {
      const localize = await this.hass.loadBackendTranslation("exceptions", DOMAIN);
      this._setError(line, this._t()("error.failed", { message: errorMessage(err as HassCallError, localize) }));
      return false;
    } finally {
      const busy = new Set(this._busy);
      busy.delete(line.deviceId);
      this._busy = busy;
    }
  }

  /** Say that a renewal was recorded from the dialog, and until when the line is safe. */
  private _recorded(ev: CustomEvent<{ line: LineView; expiryDate: string | null }>): void {
    const { line, expiryDate } = ev.detail;
    this._setError(line, undefined);
    if (expiryDate && this.hass) {
      fireEvent(this, "hass-notification", {
        message: this._t()("done.renewed", {
          name: line.name,
          date: formatDay(expiryDate, this.hass.locale?.language ?? this.hass.language, {
            dateStyle: "medium",
          }),
        }),
      });
    }
  }

  /** Set or clear the error shown under a line. */
  private _setError(line: LineView, message: string | undefined): void {
    const errors = { ...this._errors };
    if (message === undefined) {
      delete errors[line.deviceId];
    } else {
      errors[line.deviceId] = message;
    }
    this._errors = errors;
  }

  /** Open the line's details: the more-info dialog of its days until expiry. */
  private _moreInfo(line: LineView): void {
    const entityId = line.entities.daysLeft ?? line.entities.status;
    if (entityId) {
      fireEvent(this, "hass-more-info", { entityId });
    }
  }
}

