// The editor (issue 12) in Chromium against the real worker in workerd: the edge serves the host
// page (`/edit`, `/edit/{org}/{notice}`) and the editor's bundle; the app reads and publishes
// through the edge's own JSON API. No mocks.
//
// What it proves: a complete bilingual notice made from the blank template with the keyboard only;
// an existing notice's text pasted, imported, its errors fixed, published as version 2 and shown
// on the edge's change log with its diff; two authors publishing at once, the second told and
// shown the first's change; a reload keeps the draft; the key never reaches storage or cookies;
// axe-core finds no violations at any step. Screenshots: target/screenshots/editor-*.png.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

import { CHROME_ARGS, findChrome } from "../support/chrome.cjs";
import { ROOT, freshEdge, getJson, notice, publishOk } from "./helpers.mjs";

const SHOTS = join(ROOT, "target/screenshots");
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

let edge;
let browser;
/** The organisation `acme`'s publishing key (made with the keys API, as an operator would). */
let key;

before(async () => {
  edge = await freshEdge("editor");
  const r = await fetch(edge.url("/api/v1/orgs/acme/keys"), {
    method: "POST",
    headers: { authorization: `Bearer ${edge.token}`, "content-type": "application/json" },
    body: JSON.stringify({ label: "editor test" }),
  });
  assert.equal(r.status, 201);
  key = (await r.json()).key;
  browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await edge?.stop();
});

