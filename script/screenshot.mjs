// Take the README screenshots from a running script/develop:
//   docs/screenshots/device.png     the povo demo line's device page
//   docs/screenshots/dashboard.png  README.md's "Dashboard card"
//
// Needs Chromium (Debian: apt-get install chromium) and playwright-core, which
// is not kept in this repository; install it anywhere outside it, then:
//   npm install --prefix /tmp/playwright playwright-core
//   PLAYWRIGHT_DIR=/tmp/playwright node script/screenshot.mjs [out-dir]
// Writes into docs/screenshots/ unless told otherwise. HA_URL and CHROMIUM
// override http://localhost:8123 and /usr/bin/chromium.
//
// The card is read from README.md (the yaml block under "### Dashboard card",
// parsed with .venv's PyYAML) as it stands: it names the demo's Travel eSIM
// line, so the screenshot shows exactly what the README says. It goes into a
// dashboard of its own (/esim-renewal, not in the sidebar), which is created on
// the first run and overwritten with the current card on later runs. A card
// that Home Assistant shows as an error fails the run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(
  join(process.env.PLAYWRIGHT_DIR ?? root, "package.json"),
);
const { chromium } = require("playwright-core");

const url = process.env.HA_URL ?? "http://localhost:8123";
const outDir = process.argv[2] ?? join(root, "docs/screenshots");
const device = "povo number keeper"; // the demo line of script/develop_bootstrap.py
const dashboard = { url_path: "esim-renewal", title: "eSIM Renewal" };

const profile = mkdtempSync(join(tmpdir(), "esim-renewal-screenshot-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  locale: "en-US",
  timezoneId: "Asia/Tokyo",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await logIn(page);
  await screenshotDevice(page, join(outDir, "device.png"));
  await screenshotDashboard(page, join(outDir, "dashboard.png"));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

async function logIn(page) {
  await page.goto(url);
  await page.getByLabel("Username").fill("demo");
  await page.getByLabel("Password", { exact: true }).fill("demo-esim-renewal");
  await page.getByRole("button", { name: "Log in" }).click();
  // "Keep me logged in" (on by default) keeps the tokens for the loads below.
  await page.waitForFunction(() => localStorage.getItem("hassTokens") !== null);
}

// The device page at 1280 wide, as tall as its content (so the sidebar runs
// down the whole image).
async function screenshotDevice(page, out) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${url}/config/devices/dashboard`);
  await page.getByText(device, { exact: true }).first().click();
  await page.waitForURL(/\/config\/devices\/device\//);
  await page.getByText("Sensors", { exact: true }).first().waitFor();
  await page.waitForTimeout(2000); // let the cards and icons settle
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.max(height, 900) });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out });
  console.log(`screenshot: saved ${out} of ${page.url()}`);
}

// README's card in a one-column view at phone-like width, cropped to the card
// with the view's own padding (8 px) of background around it.
async function screenshotDashboard(page, out) {
  const config = {
    title: dashboard.title,
    views: [{ title: "eSIM lines", path: "lines", cards: [readmeCard()] }],
  };
  await page.waitForFunction(
    () => document.querySelector("home-assistant")?.hass?.connection,
  );
  await page.evaluate(
    async ({ dashboard, config }) => {
      const conn = document.querySelector("home-assistant").hass.connection;
      const send = (message) => conn.sendMessagePromise(message);
      const existing = await send({ type: "lovelace/dashboards/list" });
      if (!existing.some((d) => d.url_path === dashboard.url_path)) {
        await send({
          type: "lovelace/dashboards/create",
          ...dashboard,
          icon: "mdi:sim",
          show_in_sidebar: false,
          require_admin: false,
          mode: "storage",
        });
      }
      await send({
        type: "lovelace/config/save",
        url_path: dashboard.url_path,
        config,
      });
    },
    { dashboard, config },
  );

  await page.setViewportSize({ width: 500, height: 700 });
  await page.goto(`${url}/${dashboard.url_path}/lines`);
  const card = page.locator("hui-vertical-stack-card").first();
  await card.waitFor();
  await page.waitForTimeout(2000); // let the cards and icons settle
  const errors = await page
    .locator("hui-error-card, hui-warning")
    .allInnerTexts();
  if (errors.length > 0) {
    // Error cards keep their message in shadow DOM, so the texts may be empty.
    throw new Error(
      `the README card shows ${errors.length} error(s): ${JSON.stringify(errors)}`,
    );
  }
  const box = await card.boundingBox();
  const margin = 8;
  await page.screenshot({
    path: out,
    clip: {
      x: box.x - margin,
      y: box.y - margin,
      width: box.width + 2 * margin,
      height: box.height + 2 * margin,
    },
  });
  console.log(`screenshot: saved ${out} of ${page.url()}`);
}

// The yaml block of README.md's "Dashboard card" section, for the demo line.
function readmeCard() {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = readme.match(/^### Dashboard card\n[\s\S]*?```yaml\n([\s\S]*?)```/m);
  if (!block) throw new Error('README.md has no yaml block under "### Dashboard card"');
  const yaml = block[1];
  const json = execFileSync(
    join(root, ".venv/bin/python"),
    ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"],
    { input: yaml, encoding: "utf8" },
  );
  return JSON.parse(json);
}
