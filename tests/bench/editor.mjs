// `cargo xtask bench editor`: time from a keystroke in the editor to its preview and its problems
// list being updated, for the largest example, in headless Chromium over loopback.
//
// Usage: node tests/bench/editor.mjs EDGE_BASE ORG/NOTICE [KEYSTROKES=40]
// Prints one JSON line: {"keystroke_ms": [ms...], "field": "field-…"}.
//
// Method. The editor opens `EDGE/edit/ORG/NOTICE` and starts from the latest published version
// (clicking it when the app asks where to start), and the script waits until the preview
// (`#seloste-preview`, the widget's own rendering) shows it.
// The typing goes into an email address of the organisation (`#field-organisation.emails[0]`),
// alternately `@` (making it invalid: an error appears in the problems list, `#seloste-problems`)
// and Backspace (valid again: the error goes), so that every keystroke changes both the preview
// and the problems list, as the goal reads. In the page, a capturing `keydown` listener
// records t0; MutationObservers on the two elements record when each first changed after it; at
// the animation frame after both have changed (the update is then on screen) the sample is
// `performance.now() - t0`. Keystrokes are sent one at a time, each after the previous sample, the
// first 6 (warm-up) not counted. A keystroke after which either element does not change within
// 10 s fails the run: it would mean the figure measures something else.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

import chrome from "../support/chrome.cjs";

const [edge, id, countArg] = process.argv.slice(2);
const KEYSTROKES = Number(countArg ?? 40);
const WARM_UP = 6;
const FIELD = "field-organisation.emails[0]";

const profile = mkdtempSync(join(tmpdir(), "seloste-bench-editor-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chrome.findChrome(),
  headless: true,
  args: chrome.CHROME_ARGS,
  viewport: { width: 1400, height: 1000 },
});

/** Awaits `promise`; on failure, fails the run with `what` (the reason xtask reports). */
async function expect(promise, what) {
  try {
    return await promise;
  } catch (e) {
    throw new Error(`${what} (${e.message.split("\n")[0]})`);
  }
}

try {
  const page = await context.newPage();
  await page.goto(`${edge}/edit/${id}?lang=fi`);
  const field = page.locator(`[id="${FIELD}"]`);
  // The editor may first ask where to start: from the latest published version ("… (N)").
  const latest = page.locator(".ed-start button", { hasText: /\(\d+\)/ }).first();
  await expect(
    Promise.any([field.waitFor({ timeout: 60000 }), latest.waitFor({ timeout: 60000 })]),
    `the editor shows neither #${FIELD} nor a start from the latest version within 60 s`,
  );
  if ((await field.count()) === 0) await latest.click();
  await expect(field.waitFor({ timeout: 60000 }), `the editor shows no #${FIELD} within 60 s`);
  await expect(
    page.waitForFunction(() => document.querySelector("#seloste-preview h1"), null, { timeout: 60000 }),
    "no preview (#seloste-preview h1) within 60 s",
  );
  await expect(
    page.locator("#seloste-problems").waitFor({ state: "attached", timeout: 60000 }),
    "no problems list (#seloste-problems) within 60 s",
  );

  await page.evaluate(() => {
    const bench = (window.__bench = { samples: [], pending: null });
    document.addEventListener(
      "keydown",
      () => {
        bench.pending = { t0: performance.now(), preview: false, problems: false };
      },
      true,
    );
    const watch = (id, key) =>
      new MutationObserver(() => {
        const p = bench.pending;
        if (!p || p[key]) return;
        p[key] = true;
        if (p.preview && p.problems) {
          bench.pending = null;
          requestAnimationFrame(() => bench.samples.push(performance.now() - p.t0));
        }
      }).observe(document.getElementById(id), { subtree: true, childList: true, characterData: true, attributes: true });
    watch("seloste-preview", "preview");
    watch("seloste-problems", "problems");
  });

  await field.focus();
  await page.keyboard.press("End");
  for (let i = 0; i < WARM_UP + KEYSTROKES; i++) {
    await page.keyboard.press(i % 2 === 0 ? "@" : "Backspace");
    try {
      await page.waitForFunction((n) => window.__bench.samples.length === n, i + 1, { timeout: 10000 });
    } catch {
      const pending = await page.evaluate(() => window.__bench.pending);
      throw new Error(`keystroke ${i + 1}: the preview or the problems list did not change within 10 s (${JSON.stringify(pending)})`);
    }
  }
  const samples = await page.evaluate(() => window.__bench.samples);
  console.log(JSON.stringify({ keystroke_ms: samples.slice(WARM_UP), field: FIELD }));
} catch (e) {
  console.error(`bench editor: ${e.message}`);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
