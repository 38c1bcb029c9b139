/**
 * Record a renewal from the card: the renewal form of the line's entry, in a
 * dialog.
 *
 * The integration answers which fields the line's rule takes (the same form
 * as Record a renewal on the line's entry); the form's own translations label
 * them and word their errors. The renewal is recorded with the `renew` action,
 * which any user of the dashboard may call.
 */

import { LitElement, html, nothing, type TemplateResult } from "lit";

import { fireEvent } from "./dom";
import { DOMAIN, errorMessage, formError } from "./errors";
import type { LineView } from "./lines";
import { localizer, type Localize } from "./localize";
import { dialogStyles } from "./styles";
import type { FormField, HassCallError, HomeAssistant, LocalizeFunc } from "./types";

const FORM = `component.${DOMAIN}.config_subentries.renewal`;

type FormData = Record<string, string | number | undefined>;

export class EsimRenewalDialog extends LitElement {
  static override properties = {
    hass: { attribute: false },
    line: { attribute: false },
    today: { attribute: false },
    _schema: { state: true },
    _data: { state: true },
    _errors: { state: true },
    _busy: { state: true },
    _open: { state: true },
  };

  static override styles = dialogStyles;

  declare hass: HomeAssistant;
  declare line: LineView;
  declare today: string;
  declare private _schema?: FormField[];
  declare private _data: FormData;
  declare private _errors: Record<string, string>;
  declare private _busy: boolean;
  declare private _open: boolean;
  private _formText?: LocalizeFunc;
  private _exceptionText?: LocalizeFunc;

  constructor() {
    super();
    this._data = {};
    this._errors = {};
    this._busy = false;
    this._open = true;
  }

  /** Load the line's form and its words when the dialog opens. */
  override connectedCallback(): void {
    super.connectedCallback();
    this._data = { renewed_on: this.today };
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      const [form, formText, exceptionText] = await Promise.all([
        this.hass.callWS<{ schema: FormField[] }>({
          type: `${DOMAIN}/renewal_form`,
          device_id: this.line.deviceId,
        }),
        this.hass.loadBackendTranslation("config_subentries", DOMAIN),
        this.hass.loadBackendTranslation("exceptions", DOMAIN),
      ]);
      this._formText = formText;
      this._exceptionText = exceptionText;
      this._schema = form.schema;
    } catch (err) {
      const message = errorMessage(err as HassCallError, this.hass.localize);
      this._errors = { base: this._t()("error.form_unavailable", { message }) };
    }
  }

  private _t(): Localize {
    return localizer(this.hass.locale?.language ?? this.hass.language);
  }

  /** Return a text of the renewal form, or undefined where it has none. */
  private _form(key: string, values?: Record<string, unknown>): string | undefined {
    return this._formText?.(`${FORM}.${key}`, values) || undefined;
  }

  protected override render(): TemplateResult {
    const t = this._t();
    const name = this.line.name;
    const description = this._form("step.user.description", { name });
    return html`<ha-dialog
      .open=${this._open}
      header-title=${this._form("step.user.title", { name }) ?? t("action.record_of", { name })}
      @closed=${this._closed}
    >
      ${description && this._schema ? html`<p class="description">${description}</p>` : nothing}
      ${this._schema
        ? html`<ha-form
            .hass=${this.hass}
            .data=${this._data}
            .schema=${this._schema}
            .error=${this._errors}
            .disabled=${this._busy}
            .computeLabel=${(field: FormField) => this._form(`step.user.data.${field.name}`) ?? field.name}
            .computeHelper=${(field: FormField) => this._form(`step.user.data_description.${field.name}`) ?? ""}
            .computeError=${(error: string) => error}
            @value-changed=${(ev: CustomEvent<{ value: FormData }>) => {
              this._data = ev.detail.value;
            }}
          ></ha-form>`
        : this._errors.base
          ? html`<ha-alert alert-type="error">${this._errors.base}</ha-alert>`
          : html`<div class="loading"><ha-spinner></ha-spinner></div>`}
      <ha-dialog-footer slot="footer">
        <ha-button slot="secondaryAction" appearance="plain" @click=${this._close}
          >${t("action.cancel")}</ha-button
        >
        <ha-button
          slot="primaryAction"
          .loading=${this._busy}
          ?disabled=${!this._schema || this._busy}
          @click=${this._submit}
          >${t("action.submit")}</ha-button
        >
      </ha-dialog-footer>
    </ha-dialog>`;
  }

  /** Record the renewal; show a refusal on its field, in the form's words. */
  private async _submit(): Promise<void> {
    const fields = (this._schema ?? []).map((field) => field.name);
    const data = Object.fromEntries(
      Object.entries(this._data).filter(
        ([name, value]) => fields.includes(name) && value !== undefined && value !== "",
      ),
    );
    this._busy = true;
    this._errors = {};
    try {
      const result = await this.hass.callService(
        DOMAIN,
        "renew",
        { device_id: this.line.deviceId, ...data },
        undefined,
        false,
        true,
      );
      const expiryDate = result.response?.expiry_date;
      fireEvent(this, "esim-renewal-recorded", {
        line: this.line,
        expiryDate: typeof expiryDate === "string" ? expiryDate : null,
      });
      this._close();
    } catch (err) {
      const error = err as HassCallError;
      const { field, key } = formError(error, fields);
      const text =
        (key !== null ? this._form(`error.${key}`) : undefined) ??
        errorMessage(error, this._exceptionText ?? this.hass.localize);
      this._errors = { [field]: text };
    } finally {
      this._busy = false;
    }
  }

  private _close(): void {
    this._open = false;
  }

  /** Tell the card the dialog has closed, once its closing has run. */
  private _closed(ev: Event): void {
    if (ev.target === ev.currentTarget) {
      this._open = false;
      fireEvent(this, "esim-renewal-dialog-closed");
    }
  }
}
