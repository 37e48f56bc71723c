// The embeddable widget against the real edge: the worker in workerd (Miniflare) with every example
// published, the widget bundle and the JSON API served by it, and a company site on another origin
// (tests/support/site.cjs, strict CSP, a cookie of its own) embedding it, in headless Chromium.
// Scenarios: the notice with its facts, CSS isolation, the language switch, the change log and a
// diff, `data-version`, `data-view="history"`, `data-lang` with a language the notice lacks, the
// fallback for a missing notice and for a wasm that cannot load, accessibility (axe-core), no
// globals, storage or cookies, and /embed.html served by the edge under its own CSP; and the fast
// path: the notice readable from the edge's pre-rendered fragment before any wasm arrives, the
// wasm's own rendering identical to it, and a click made before the wasm arrived replayed. Faults the
// worker cannot be made to produce (slow, cut, 500) are in tests/browser/ with a stand-in edge.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

import { CHROME_ARGS, findChrome } from "../support/chrome.cjs";
import { companyPage, startSite } from "../support/site.cjs";
import { ROOT, freshEdge, publishExamples } from "./helpers.mjs";

const SHOTS = join(ROOT, "target/screenshots");
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const OWN = "pohjantahti/asiakasrekisteri";

const widgetTag = (id, attrs = "") => `<script src="/widget/seloste.js" data-notice="${id}" ${attrs} async></script>`;

let edge;
let site;
let browser;

before(async () => {
  const executablePath = findChrome();
  edge = await freshEdge("widget");
  await publishExamples(edge);
  site = await startSite(edge.base, {
    "/": join(ROOT, "examples/embed.html"),
    "/missing": join(import.meta.dirname, "fixtures/missing.html"),
    "/pinned": companyPage(widgetTag(OWN, 'data-version="1"')),
    "/history": companyPage(widgetTag(OWN, 'data-view="history"')),
    "/swedish": companyPage(widgetTag(OWN), "sv"),
    "/english": companyPage(widgetTag(OWN, 'data-lang="en"'), "sv"),
    "/blank": companyPage(""),
  });
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await edge?.stop();
});

/**
 * Opens `path` on the site in a fresh browser context (no state shared between tests) and records
 * what the console and the page report, and every request to the edge with all its headers.
 */
async function open(path, { colorScheme = "light", before: prepare } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push({ type: m.type(), text: m.text(), url: m.location().url });
  });
  page.on("pageerror", (e) => problems.push({ type: "pageerror", text: String(e), url: "" }));
  const toEdge = [];
  page.on("request", (r) => {
    // The wasm is fetched when the page is idle, which may be as the context closes.
    if (r.url().startsWith(edge.base)) toEdge.push(r.allHeaders().then((headers) => ({ url: r.url(), headers }), () => ({ url: r.url(), headers: {} })));
  });
  if (prepare) await prepare(page);
  await page.goto(site.origin + path);
  return { page, problems, requests: () => Promise.all(toEdge), close: () => context.close() };
}

const own = (page) => page.locator("seloste-notice").first();
/** Waits until the wasm app runs in every notice on the page (`interactive`), so the nodes read
 * next are the ones that stay. */
const settled = (page) => page.waitForFunction(() => [...document.querySelectorAll("seloste-notice")].every((e) => e.interactive));
const partner = (page) => page.locator("#partner-notice seloste-notice");

/** The tag name of what has focus inside the first widget's shadow root, once it is `want` or
 * after a wait (a bound on waiting, not on speed: the value is what is asserted). */
async function focusedInWidget(page, want) {
  const read = () => page.evaluate(() => document.querySelector("seloste-notice").shadowRoot.activeElement?.tagName ?? null);
  return page
    .waitForFunction((t) => document.querySelector("seloste-notice").shadowRoot.activeElement?.tagName === t, want, { timeout: 10000 })
    .then(read, read);
}

