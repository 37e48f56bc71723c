// The widget in a single-page app, against the real edge (the worker in workerd, every example
// published) and a company site on another origin, in headless Chromium. The page loads the script
// once, without `data-notice`, and then changes "routes" the way React, Vue or Svelte do: it creates
// `<seloste-notice>` elements, sets and changes their attributes, moves them between containers in
// one task, removes them, and uses `Seloste.mount` / `Seloste.unmount`. After 20 route changes:
// the wasm was fetched once, no notice's nodes or listeners are left, and the JS heap after garbage
// collection is not growing by notices (the bound is generous, a leak of 20 notices exceeds it).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

import { CHROME_ARGS, findChrome } from "../support/chrome.cjs";
import { companyPage, startSite } from "../support/site.cjs";
import { freshEdge, publishExamples } from "./helpers.mjs";

const OWN = "pohjantahti/asiakasrekisteri";
const PARTNER = "caracom/asiakasrekisteri";
const ROUTES = 20;

let edge;
let site;
let browser;

before(async () => {
  edge = await freshEdge("spa");
  await publishExamples(edge);
  site = await startSite(edge.base, {
    "/spa": companyPage(`<script src="/widget/seloste.js" async></script>
<div id="app"></div>
<div id="aside"></div>`),
  });
  browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await edge?.stop();
});

/** Opens the app page; resolves once `window.Seloste` exists. Counts requests for the bundle. */
async function openApp() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  const bundle = { js: 0, wasm: 0 };
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path === "/widget/seloste.js") bundle.js++;
    if (path === "/widget/seloste_bg.wasm") bundle.wasm++;
  });
  await page.goto(site.origin + "/spa");
  await page.waitForFunction(() => window.Seloste && customElements.get("seloste-notice"));
  const cdp = await context.newCDPSession(page);
  return { page, cdp, problems, bundle, close: () => context.close() };
}

/** Nodes, JS listeners and used JS heap, after a full garbage collection. */
async function counters(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const heap = await cdp.send("Runtime.getHeapUsage");
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, heap: heap.usedSize };
}

/** Waits until the page's notice shows an `<article>` in `lang` and the wasm app runs in it
 * (`interactive`), then proves it answers: a click on the change-log button shows the change log. */
async function interactive(page, lang) {
  await page.waitForFunction(
    (l) => document.querySelector("seloste-notice")?.shadowRoot?.querySelector(`article[lang="${l}"] h1`),
    lang,
    { timeout: 20000 },
  );
  await page.waitForFunction(() => document.querySelector("seloste-notice").interactive, null, { timeout: 20000 });
  const title = await page.evaluate(() => document.querySelector("seloste-notice").shadowRoot.querySelector("h1").textContent);
  await page.evaluate(() => document.querySelector("seloste-notice").shadowRoot.querySelector("button.to-view").click());
  await page.waitForFunction(
    () => document.querySelector("seloste-notice").shadowRoot.querySelector("section.version"),
    null,
    { timeout: 20000 },
  );
  return title;
}

