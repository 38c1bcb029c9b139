/**
 * The eSIM Renewal dashboard card, served by the integration itself.
 *
 * Home Assistant loads this module on every page of its web UI (the
 * integration adds it to the frontend), so it defines its elements once and
 * puts the card in the dashboard's card picker.
 */

import { EsimRenewalCard } from "./card";
import { CARD_ELEMENT, DIALOG_ELEMENT, EDITOR_ELEMENT } from "./config";
import { EsimRenewalCardEditor } from "./editor";
import { localizer } from "./localize";
import { EsimRenewalDialog } from "./renewal-dialog";

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview: boolean;
  documentationURL: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

for (const [name, element] of [
  [CARD_ELEMENT, EsimRenewalCard],
  [EDITOR_ELEMENT, EsimRenewalCardEditor],
  [DIALOG_ELEMENT, EsimRenewalDialog],
] as const) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

/** Return the translator of the language the web UI speaks now. */
function uiLocalize(): ReturnType<typeof localizer> {
  const app = document.querySelector("home-assistant") as
    | (Element & { hass?: { locale?: { language: string }; language?: string } })
    | null;
  return localizer(app?.hass?.locale?.language ?? app?.hass?.language ?? document.documentElement.lang);
}

window.customCards = window.customCards ?? [];
if (!window.customCards.some((card) => card.type === CARD_ELEMENT)) {
  // The picker reads the name and description when it opens: in the
  // language of that moment, not of this module's loading.
  window.customCards.push({
    type: CARD_ELEMENT,
    get name() {
      return uiLocalize()("card.name");
    },
    get description() {
      return uiLocalize()("card.description");
    },
    preview: true,
    documentationURL: "https://github.com/esim-renewal/esim_renewal#dashboard-card",
  });
}
