/**
 * The parts of Home Assistant's frontend objects this card reads.
 *
 * Home Assistant does not publish its frontend's types; these follow its
 * `src/types.ts` and registry types, narrowed to what the card uses.
 */

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
  last_updated: string;
}

/** An entry of `hass.entities`: the entity registry as the frontend sees it. */
export interface EntityRegistryDisplayEntry {
  entity_id: string;
  device_id?: string | null;
  platform?: string;
  translation_key?: string | null;
  hidden?: boolean | null;
}

/** An entry of `hass.devices`. */
export interface DeviceRegistryEntry {
  id: string;
  name: string | null;
  name_by_user: string | null;
  manufacturer: string | null;
  configuration_url: string | null;
  disabled_by: string | null;
}

export interface FrontendLocaleData {
  language: string;
}

export type LocalizeFunc = (
  key: string,
  values?: Record<string, unknown>,
) => string;

export interface ServiceCallResponse {
  response?: Record<string, unknown>;
}

/** The `hass` object every card is given, as far as this card uses it. */
export interface HomeAssistant {
  states: Record<string, HassEntity>;
  entities: Record<string, EntityRegistryDisplayEntry>;
  devices: Record<string, DeviceRegistryEntry>;
  config: { time_zone: string };
  language: string;
  locale: FrontendLocaleData;
  localize: LocalizeFunc;
  formatEntityState(stateObj: HassEntity, state?: string): string;
  loadBackendTranslation(
    category: string,
    integration?: string,
  ): Promise<LocalizeFunc>;
  callService(
    domain: string,
    service: string,
    serviceData?: Record<string, unknown>,
    target?: Record<string, unknown>,
    notifyOnError?: boolean,
    returnResponse?: boolean,
  ): Promise<ServiceCallResponse>;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
}

/** An error of a service call or WebSocket command, as the frontend rejects it. */
export interface HassCallError {
  code?: string;
  message?: string;
  translation_domain?: string;
  translation_key?: string;
  translation_placeholders?: Record<string, string>;
}

/** A field of a form, as Home Assistant serializes a flow's schema. */
export interface FormField {
  name: string;
  required?: boolean;
  optional?: boolean;
  selector?: Record<string, unknown>;
}