/** One route of the app: what a framework does when the reader navigates, by route number. */
async function route(page, n) {
  const id = n % 2 ? OWN : PARTNER;
  const lang = n % 3 ? "fi" : "en";
  switch (n % 4) {
    case 0:
      // A framework rendering `<seloste-notice notice=… lang=…>` into the route's container.
      await page.evaluate(([id, lang]) => {
        const app = document.getElementById("app");
        app.replaceChildren();
        const el = document.createElement("seloste-notice");
        el.setAttribute("notice", id);
        el.setAttribute("lang", lang);
        app.append(el);
      }, [id, lang]);
      break;
    case 1:
      // Created detached, attributes set, inserted, then moved to another container in one task
      // (keyed lists do this): the move must not restart it.
      await page.evaluate(([id, lang]) => {
        document.getElementById("app").replaceChildren();
        const el = document.createElement("seloste-notice");
        el.setAttribute("notice", id);
        el.setAttribute("lang", lang);
        document.getElementById("aside").append(el);
        document.getElementById("app").append(el);
        document.getElementById("aside").replaceChildren();
      }, [id, lang]);
      break;
    case 2:
      // The imperative API.
      await page.evaluate(([id, lang]) => {
        const app = document.getElementById("app");
        window.Seloste.unmount(app);
        app.replaceChildren();
        window.Seloste.mount(app, { notice: id, lang });
      }, [id, lang]);
      break;
    default:
      // The same element is reused with new attributes (a component whose props changed).
      await page.evaluate(([id, lang]) => {
        let el = document.querySelector("#app > seloste-notice");
        if (!el) {
          el = document.createElement("seloste-notice");
          document.getElementById("app").append(el);
        }
        el.setAttribute("notice", id);
        el.setAttribute("lang", lang);
      }, [id, lang]);
  }
  // Only the own notice has English; the partner's is Finnish whatever is asked.
  const title = await interactive(page, id === OWN ? lang : "fi");
  assert.match(title, id === OWN ? /Pohjantähti/ : /^Yrityksen asiakasrekisterin/, `route ${n} shows ${id}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll("seloste-notice").length), 1, `route ${n}: one notice`);
}

async function clear(page) {
  await page.evaluate(() => {
    window.Seloste.unmount(document.getElementById("app"));
    document.getElementById("app").replaceChildren();
    document.getElementById("aside").replaceChildren();
  });
  // Let the element's teardown (a microtask) and the wasm app's last render run.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
}

test(`${ROUTES} route changes: one wasm load, nothing left behind, memory stable`, async () => {
  const { page, cdp, problems, bundle, close } = await openApp();
  const empty = await counters(cdp);

  // Two routes first: the wasm is loaded and warm, the allocator has its working set.
  for (let n = 0; n < 2; n++) await route(page, n);
  await clear(page);
  const warm = await counters(cdp);
  // What one shown notice costs, to size the bound.
  await route(page, 2);
  const one = await counters(cdp);
  const perNotice = { nodes: one.nodes - warm.nodes, heap: one.heap - warm.heap };
  assert.ok(perNotice.nodes > 100, `one notice is many nodes (${perNotice.nodes})`);
  await clear(page);

  for (let n = 3; n < 3 + ROUTES; n++) await route(page, n);
  await clear(page);
  const end = await counters(cdp);

  assert.equal(bundle.js, 1, "the script was fetched once");
  assert.equal(bundle.wasm, 1, "the wasm was fetched once, for every notice on every route");
  assert.equal(await page.evaluate(() => document.querySelectorAll("seloste-notice").length), 0);
  // Nodes: nothing of 20 notices is left (a few for the page's own bookkeeping at most).
  assert.ok(end.nodes - warm.nodes < perNotice.nodes, `nodes left behind: ${warm.nodes} → ${end.nodes} (one notice: ${perNotice.nodes})`);
  assert.ok(end.listeners <= warm.listeners, `listeners left behind: ${warm.listeners} → ${end.listeners}`);
  assert.ok(warm.listeners <= empty.listeners + 2, `the page without notices has its own listeners only: ${empty.listeners} → ${warm.listeners}`);
  // Heap: after GC, growth stays under what 5 retained notices would cost (20 leaked would be 4× that).
  const bound = 5 * Math.max(perNotice.heap, 50_000);
  assert.ok(end.heap - warm.heap < bound, `JS heap grew ${end.heap - warm.heap} B over ${ROUTES} routes (bound ${bound} B)`);
  assert.deepEqual(problems, [], "no console errors or warnings");
  await close();
});

test("a notice removed while its fragment is still loading shows nothing and leaks nothing", async () => {
  const { page, cdp, problems, close } = await openApp();
  await route(page, 0); // the wasm is loaded
  await clear(page);
  const before = await counters(cdp);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route("**/fragment?*", async (r) => { await held; await r.continue(); });
  await page.evaluate((id) => {
    const el = document.createElement("seloste-notice");
    el.setAttribute("notice", id);
    document.getElementById("app").append(el);
  }, OWN);
  await page.waitForFunction(() => document.querySelector("seloste-notice")?.shadowRoot);
  await page.evaluate(() => document.getElementById("app").replaceChildren());
  release();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await page.unroute("**/fragment?*");
  const after = await counters(cdp);
  assert.ok(after.nodes - before.nodes < 50, `nodes ${before.nodes} → ${after.nodes}`);
  assert.ok(after.listeners <= before.listeners, `listeners ${before.listeners} → ${after.listeners}`);
  assert.deepEqual(problems, []);
  await close();
});

test("attributes are observed: version, lang and view change what a live element shows", async () => {
  const { page, problems, close } = await openApp();
  await page.evaluate((id) => {
    const el = document.createElement("seloste-notice");
    el.setAttribute("notice", id);
    el.setAttribute("lang", "fi");
    document.getElementById("app").append(el);
  }, OWN);
  const text = () => page.evaluate(() => document.querySelector("seloste-notice").shadowRoot.textContent);
  await page.waitForFunction(() => document.querySelector("seloste-notice").shadowRoot?.querySelector("h1"));
  assert.ok((await text()).includes("Versio 3"), "the latest version");
  await page.evaluate(() => document.querySelector("seloste-notice").setAttribute("version", "1"));
  await page.waitForFunction(() => document.querySelector("seloste-notice").shadowRoot.textContent.includes("Versio 1,"));
  assert.ok((await text()).includes("Laura Lehtinen"), "version 1's contact person");
  await page.evaluate(() => document.querySelector("seloste-notice").setAttribute("lang", "en"));
  await page.waitForFunction(() => document.querySelector("seloste-notice").shadowRoot.querySelector('article[lang="en"]'));
  await page.evaluate(() => document.querySelector("seloste-notice").setAttribute("view", "history"));
  await page.waitForFunction(() => document.querySelector("seloste-notice").shadowRoot.querySelector("section.version"));
  assert.match(await page.evaluate(() => document.querySelector("seloste-notice").shadowRoot.querySelector("h1").textContent), /^Change log/);
  assert.deepEqual(problems, []);
  await close();
});