/** Runs axe-core on the shadow content of the `index`th widget and returns its violations. */
async function axe(page, index) {
  await page.evaluate(AXE); // through the DevTools protocol, so the page's CSP allows it
  return page.evaluate(async (i) => {
    const host = document.querySelectorAll("seloste-notice")[i];
    const result = await window.axe.run(host, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
    }));
  }, index);
}

test("the latest version is rendered in a Shadow DOM with every fact readable", async () => {
  const { page, problems, close } = await open("/");
  const w = own(page);
  await w.locator("h1").waitFor();
  assert.equal(await w.locator("h1").innerText(), "Pohjantähti Verkkokaupan asiakasrekisterin tietosuojaseloste");
  assert.equal(await w.locator("article").getAttribute("lang"), "fi");
  const text = await w.locator("article").innerText();
  for (const fact of [
    "Pohjantähti Verkkokauppa Oy", "3141593-8", "Tähtikuja 7 B", "Päivitetty 1.6.2026",
    "Versio 3, julkaistu 1.6.2026", "Sopimus (6(1)(b))", "Rekisterinpitäjä", "Rekisteröidyn oikeudet",
    "Mikko Järvinen", "Kipinä Uutiskirjeet Oy",
  ]) {
    assert.ok(text.includes(fact), `the notice shows ${fact}:\n${text}`);
  }
  assert.ok(!text.includes("Laura Lehtinen"), "the latest version's contact person, not version 1's");
  assert.equal(await w.locator('a[href="tel:+35835550100"]').count(), 1, "phone is a tel: link");
  assert.equal(await w.locator('a[href="mailto:asiakaspalvelu@pohjantahti.example"]').count(), 1);
  assert.equal(await w.locator("h1").count(), 1);
  assert.equal(await w.locator("section#controller > h2").count(), 1, "sections carry their anchors");
  const shadow = await page.evaluate(() => {
    const host = document.querySelector("seloste-notice");
    return { sheets: host.shadowRoot.adoptedStyleSheets.length, styles: host.shadowRoot.querySelectorAll("style").length };
  });
  assert.deepEqual(shadow, { sheets: 1, styles: 0 }, "one adopted stylesheet, no <style> element");

  // The partner's notice, in its data-target element, works independently.
  await partner(page).locator("h1").waitFor();
  assert.ok((await partner(page).locator("article").innerText()).includes("Caracom Group Oy"));
  await w.screenshot({ path: join(SHOTS, "notice.png") });
  await page.screenshot({ path: join(SHOTS, "embed-page.png"), fullPage: true });
  assert.deepEqual(problems, [], "no console errors or warnings");
  await close();
});

test("host CSS does not leak in, widget CSS does not leak out, custom properties do cross", async () => {
  const { page, close } = await open("/");
  await own(page).locator("h1").waitFor();
  await settled(page);
  const inside = await own(page).locator("section#controller > h2").evaluate((h) => {
    const s = getComputedStyle(h);
    const p = getComputedStyle(h.parentElement.querySelector("dd") || h);
    const a = getComputedStyle(h.getRootNode().querySelector("a"));
    return {
      color: s.color, font: s.fontFamily, transform: s.textTransform, decoration: s.textDecorationLine,
      letterSpacing: s.letterSpacing, ddIndent: p.textIndent, linkBg: a.backgroundColor, linkColor: a.color,
    };
  });
  assert.notEqual(inside.color, "rgb(176, 0, 32)", "host colour does not reach in");
  assert.ok(!/comic/i.test(inside.font), `host font does not reach in (${inside.font})`);
  assert.equal(inside.transform, "none");
  assert.equal(inside.decoration, "none");
  assert.equal(inside.letterSpacing, "normal");
  assert.equal(inside.ddIndent, "0px");
  assert.equal(inside.linkBg, "rgba(0, 0, 0, 0)", "host link background does not reach in");
  assert.equal(inside.linkColor, "rgb(11, 90, 58)", "the site may set --seloste-accent from outside");
  const outside = await page.evaluate(() => {
    const h2 = document.querySelector("main > h2");
    return { size: getComputedStyle(h2).fontSize, color: getComputedStyle(h2).color };
  });
  assert.deepEqual(outside, { size: "40px", color: "rgb(176, 0, 32)" }, "the host page keeps its own styles");
  await close();
});

