import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  CARD_TYPE,
  ConfigError,
  cardSize,
  configFromForm,
  gridOptions,
  stubConfig,
  validateConfig,
} from "../src/config";
import { localizer } from "../src/localize";

/** Assert a configuration is refused, in words: a translation key and its values. */
function assertRefused(config: unknown, key: string, values: Record<string, string> = {}): void {
  assert.throws(
    () => validateConfig(config),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.key, key);
      assert.deepEqual(err.values, values);
      assert.notEqual(localizer("en")(key, values), key, `${key} has no English words`);
      return true;
    },
  );
}

describe("the card's configuration", () => {
  test("a new card shows every line", () => {
    assert.deepEqual(stubConfig(), { type: "custom:esim-renewal-card" });
    assert.deepEqual(validateConfig(stubConfig()), { type: CARD_TYPE });
  });

  test("a title, picked lines, the compact variant and the dashboard's own options", () => {
    const config = {
      type: CARD_TYPE,
      title: "Lines",
      lines: ["a1", "b2"],
      compact: true,
      grid_options: { columns: 6 },
      visibility: [],
    };
    assert.deepEqual(validateConfig(config), config);
  });

  test("what the card cannot take is refused, in words", () => {
    assertRefused(null, "config.not_an_object");
    assertRefused(["lines"], "config.not_an_object");
    assertRefused({ type: CARD_TYPE, entity: "sensor.x" }, "config.unknown_option", { option: "entity" });
    assertRefused({ type: CARD_TYPE, title: 5 }, "config.title");
    assertRefused({ type: CARD_TYPE, compact: "yes" }, "config.compact");
    assertRefused({ type: CARD_TYPE, lines: "a1" }, "config.lines");
    assertRefused({ type: CARD_TYPE, lines: ["a1", ""] }, "config.lines");
    assertRefused({ type: CARD_TYPE, lines: ["a1", "a1"] }, "config.duplicate_line", { line: "a1" });
  });

  test("the editor's form keeps only what is set", () => {
    const base = { type: CARD_TYPE, title: "Old", grid_options: { columns: 6 } } as const;
    assert.deepEqual(configFromForm(base, { title: "", lines: [], compact: false }), {
      type: CARD_TYPE,
      grid_options: { columns: 6 },
    });
    assert.deepEqual(configFromForm(base, { title: "Mine", lines: ["a1"], compact: true }), {
      type: CARD_TYPE,
      grid_options: { columns: 6 },
      title: "Mine",
      lines: ["a1"],
      compact: true,
    });
  });

  test("its size: by lines in the masonry view, full or half width in sections", () => {
    assert.equal(cardSize({ type: CARD_TYPE }, 3), 12);
    assert.equal(cardSize({ type: CARD_TYPE, title: "Lines" }, 0), 5);
    assert.equal(cardSize({ type: CARD_TYPE, compact: true }, 1), 2);
    assert.deepEqual(gridOptions({ type: CARD_TYPE }), { columns: 12, min_columns: 6 });
    assert.deepEqual(gridOptions({ type: CARD_TYPE, compact: true }), { columns: 6, min_columns: 6 });
  });
});
