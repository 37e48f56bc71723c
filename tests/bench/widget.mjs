// `cargo xtask bench`: time from the widget's script tag starting to the notice being readable,
// in headless Chromium over loopback, beside the edge's own HTML page in an iframe (the reference).
//
// Usage: node tests/bench/widget.mjs EDGE_BASE ORG/NOTICE [LOADS=20]
// Prints one JSON line: {"widget": [ms...], "iframe": [ms...]}.
//
// Method. A small host server on another port (so the widget is cross-origin, as on a real site)
// serves two pages. Each records `t0 = performance.now()` in an inline script right before the
// measured tag: the widget's `<script async src=EDGE/widget/seloste.js>` or an `<iframe>` of the
// notice page. A polling loop (setTimeout 1 ms) in the same page records when the notice's `<h1>`
// exists in the widget's shadow root, or in the iframe's document. The edge's pages forbid framing
// (`frame-ancestors 'none'`), so the host server forwards the iframe's requests to the edge
// unchanged except for dropping those two headers: the reference pays the edge's latency too.
// One Chrome (CHROME) with a fresh user-data-dir; every load is a new tab with the HTTP cache disabled
// (DevTools protocol), so each load fetches everything as a first visit would. The kinds alternate.

import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

import chrome from "../support/chrome.cjs";

const [edge, id, loadsArg] = process.argv.slice(2);
const LOADS = Number(loadsArg ?? 20);

const probe = (ready) => `<script>
window.t0 = performance.now();
(function poll() {
  try { if (${ready}) { window.readyAfter = performance.now() - window.t0; return; } } catch (e) {}
  setTimeout(poll, 1);
})();
</script>`;

const pages = {
  "/bench/widget.html": `<!doctype html><html lang="fi"><meta charset="utf-8"><title>widget</title><body>
${probe("document.querySelector('seloste-notice').shadowRoot.querySelector('h1')")}
<script async src="${edge}/widget/seloste.js" data-notice="${id}" data-lang="fi"></script></body></html>`,
  "/bench/iframe.html": `<!doctype html><html lang="fi"><meta charset="utf-8"><title>iframe</title><body>
${probe("document.querySelector('iframe').contentDocument.querySelector('h1')")}
<iframe src="/${id}?lang=fi" style="width:100%;height:80vh;border:0" title="notice"></iframe></body></html>`,
};

const server = createServer(async (req, res) => {
  const page = pages[req.url];
  if (page) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    return res.end(page);
  }
  const upstream = await fetch(edge + req.url);
  const headers = Object.fromEntries(upstream.headers);
  delete headers["content-security-policy"];
  delete headers["x-frame-options"];
  delete headers["content-encoding"];
  delete headers["content-length"];
  res.writeHead(upstream.status, headers);
  res.end(Buffer.from(await upstream.arrayBuffer()));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const host = `http://127.0.0.1:${server.address().port}`;

const profile = mkdtempSync(join(tmpdir(), "seloste-bench-chromium-"));
// `cargo xtask bench` passes the browser it found as CHROME; the helper fails clearly without one.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chrome.findChrome(),
  headless: true,
  args: chrome.CHROME_ARGS,
});

async function once(kind) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.goto(`${host}/bench/${kind}.html`);
  await page.waitForFunction(() => window.readyAfter !== undefined, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.readyAfter);
  await page.close();
  return ms;
}

const out = { widget: [], iframe: [] };
await once("widget"); // warms the edge's cache for both, and Chromium's process pool
await once("iframe");
for (let i = 0; i < LOADS; i++) {
  out.widget.push(await once("widget"));
  out.iframe.push(await once("iframe"));
}
console.log(JSON.stringify(out));
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