test("the language switch works with the keyboard", async () => {
  const { page, problems, close } = await open("/");
  const w = own(page);
  await w.locator("h1").waitFor();
  const english = w.locator('nav.langs button[lang="en"]');
  assert.equal(await english.getAttribute("aria-pressed"), "false");
  await english.focus();
  await page.keyboard.press("Enter");
  await w.locator('article[lang="en"]').waitFor();
  assert.equal(await w.locator("h1").innerText(), "Privacy notice for the customer register of Pohjantähti Verkkokauppa");
  assert.equal(await english.getAttribute("aria-pressed"), "true");
  assert.ok((await w.locator("article").innerText()).includes("Contract (6(1)(b))"));
  assert.equal(await partner(page).locator("article").getAttribute("lang"), "fi", "the partner's widget stays Finnish");
  assert.deepEqual(problems, []);
  await close();
});

test("the change log (computed by the edge) lists every version with its date, and a diff opens", async () => {
  const { page, problems, requests, close } = await open("/");
  const w = own(page);
  await w.locator("h1").waitFor();
  // The live app's behaviour (focus included); clicks made before or during the take-over are the
  // subjects of the "a click … before the wasm arrived" and "… as the wasm takes over" tests below.
  await page.waitForFunction(() => document.querySelector("seloste-notice").interactive, null, { timeout: 20000 });
  await w.locator("button.to-view").click();
  await w.locator("section.version").first().waitFor();
  assert.match(await w.locator("h1").innerText(), /^Muutoshistoria/);
  assert.equal(await focusedInWidget(page, "H1"), "H1", "focus moves to the new view");
  assert.deepEqual(await w.locator("section.version > h2").allInnerTexts(), ["Versio 3 · 1.6.2026", "Versio 2 · 15.1.2025", "Versio 1 · 1.3.2024"]);
  const v1 = await w.locator("section#v1").innerText();
  assert.ok(v1.includes("Selosteen ensimmäinen julkaistu versio."), v1);
  assert.ok(!v1.includes("Ensimmäinen julkaistu versio."), `the summary is not followed by a stock line: ${v1}`);
  const v2 = w.locator("section#v2 details");
  assert.equal(await v2.getAttribute("open"), null);
  await v2.locator("summary").click();
  assert.notEqual(await v2.getAttribute("open"), null);
  const diff = await v2.innerText();
  assert.ok(diff.includes("Lisätty") && diff.includes("Kipinä Uutiskirjeet Oy"), diff);
  await w.locator("section#v3 details summary").click();
  const v3 = await w.locator("section#v3 details").innerText();
  assert.ok(v3.includes("Muutettu") && v3.includes("Mikko Järvinen"), v3);
  const asked = (await requests()).map((r) => new URL(r.url).pathname);
  assert.ok(asked.includes(`/api/v1/notices/${OWN}/changes`), `the widget read the edge's change log: ${asked.join(" ")}`);
  await w.screenshot({ path: join(SHOTS, "history.png") });
  assert.deepEqual(await axe(page, 0), [], "axe finds no violations in the change log");
  await w.locator("button.to-view").click();
  await w.locator("section#controller").waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('data-version="1" pins the first version', async () => {
  const { page, problems, requests, close } = await open("/pinned");
  const w = own(page);
  await w.locator("article").waitFor();
  const text = await w.locator("article").innerText();
  assert.ok(text.includes("Versio 1, julkaistu 1.3.2024"), text);
  assert.ok(text.includes("Laura Lehtinen"), "version 1's contact person");
  assert.ok(!text.includes("Mikko Järvinen"), "not the latest version's");
  assert.ok(!text.includes("Kipinä Uutiskirjeet Oy"), "the processor added in version 2 is not there yet");
  const asked = (await requests()).map((r) => new URL(r.url)).map((u) => u.pathname + u.search);
  assert.ok(asked.includes(`/api/v1/notices/${OWN}/fragment?lang=fi&version=1`), asked.join(" "));
  assert.deepEqual(problems, []);
  await close();
});

test('data-view="history" opens on the change log', async () => {
  const { page, problems, close } = await open("/history");
  const w = own(page);
  await w.locator("section.version").first().waitFor();
  assert.match(await w.locator("h1").innerText(), /^Muutoshistoria/);
  assert.deepEqual(await w.locator("section.version > h2").allInnerTexts(), ["Versio 3 · 1.6.2026", "Versio 2 · 15.1.2025", "Versio 1 · 1.3.2024"]);
  assert.equal(await w.locator("section#controller").count(), 0, "not the notice");
  assert.deepEqual(problems, []);
  await close();
});

test("a page language the notice lacks falls back to the notice's main language; data-lang wins over the page's", async () => {
  const swedish = await open("/swedish");
  await own(swedish.page).locator("article").waitFor();
  assert.equal(await own(swedish.page).locator("article").getAttribute("lang"), "fi", "Swedish page, fi/en notice: Finnish");
  assert.equal(await own(swedish.page).locator("h1").innerText(), "Pohjantähti Verkkokaupan asiakasrekisterin tietosuojaseloste");
  assert.deepEqual(swedish.problems, []);
  await swedish.close();

  const english = await open("/english");
  await own(english.page).locator("article").waitFor();
  assert.equal(await own(english.page).locator("article").getAttribute("lang"), "en");
  assert.equal(await own(english.page).locator("h1").innerText(), "Privacy notice for the customer register of Pohjantähti Verkkokauppa");
  await english.close();
});

test("axe-core finds no accessibility violations in either notice, light or dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, close } = await open("/", { colorScheme });
    await own(page).locator("h1").waitFor();
    await partner(page).locator("h1").waitFor();
    assert.deepEqual(await axe(page, 0), [], `own notice (${colorScheme})`);
    assert.deepEqual(await axe(page, 1), [], `partner notice (${colorScheme})`);
    if (colorScheme === "dark") await own(page).screenshot({ path: join(SHOTS, "notice-dark.png") });
    assert.deepEqual(problems, []);
    await close();
  }
});

