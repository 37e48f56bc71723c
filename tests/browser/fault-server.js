// A stand-in "edge" for hostile.test.js and faults.test.js (not a test file itself), kept only for
// what the real worker cannot be made to answer: JSON that validation would refuse at publish time
// (to test the renderer's own defence), slow answers, hangs, a body cut off mid-way, 500s and 503s,
// malformed JSON, HTML instead of JSON, notices of an unknown format. It serves the real widget
// bundle (widget/dist) and, for the JSON API, whatever a test says a notice id answers. Every
// other widget scenario runs against the real worker in workerd: tests/edge/widget.test.mjs.
// Plus a company page per test, with its own inline script under a strict CSP
// (tests/support/site.cjs), listening on 127.0.0.1.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { startSite, companyPage } = require('../support/site.cjs');
const { findChrome, CHROME_ARGS } = require('../support/chrome.cjs');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * `answers` maps an id (`org/notice`) to `(req, res, send)`: the handler of
 * `GET /api/v1/notices/{id}[/…]`. Returns `{origin, close, hits}` (`hits`: requests per id).
 */
function startFaultEdge(answers) {
  const hits = new Map();
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const cors = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    const send = (status, type, body) => {
      res.writeHead(status, { ...cors, 'content-type': type });
      res.end(body);
    };
    const asset = url.pathname.match(/^\/widget\/(seloste\.js|seloste_bg\.wasm)$/);
    if (asset) {
      const type = asset[1].endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
      return send(200, type, fs.readFileSync(path.join(ROOT, 'widget', 'dist', asset[1])));
    }
    const api = url.pathname.match(/^\/api\/v1\/notices\/([a-z0-9-]+\/[a-z0-9-]+)/);
    if (api && answers[api[1]]) {
      hits.set(api[1], (hits.get(api[1]) || 0) + 1);
      // The widget reads versions from `…/fragment` (`{html, version}`). This stand-in renders no
      // markup: it answers `{version}` where the notice API would answer `{latest}`, so the
      // loader leaves rendering to the wasm, whose defences these tests are about; every other
      // answer (a fault) goes out unchanged.
      const fragment = url.pathname.endsWith('/fragment');
      return answers[api[1]](req, res, !fragment ? send : (status, type, body) => {
        let latest;
        try { latest = JSON.parse(body).latest; } catch { /* a fault: as it is */ }
        send(status, type, latest && typeof latest === 'object' && !Array.isArray(latest) ? JSON.stringify({ version: latest }) : body);
      });
    }
    return send(404, 'application/json', '{"error":"not_found"}');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        hits,
        // Hanging answers keep their sockets open: end them, or close() waits for ever.
        close: () => new Promise((r) => {
          for (const s of sockets) s.destroy();
          server.close(r);
        }),
      });
    });
  });
}

/**
 * A company page embedding one widget per id in `ids`, and its own inline script, which must run
 * whatever the widgets meet. Served by tests/support/site.cjs under its strict CSP.
 */
async function startFaultSite(edgeOrigin, ids, { lang = 'en' } = {}) {
  const tags = ids
    .map((id) => `<section data-id="${id}"><h2>${id}</h2><script src="/widget/seloste.js" data-notice="${id}" async></script></section>`)
    .join('\n');
  return startSite(edgeOrigin, { '/': companyPage(tags, lang) });
}

/** A minimal notice (format 1) wrapped as a `Version`, with `extra` merged into the notice. */
function version(id, extra = {}) {
  return {
    number: 1,
    published: '2025-01-02',
    summary: { en: 'First version' },
    notice: {
      format: 1,
      id,
      languages: ['en'],
      title: { en: 'Customer register privacy notice' },
      organisation: { name: 'Test Ltd' },
      role: { acts_as: 'controller' },
      ...extra,
    },
  };
}

/** The notice endpoint's answer: `{id, latest, versions}`. */
function noticeAnswer(v) {
  const { number, published, summary } = v;
  return { id: v.notice.id, latest: v, versions: [{ number, published, summary }] };
}

/**
 * The whole scene of a fault or hostile-input test: an edge answering each id with `answers[id]`,
 * a host site embedding one widget per id, and a headless Chromium with a fresh profile.
 * `close()` tears all three down.
 */
async function startFaultScene(answers, name) {
  const { chromium } = require('playwright-core');
  const executablePath = findChrome();
  const edge = await startFaultEdge(answers);
  const site = await startFaultSite(edge.origin, Object.keys(answers));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `seloste-chromium-${name}-`));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROME_ARGS });
  const close = async () => {
    await context.close();
    await site.close();
    await edge.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { edge, site, context, close };
}

module.exports = { startFaultEdge, startFaultSite, startFaultScene, version, noticeAnswer };
