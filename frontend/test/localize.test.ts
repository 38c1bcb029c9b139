import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { errorMessage, formError } from "../src/errors";
import { TRANSLATIONS, cardLanguage, fillIn, localizer, type Translations } from "../src/localize";

/** Return every key of translations with its text or plural forms. */
function entries(translations: Translations, prefix = ""): Map<string, string | Translations> {
  const found = new Map<string, string | Translations>();
  for (const [key, value] of Object.entries(translations)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const isPlural = typeof value === "object" && "other" in value;
    if (typeof value === "string" || isPlural) {
      found.set(path, value);
    } else {
      for (const [inner, text] of entries(value, path)) {
        found.set(inner, text);
      }
    }
  }
  return found;
}

/** Return the placeholders of a text or of all its plural forms. */
function placeholders(value: string | Translations): string[] {
  const texts = typeof value === "string" ? [value] : Object.values(value).map(String);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
}

describe("the card's three languages", () => {
  const english = entries(TRANSLATIONS.en);

  for (const language of ["ja", "zh-Hans"] as const) {
    test(`${language} has every text of English, with the same placeholders`, () => {
      const other = entries(TRANSLATIONS[language]);
      assert.deepEqual([...other.keys()].sort(), [...english.keys()].sort());
      for (const [key, value] of english) {
        assert.deepEqual(placeholders(other.get(key)!), placeholders(value), key);
      }
    });
  }

  for (const language of ["en", "ja", "zh-Hans"] as const) {
    test(`${language} has every plural form the language uses`, () => {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, value] of entries(TRANSLATIONS[language])) {
        if (typeof value === "object") {
          assert.deepEqual(Object.keys(value).sort(), [...needed].sort(), key);
        }
      }
    });
  }

  test("Home Assistant's languages map to the card's, English otherwise", () => {
    assert.equal(cardLanguage("ja"), "ja");
    assert.equal(cardLanguage("zh-Hans"), "zh-Hans");
    assert.equal(cardLanguage("zh-CN"), "zh-Hans");
    assert.equal(cardLanguage("zh-Hant"), "en");
    assert.equal(cardLanguage("de"), "en");
    assert.equal(cardLanguage(undefined), "en");
  });

  test("a missing text falls back to English, then to its key", () => {
    assert.equal(localizer("de")("action.undo"), "Undo");
    assert.equal(localizer("ja")("no.such.key"), "no.such.key");
  });

  test("placeholders are filled in; unknown ones stay", () => {
    assert.equal(fillIn("{name} is safe through {date}", { name: "povo" }), "povo is safe through {date}");
  });
});

describe("the actions' errors", () => {
  const localize = (key: string, values?: Record<string, unknown>) =>
    key === "component.esim_renewal.exceptions.nothing_to_undo.message"
      ? `Nothing to undo on ${String(values?.name)}`
      : "";

  test("an error of the integration, in the user's language", () => {
    const error = {
      message: "Validation error: There is no renewal to undo",
      translation_domain: "esim_renewal",
      translation_key: "nothing_to_undo",
      translation_placeholders: { name: "povo" },
    };
    assert.equal(errorMessage(error, localize), "Nothing to undo on povo");
  });

  test("an error without a translation keeps the message Home Assistant sent", () => {
    assert.equal(
      errorMessage({ message: "Connection lost", translation_domain: "homeassistant" }, localize),
      "Connection lost",
    );
    assert.equal(errorMessage({ code: "timeout" }, localize), "timeout");
  });

  test("a refused renewal goes on the field it names, as in the renewal form", () => {
    const error = {
      translation_domain: "esim_renewal",
      translation_key: "invalid_pack_days",
      translation_placeholders: { field: "pack_days" },
    };
    assert.deepEqual(formError(error, ["renewed_on", "pack_days"]), {
      field: "pack_days",
      key: "invalid_pack_days",
    });
    assert.deepEqual(formError(error, ["renewed_on"]), { field: "base", key: "invalid_pack_days" });
    assert.deepEqual(formError({ message: "lost" }, ["renewed_on"]), { field: "base", key: null });
  });
});