/** A fresh browser context (one author) with `path` open; console errors and CSP reports kept. */
async function open(path, { colorScheme = "light", width = 1400 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, colorScheme, locale: "en-US" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    // The answers the app expects and handles (a new notice's 404, 409 outdated, 422) are logged
    // by Chromium as failed loads; anything else is a problem, a CSP report above all.
    if (/Failed to load resource: the server responded with a status of (404|409|422)/.test(m.text())) return;
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e}`));
  await page.goto(edge.url(path));
  return { page, context, problems };
}

/** axe-core's violations on the whole page (WCAG 2.2 AA and best practice). */
async function axe(page) {
  await page.evaluate(AXE); // through the DevTools protocol, so the page's CSP allows it
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
    }));
  });
}

async function noViolations(page, where) {
  assert.deepEqual(await axe(page), [], `axe-core: ${where}`);
}

const shot = (page, name) => page.screenshot({ path: join(SHOTS, `editor-${name}.png`), fullPage: true });

/** A control by its id (ids hold dots and brackets, so no `#…` selector). */
const byId = (page, id) => page.locator(`[id="${id}"]`);

/** The counts the live region announces. */
const counts = (page) => byId(page, "problem-counts").textContent();

/**
 * Moves the keyboard focus to the element matching `selector` with Tab alone (Shift+Tab when
 * `back`), as a keyboard user would; fails when it is not reachable.
 */
async function tabTo(page, selector, { back = false, max = 300 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${selector} is not reachable with the keyboard`);
}

/** Focuses `id` with the keyboard and types `text` into it (replacing what it held). */
async function typeInto(page, id, text) {
  await tabTo(page, `[id="${id}"]`);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

/** Opens the draft of `id` at the edge, waiting for the app's first screen. */
async function editor(path, options) {
  const o = await open(path, options);
  await o.page.waitForSelector("#start-blank-button, #seloste-problems, #choose-org", { timeout: 60000 });
  return o;
}

/** The three publishing steps, by keyboard where it matters: summary, then the key. */
async function publishSteps(page, summaries, { secret = key } = {}) {
  await page.locator("#publish").click();
  await page.locator("#step-next").click();
  for (const [lang, text] of Object.entries(summaries)) await byId(page, `summary-${lang}`).fill(text);
  await page.locator("#step-next").click();
  await byId(page, "publish-key").fill(secret);
  await page.locator("#publish-now").click();
}

test("/edit chooses a notice by ids the schema accepts", async () => {
  const { page, context, problems } = await editor("/edit");
  await noViolations(page, "chooser");
  await page.locator("#choose-org").fill("Acme!");
  await page.locator("#choose-notice").fill("customers");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#id-error:not(:empty)");
  assert.equal(await page.locator("#choose-org").getAttribute("aria-invalid"), "true");
  await shot(page, "chooser");
  await page.locator("#choose-org").fill("acme");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/edit\/acme\/customers$/);
  await page.waitForSelector("#start-blank-button");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a complete bilingual notice from the blank template, with the keyboard only", async () => {
  const { page, context, problems } = await editor("/edit/acme/keyboard");
  await noViolations(page, "start page");
  // The interface in Finnish (the page came in the browser's English): the language select.
  assert.equal(await page.locator("h1").first().textContent(), "Privacy notice editor · acme/keyboard");
  await tabTo(page, "#ui-lang");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction(() => document.querySelector(".ed-app").lang === "fi");
  assert.equal(await page.locator("h1").first().textContent(), "Tietosuojaselosteen muokkain · acme/keyboard");
  await shot(page, "start");
  // Finnish is chosen already; add English and start.
  await tabTo(page, "#blank-lang-en");
  await page.keyboard.press("Space");
  assert.ok(await page.locator("#blank-lang-en").isChecked());
  await tabTo(page, "#start-blank-button");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[id="field-title.fi"]');
  assert.match(await counts(page), /[1-9]/, "the blank template starts with errors to fix");
  await noViolations(page, "blank draft");

  await typeInto(page, "field-title.fi", "Asiakasrekisterin tietosuojaseloste");
  await typeInto(page, "field-title.en", "Customer register privacy notice");
  await typeInto(page, "field-organisation.name", "Acme Oy");
  // Add an e-mail address: the Add button of the absent list, then the new item's field.
  await tabTo(page, '[id="field-organisation.emails"]');
  await page.keyboard.press("Enter");
  // The list comes as the schema's smallest value (maybe empty): then its own Add button.
  await page.waitForSelector('[id="field-organisation.emails[0]"], [id="add-organisation.emails"]');
  if ((await byId(page, "field-organisation.emails[0]").count()) === 0) {
    await tabTo(page, '[id="add-organisation.emails"]');
    await page.keyboard.press("Enter");
  }
  await page.waitForSelector('[id="field-organisation.emails[0]"]');
  await typeInto(page, "field-organisation.emails[0]", "tietosuoja@acme.example");

  // No errors left (findings may stay: they are the author's to judge), announced politely.
  await page.waitForFunction(() => /^\D*0\D/.test(document.getElementById("problem-counts").textContent));
  assert.equal(await page.locator("#problem-counts").getAttribute("aria-live"), "polite");
  assert.equal(await page.locator("#seloste-problems li.error").count(), 0);
  assert.equal(await page.locator("#seloste-preview h1").textContent(), "Asiakasrekisterin tietosuojaseloste");
  assert.match(await page.locator("#seloste-preview").textContent(), /tietosuoja@acme\.example/);
  // The preview in the notice's other language, through its own switch, by keyboard.
  await tabTo(page, '#seloste-preview .langs [lang="en"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#seloste-preview h1")?.textContent === "Customer register privacy notice");
  await noViolations(page, "complete draft");
  await shot(page, "keyboard-draft");

  // Publish it, keyboard only: the three steps.
  await tabTo(page, "#publish", { back: true });
  await page.keyboard.press("Enter");
  await page.waitForSelector("#step-title");
  assert.match(await page.locator("#seloste-publish").textContent(), /first version|ensimmäinen versio|första version/i);
  await noViolations(page, "publish step 1");
  await tabTo(page, "#step-next");
  await page.keyboard.press("Enter");
  await typeInto(page, "summary-fi", "Ensimmäinen versio.");
  await typeInto(page, "summary-en", "First version.");
  await noViolations(page, "publish step 2");
  await tabTo(page, "#step-next");
  await page.keyboard.press("Enter");
  await typeInto(page, "publish-key", key);
  await noViolations(page, "publish step 3");
  await shot(page, "publish-key");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#done-title");
  assert.match(await page.locator("#done-title").textContent(), /1/);
  await noViolations(page, "published");
  await shot(page, "published-keyboard");

  const latest = await getJson(edge, "/api/v1/notices/acme/keyboard");
  assert.equal(latest.status, 200);
  assert.equal(latest.json.latest.number, 1);
  assert.deepEqual(latest.json.latest.notice.title, { fi: "Asiakasrekisterin tietosuojaseloste", en: "Customer register privacy notice" });
  assert.deepEqual(latest.json.latest.notice.organisation.emails, ["tietosuoja@acme.example"]);
  // The key was held in memory only: no storage, no cookie has it; the draft is cleared.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!stored.includes(key), "the key is never stored");
  assert.equal(await page.evaluate(() => localStorage.getItem("seloste-editor/draft/edge/acme/keyboard")), null, "the draft is cleared on publish");
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

const PASTED = `Asiakasrekisterin tietosuojaseloste

1. Rekisterinpitäjä
Acme Oy
Esimerkkikatu 1, 00100 Helsinki
tietosuoja@acme.example

2. Henkilötietojen käsittelyn tarkoitus
Asiakassuhteen hoitaminen, laskutus ja asiakasviestintä.

3. Rekisteröidyn oikeudet
Rekisteröidyllä on oikeus tarkastaa itseään koskevat tiedot ja vaatia virheellisen tiedon korjaamista.
`;

test("a pasted text notice is imported, its errors fixed, published as version 2 and shown on the change log", async () => {
  await publishOk(edge, "acme/customers", {
    notice: notice("acme/customers", { languages: ["fi"], title: { fi: "Vanha seloste" }, organisation: { name: "Acme Oy" } }),
    summary: { fi: "Ensimmäinen versio." },
  });
  const { page, context, problems } = await editor("/edit/acme/customers");
  assert.match(await page.locator(".ed-start").textContent(), /\(1\)/, "the latest version is offered");
  await page.locator("#import-text").fill(PASTED);
  await page.locator("#import-button").click();
  await page.waitForSelector("#import-report");
  const report = await page.locator("#import-report").textContent();
  assert.match(report, /Rekisterinpitäjä/, "the report says where each section went");
  await noViolations(page, "import report");
  await shot(page, "imported");
  assert.equal(await page.locator("#seloste-preview h1").textContent(), "Asiakasrekisterin tietosuojaseloste");

  // Make an error the way authors do (an address mistyped), see it at its field and in the list,
  // follow the list's link to the field, and fix it.
  await byId(page, "field-organisation.emails[0]").fill("tietosuoja(at)acme.example");
  const link = page.locator('#seloste-problems li.error a[href="#field-organisation.emails[0]"]');
  await link.waitFor();
  assert.equal(await byId(page, "field-organisation.emails[0]").getAttribute("aria-invalid"), "true");
  await noViolations(page, "a draft with an error");
  await shot(page, "error-at-field");
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "field-organisation.emails[0]");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("tietosuoja@acme.example");
  await page.waitForFunction(() => document.querySelectorAll("#seloste-problems li.error").length === 0);

  // Step 1 shows what changes for readers with the widget's own diff.
  await page.locator("#publish").click();
  const diff = page.locator("#seloste-publish .diff");
  await diff.waitFor();
  assert.match(await diff.textContent(), /tietosuoja@acme\.example/);
  assert.ok((await diff.locator("ins, del").count()) > 0);
  await shot(page, "publish-diff");
  // Publishing without a summary: the edge refuses (422) and says where.
  await page.locator("#step-next").click();
  await page.locator("#step-next").click();
  await byId(page, "publish-key").fill(key);
  await page.locator("#publish-now").click();
  await page.waitForSelector(".ed-rejected");
  assert.match(await page.locator(".ed-rejected").textContent(), /summary/);
  await shot(page, "publish-refused");
  await page.locator("#seloste-publish button", { hasText: /Takaisin|Back|Tillbaka/ }).click();
  await byId(page, "summary-fi").fill("Seloste tuotiin uudelleen alkuperäisestä tekstistä.");
  await page.locator("#step-next").click();
  await page.locator("#publish-now").click();
  await page.waitForSelector("#done-title");
  assert.match(await page.locator("#done-title").textContent(), /2/);

  // The edge's change log shows version 2 with its diff.
  await page.locator("#done-history").click();
  await page.waitForURL(/\/acme\/customers\/history/);
  const v2 = page.locator("#v2");
  await v2.waitFor();
  await v2.locator("summary").click();
  assert.match(await v2.textContent(), /Seloste tuotiin uudelleen/);
  assert.match(await v2.locator(".diff").textContent(), /tietosuoja@acme\.example/);
  await shot(page, "changelog-v2");
  assert.deepEqual(problems, []);
  await context.close();
});

test("two authors publish at once: the second is told, shown the first's change, and publishes on top of it without undoing it", async () => {
  await publishOk(edge, "acme/staff", { notice: notice("acme/staff"), summary: { fi: "Versio 1", en: "Version 1" } });
  const a = await editor("/edit/acme/staff");
  const b = await editor("/edit/acme/staff");
  for (const { page } of [a, b]) {
    await page.locator(".ed-start button", { hasText: /\(1\)/ }).click();
    await page.waitForSelector('[id="field-title.fi"]');
  }
  await byId(a.page, "field-organisation.name").fill("Testi Oy (A)");
  await byId(b.page, "field-title.en").fill("Staff register privacy notice (B)");
  await publishSteps(a.page, { fi: "A:n muutos", en: "A's change" });
  await a.page.waitForSelector("#done-title");

  await publishSteps(b.page, { fi: "B:n muutos", en: "B's change" });
  const told = b.page.locator("#publish-outdated");
  await told.waitFor();
  assert.match(await told.textContent(), /\b2\b/, "says which version was published meanwhile");
  assert.match(await told.textContent(), /Testi Oy \(A\)/, "shows the other author's change");
  await noViolations(b.page, "outdated");
  await shot(b.page, "outdated");
  await b.page.locator("#publish-now").click();
  await b.page.waitForSelector("#done-title");
  assert.match(await b.page.locator("#done-title").textContent(), /3/);

  const latest = await getJson(edge, "/api/v1/notices/acme/staff");
  assert.equal(latest.json.latest.number, 3);
  assert.equal(latest.json.latest.notice.title.en, "Staff register privacy notice (B)");
  assert.equal(latest.json.latest.notice.organisation.name, "Testi Oy (A)", "the first author's change is kept");
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
  await a.context.close();
  await b.context.close();
});

test("a reload keeps the draft, says so, and the draft can be discarded", async () => {
  await publishOk(edge, "acme/reload", { notice: notice("acme/reload"), summary: { fi: "Versio 1", en: "Version 1" } });
  const { page, context, problems } = await editor("/edit/acme/reload", { colorScheme: "dark", width: 800 });
  await page.locator(".ed-start button", { hasText: /\(1\)/ }).click();
  await byId(page, "field-title.en").fill("A draft not to be lost");
  await page.reload();
  await page.waitForSelector("#draft-restored");
  assert.equal(await byId(page, "field-title.en").inputValue(), "A draft not to be lost");
  assert.equal(await page.locator("#seloste-preview h1").textContent(), "A draft not to be lost");
  assert.equal(await page.locator("#draft-behind").count(), 0, "nothing was published since");
  await noViolations(page, "restored draft, dark, narrow");
  await shot(page, "restored-dark-narrow");
  await page.locator("#discard-draft").click();
  await page.waitForSelector("#start-blank-button");
  assert.equal(await page.evaluate(() => localStorage.getItem("seloste-editor/draft/edge/acme/reload")), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a draft restored after someone else published says so at once, and publishes on top of their change", async () => {
  await publishOk(edge, "acme/behind", { notice: notice("acme/behind"), summary: { fi: "Versio 1", en: "Version 1" } });
  const { page, context, problems } = await editor("/edit/acme/behind");
  await page.locator(".ed-start button", { hasText: /\(1\)/ }).click();
  await byId(page, "field-title.en").fill("The draft's own title");
  // Someone else publishes version 2 while the draft waits in this browser.
  const theirs = notice("acme/behind");
  theirs.organisation.name = "Testi Oy (theirs)";
  await publishOk(edge, "acme/behind", { notice: theirs, summary: { fi: "Versio 2", en: "Version 2" } });
  await page.reload();
  const behind = page.locator("#draft-behind");
  await behind.waitFor();
  assert.match(await behind.textContent(), /\b2\b/, "names the version published since");
  assert.equal(await byId(page, "field-title.en").inputValue(), "The draft's own title");
  await noViolations(page, "restored draft behind the latest");
  await publishSteps(page, { fi: "Oma muutos", en: "My change" });
  await page.locator("#publish-outdated").waitFor();
  assert.equal(await behind.count(), 0, "said once: the draft now stands on version 2");
  await page.locator("#publish-now").click();
  await page.waitForSelector("#done-title");
  const latest = await getJson(edge, "/api/v1/notices/acme/behind");
  assert.equal(latest.json.latest.number, 3);
  assert.equal(latest.json.latest.notice.title.en, "The draft's own title");
  assert.equal(latest.json.latest.notice.organisation.name, "Testi Oy (theirs)", "their change is kept");
  assert.deepEqual(problems, []);
  await context.close();
});
