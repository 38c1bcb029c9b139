// Build the card into the one ES module the integration serves, or its unit
// tests for node's test runner.
//
//   node build.mjs           writes custom_components/esim_renewal/frontend/esim-renewal-card.js
//   node build.mjs --check   fails if building gives another file than the committed one
//   node build.mjs --tests   writes build/test/*.test.mjs
//
// The module is committed (HACS users do not build); `script/test` runs the
// check, so a change to the sources is committed with the module it builds.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const CARD = join(here, "..", "custom_components", "esim_renewal", "frontend", "esim-renewal-card.js");

/** Build the unit tests, each with what it imports, for node. */
async function buildTests() {
  const tests = readdirSync(join(here, "test")).filter((name) => name.endsWith(".test.ts"));
  await build({
    entryPoints: tests.map((name) => join(here, "test", name)),
    outdir: join(here, "build", "test"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

/** Build the card; return the module, written to its place unless only checked. */
async function buildCard({ write }) {
  const result = await build({
    entryPoints: [join(here, "src", "esim-renewal-card.ts")],
    outfile: CARD,
    write,
    bundle: true,
    format: "esm",
    // What the browsers Home Assistant supports run.
    target: "es2022",
    minify: true,
    legalComments: "eof",
    charset: "utf8",
    logLevel: "warning",
  });
  return write ? readFileSync(CARD) : Buffer.from(result.outputFiles[0].contents);
}

if (process.argv.includes("--tests")) {
  await buildTests();
} else if (process.argv.includes("--check")) {
  const built = await buildCard({ write: false });
  if (!built.equals(readFileSync(CARD))) {
    console.error(`${CARD} is not what the sources build: run \`node build.mjs\` in frontend/ and commit it.`);
    process.exit(1);
  }
  console.log(`The committed card is what its sources build (${built.length} bytes).`);
} else {
  const built = await buildCard({ write: true });
  console.log(`Built ${CARD} (${built.length} bytes).`);
}