test("no globals beyond window.Seloste, no storage, no cookies sent to the edge", async () => {
  const blank = await open("/blank");
  const baseline = new Set(await blank.page.evaluate(() => Object.getOwnPropertyNames(window)));
  await blank.close();

  const { page, requests, close } = await open("/");
  await own(page).locator("h1").waitFor();
  await partner(page).locator("h1").waitFor();
  const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((k) => !baseline.has(k));
  assert.deepEqual(added, ["Seloste"]);
  const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
  assert.deepEqual(storage, { local: 0, session: 0, cookie: "site_session=abc123" });
  // The site's cookie is for 127.0.0.1, which the edge shares (on another port): a request sent
  // with credentials would carry it.
  const api = (await requests()).filter((r) => new URL(r.url).pathname.startsWith("/api/"));
  assert.ok(api.length >= 2, "both widgets asked the edge's API");
  assert.deepEqual(api.filter((r) => r.headers.cookie !== undefined).map((r) => r.url), [], "API requests carry no cookies");
  assert.equal(await page.locator("body").getAttribute("data-page-script"), "ran");
  await page.locator("#page-button").click();
  assert.equal(await page.locator("body").getAttribute("data-page-button"), "clicked");
  await close();
});

test("a notice the edge does not have shows a polite fallback and the page keeps working", async () => {
  const { page, problems, close } = await open("/missing");
  const w = own(page);
  await w.locator(".fallback").waitFor();
  const text = await w.locator(".fallback").innerText();
  assert.ok(text.includes("Dataskyddsbeskrivningen kunde inte visas här just nu."), text);
  assert.equal(await w.locator("a").getAttribute("href"), `${edge.base}/pohjantahti/finns-inte`);
  assert.equal(await page.locator("body").getAttribute("data-page-script"), "ran");
  assert.equal(await page.locator("#page-script-status").innerText(), "Sidans eget skript fungerar.");
  await page.screenshot({ path: join(SHOTS, "fallback.png"), fullPage: true });
  // The browser itself reports the edge's 404 for the API call; nothing else may appear.
  const unexpected = problems.filter((p) => !(p.text.includes("404") && p.url.includes("/api/v1/notices/pohjantahti/finns-inte")));
  assert.deepEqual(unexpected, []);
  assert.deepEqual(await axe(page, 0), []);
  await close();
});

