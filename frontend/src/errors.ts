/**
 * The errors of the actions, in the user's language.
 *
 * The integration's actions raise translated errors: the error Home Assistant
 * sends names its translation key and placeholders, which the frontend's
 * translations of the integration turn into the user's language, as Home
 * Assistant's own notifications do. Without a translation the message it sent
 * stands.
 */

import type { HassCallError, LocalizeFunc } from "./types";

export const DOMAIN = "esim_renewal";

/** Return an action's error in words. */
export function errorMessage(error: HassCallError, localize: LocalizeFunc): string {
  if (error.translation_domain === DOMAIN && error.translation_key) {
    const text = localize(
      `component.${DOMAIN}.exceptions.${error.translation_key}.message`,
      error.translation_placeholders,
    );
    if (text) {
      return text;
    }
  }
  return error.message || String(error.code ?? "");
}

/**
 * Return a refused renewal as the renewal form shows it: on its field.
 *
 * The form puts a broken rule on the field it names when the form has that
 * field, and above the form otherwise, with the form's own words for it.
 */
export function formError(
  error: HassCallError,
  fields: readonly string[],
): { field: string; key: string | null } {
  const named = error.translation_placeholders?.field;
  const field = named !== undefined && fields.includes(named) ? named : "base";
  const key =
    error.translation_domain === DOMAIN && error.translation_key ? error.translation_key : null;
  return { field, key };
}
