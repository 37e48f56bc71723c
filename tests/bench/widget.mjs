// `cargo xtask bench`: time from the widget's script tag starting to the notice being readable,
// in headless Chromium over loopback, beside the edge's own HTML page in an iframe (the reference).
//
// Usage: node tests/bench/widget.mjs EDGE_BASE ORG/NOTICE [LOADS=20]
// Prints one JSON line: {"widget": [ms...], "iframe": [ms...], "widget_bytes": [B...],
// "iframe_bytes": [B...]}.
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
//
// Bytes before readable: the bodies of every response (but the measuring page's own) that finished
// loading before the notice was readable, each brotli-compressed (quality 11) here, since workerd
// and the forwarding server send them uncompressed: what a reader on a real edge would download
// before reading. Finish times come from the DevTools protocol's clock, mapped to the page's.

import { createServer } from "node:http";
import { brotliCompressSync, constants } from "node:zlib";
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
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map();
  const finished = new Map();
  let offset = null; // epoch ms − protocol ms
  cdp.on("Network.requestWillBeSent", (e) => {
    urls.set(e.requestId, e.request.url);
    if (offset === null) offset = e.wallTime * 1000 - e.timestamp * 1000;
  });
  cdp.on("Network.loadingFinished", (e) => finished.set(e.requestId, e.timestamp * 1000));
  await page.goto(`${host}/bench/${kind}.html`);
  await page.waitForFunction(() => window.readyAfter !== undefined, null, { timeout: 30000 });
  const { ms, readyAt } = await page.evaluate(() => ({
    ms: window.readyAfter,
    readyAt: performance.timeOrigin + window.t0 + window.readyAfter,
  }));
  let bytes = 0;
  for (const [id, at] of finished) {
    const url = urls.get(id) ?? "";
    if (url.startsWith(`${host}/bench/`) || at + offset > readyAt) continue;
    const body = await cdp.send("Network.getResponseBody", { requestId: id }).catch(() => null);
    if (!body) continue;
    const raw = Buffer.from(body.body, body.base64Encoded ? "base64" : "utf8");
    bytes += brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  await page.close();
  return { ms, bytes };
}

const out = { widget: [], iframe: [], widget_bytes: [], iframe_bytes: [] };
await once("widget"); // warms the edge's cache for both, and Chromium's process pool
await once("iframe");
for (let i = 0; i < LOADS; i++) {
  for (const kind of ["widget", "iframe"]) {
    const { ms, bytes } = await once(kind);
    out[kind].push(ms);
    out[`${kind}_bytes`].push(bytes);
  }
}
console.log(JSON.stringify(out));
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