test("when the wasm cannot load, the edge's rendering stays readable and its buttons become links", async () => {
  const { page, problems, close } = await open("/", { before: (p) => p.route("**/seloste_bg.wasm", (route) => route.abort()) });
  const w = own(page);
  await w.locator('nav.langs a[lang="en"]').waitFor();
  assert.equal(await w.locator("h1").innerText(), "Pohjantähti Verkkokaupan asiakasrekisterin tietosuojaseloste");
  assert.equal(await w.locator("button").count(), 0, "no button is left that nothing would answer");
  assert.equal(await w.locator('nav.langs a[lang="en"]').getAttribute("href"), `${edge.base}/${OWN}?lang=en`);
  assert.equal(await w.locator('nav.langs a[lang="fi"]').getAttribute("aria-current"), "true");
  assert.equal(await w.locator("a.to-view").getAttribute("href"), `${edge.base}/${OWN}/history`);
  assert.equal(await page.locator("body").getAttribute("data-page-script"), "ran");
  assert.deepEqual(problems.filter((p) => p.type === "pageerror"), []);
  await close();
});

test("when neither the fragment nor the wasm can load, the loader still shows the fallback link", async () => {
  const block = async (p) => {
    await p.route("**/seloste_bg.wasm", (route) => route.abort());
    await p.route("**/fragment?*", (route) => route.abort());
  };
  const { page, problems, close } = await open("/", { before: block });
  const w = own(page);
  await w.locator("a").waitFor();
  assert.equal(await w.locator("a").getAttribute("href"), `${edge.base}/${OWN}`);
  const message = await w.locator("p").innerText();
  assert.ok(message.startsWith("Tietosuojaselostetta ei juuri nyt voitu näyttää tässä."), message);
  assert.equal(await page.locator("body").getAttribute("data-page-script"), "ran");
  assert.deepEqual(problems.filter((p) => p.type === "pageerror"), []);
  await close();
});

/** Holds every request for the wasm until the returned `release()` is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route("**/seloste_bg.wasm", async (route) => { await held; await route.continue(); });
  return release;
}

test("the notice is readable from the edge's fragment before the wasm arrives, and the wasm renders the same", async () => {
  let release;
  const { page, problems, requests, close } = await open("/", { before: async (p) => { release = await holdWasm(p); } });
  const w = own(page);
  await w.locator("section#controller").waitFor();
  assert.equal(await w.locator("h1").innerText(), "Pohjantähti Verkkokaupan asiakasrekisterin tietosuojaseloste");
  assert.ok((await w.locator("article").innerText()).includes("Versio 3, julkaistu 1.6.2026"));
  const styled = await w.locator("h1").evaluate((h) => getComputedStyle(h.getRootNode().host).display);
  assert.notEqual(styled, "inline", "the stylesheet is adopted before the wasm arrives");
  const asked = (await requests()).map((r) => new URL(r.url).pathname);
  assert.ok(asked.includes(`/api/v1/notices/${OWN}/fragment`), asked.join(" "));
  assert.ok(!asked.includes(`/api/v1/notices/${OWN}`), "the JSON API is not needed for the notice");
  const server = await page.evaluate(() => {
    const root = document.querySelector("seloste-notice").shadowRoot.firstElementChild;
    window.__serverRoot = root;
    return root.innerHTML;
  });
  release();
  await page.waitForFunction(() => document.querySelector("seloste-notice").shadowRoot.firstElementChild !== window.__serverRoot);
  const client = await page.evaluate(() => document.querySelector("seloste-notice").shadowRoot.firstElementChild.innerHTML);
  assert.equal(client, server, "the wasm's rendering is the edge's, node for node");
  assert.deepEqual(problems, []);
  await close();
});

