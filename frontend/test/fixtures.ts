/** A `hass` as the frontend gives it, with a few lines in it, for the tests. */

import type { HassEntity, HomeAssistant } from "../src/types";

export const TIME_ZONE = "Asia/Tokyo";

/** Return a state, as the frontend holds it. */
export function state(
  entityId: string,
  value: string,
  attributes: Record<string, unknown> = {},
): HassEntity {
  return {
    entity_id: entityId,
    state: value,
    attributes,
    last_changed: "2026-12-06T00:00:00+00:00",
    last_updated: "2026-12-06T00:00:00+00:00",
  };
}

/** Return a registry entry of the integration's entity. */
export function entry(entityId: string, deviceId: string, translationKey: string) {
  return {
    entity_id: entityId,
    device_id: deviceId,
    platform: "esim_renewal",
    translation_key: translationKey,
  };
}

/**
 * Return a hass with one povo line ("povo"): safe through 16 December,
 * suspended from the 17th, its number lost on 16 January, data unknown,
 * renewed with its 3 GB topping, which keeps the number for ¥1,320 a year.
 */
export function hassWithPovo(extra: Partial<HomeAssistant> = {}): HomeAssistant {
  const states = [
    state("sensor.povo_days_until_expiry", "10", { unit_of_measurement: "d" }),
    // Midnight of 17 December in Tokyo.
    state("sensor.povo_stops_working", "2026-12-16T15:00:00+00:00"),
    state("sensor.povo_number_lost", "2027-01-15T15:00:00+00:00"),
    state("sensor.povo_status", "expiring_soon"),
    state("sensor.povo_data_remaining", "unknown", { unit_of_measurement: "GB" }),
    state("sensor.povo_last_renewal", "2026-05-20", {
      recent_renewals: [{ renewed_on: "2026-05-20", cost: 330, currency: "JPY" }],
    }),
    state("button.povo_mark_renewed", "unknown"),
    state("select.povo_plan", "Topping 3GB", {
      options: ["Topping 1GB", "Topping 3GB", "Data-free day"],
    }),
    state("sensor.povo_keeping_cost", "1320", { unit_of_measurement: "JPY" }),
  ];
  return {
    states: Object.fromEntries(states.map((each) => [each.entity_id, each])),
    entities: {
      "sensor.povo_days_until_expiry": entry("sensor.povo_days_until_expiry", "povo", "days_until_expiry"),
      "sensor.povo_stops_working": entry("sensor.povo_stops_working", "povo", "expiry"),
      "sensor.povo_number_lost": entry("sensor.povo_number_lost", "povo", "number_lost"),
      "sensor.povo_status": entry("sensor.povo_status", "povo", "status"),
      "sensor.povo_data_remaining": entry("sensor.povo_data_remaining", "povo", "data_remaining"),
      "sensor.povo_last_renewal": entry("sensor.povo_last_renewal", "povo", "last_renewal"),
      "button.povo_mark_renewed": entry("button.povo_mark_renewed", "povo", "mark_renewed"),
      "select.povo_plan": entry("select.povo_plan", "povo", "plan"),
      "sensor.povo_keeping_cost": entry("sensor.povo_keeping_cost", "povo", "keeping_cost"),
      "sensor.kitchen": { entity_id: "sensor.kitchen", device_id: "kitchen", platform: "hue" },
    },
    devices: {
      povo: {
        id: "povo",
        name: "povo number keeper",
        name_by_user: null,
        manufacturer: "povo 2.0",
        configuration_url: "https://povo.jp/",
        disabled_by: null,
      },
      kitchen: {
        id: "kitchen",
        name: "Kitchen",
        name_by_user: null,
        manufacturer: "Hue",
        configuration_url: null,
        disabled_by: null,
      },
    },
    config: { time_zone: TIME_ZONE },
    language: "en",
    locale: { language: "en" },
    localize: () => "",
    formatEntityState: (entity) => entity.state,
    loadBackendTranslation: async () => () => "",
    callService: async () => ({}),
    callWS: async <T>() => ({}) as T,
    ...extra,
  };
}