test("a click made before the wasm arrived is carried out once it has", async () => {
  let release;
  const { page, problems, close } = await open("/", { before: async (p) => { release = await holdWasm(p); } });
  const w = own(page);
  await w.locator('nav.langs button[lang="en"]').waitFor();
  await w.locator('nav.langs button[lang="en"]').click();
  assert.equal(await w.locator("article").getAttribute("lang"), "fi", "nothing can switch yet");
  release();
  await w.locator('article[lang="en"]').waitFor();
  assert.equal(await w.locator('nav.langs button[lang="en"]').getAttribute("aria-pressed"), "true");
  assert.deepEqual(problems, []);
  await close();
});

test("a click on the change log made before the wasm arrived opens it once it has, focus on its heading", async () => {
  let release;
  const { page, problems, close } = await open("/", { before: async (p) => { release = await holdWasm(p); } });
  const w = own(page);
  await w.locator("button.to-view").waitFor();
  await w.locator("button.to-view").click();
  assert.equal(await page.evaluate(() => document.querySelector("seloste-notice").interactive), false, "the edge's markup is still shown");
  // A slow CPU, as on a busy phone: Yew's scheduler then yields to the browser between rendering
  // and running the views' effects, so the click is handled in between (where focus was lost).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
  release();
  await w.locator("section.version").first().waitFor();
  assert.match(await w.locator("h1").innerText(), /^Muutoshistoria/);
  assert.equal(await focusedInWidget(page, "H1"), "H1", "focus moves to the change log's heading");
  assert.equal(await page.evaluate(() => document.activeElement?.localName), "seloste-notice", "and stays inside the widget");
  assert.deepEqual(problems, []);
  await close();
});

test("a click on the change log as the wasm takes over opens it, focus on its heading", async () => {
  // No waiting for the take-over: the click falls before, during or after it, as a reader's would.
  const { page, problems, close } = await open("/");
  const w = own(page);
  await w.locator("button.to-view").waitFor();
  await w.locator("button.to-view").click();
  await w.locator("section.version").first().waitFor();
  assert.match(await w.locator("h1").innerText(), /^Muutoshistoria/);
  assert.equal(await focusedInWidget(page, "H1"), "H1", "focus moves to the change log's heading");
  assert.equal(await page.evaluate(() => document.activeElement?.localName), "seloste-notice", "and stays inside the widget");
  assert.deepEqual(problems, []);
  await close();
});

test("/embed.html served by the edge runs the widget within the edge's own Content-Security-Policy", async () => {
  const html = readFileSync(join(ROOT, "examples/embed.html"), "utf8");
  const ids = [...html.matchAll(/data-notice="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length > 0, "embed.html embeds a notice");
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    // The browser asks every origin for /favicon.ico on its own; the edge has none (404).
    if (m.location().url === edge.url("/favicon.ico")) return;
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  const wasm = page.waitForResponse((r) => r.url().endsWith("/widget/seloste_bg.wasm"));
  const response = await page.goto(edge.url("/embed.html"));
  assert.equal(response.status(), 200);
  assert.match(response.headers()["content-security-policy"] ?? "", /script-src/);
  assert.equal((await wasm).headers()["content-type"], "application/wasm");
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("seloste-notice")].filter((h) => h.shadowRoot?.querySelector("article")).length >= n,
    ids.length,
    { timeout: 20000 },
  );
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll("seloste-notice")].map((h) => h.shadowRoot.textContent.replace(/\s+/g, " ")),
  );
  for (const [i, id] of ids.entries()) {
    const notice = (await (await fetch(edge.url(`/api/v1/notices/${id}`))).json()).latest.notice;
    assert.ok(Object.values(notice.title).some((t) => texts[i].includes(t)), `the widget for ${id} shows its title`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
