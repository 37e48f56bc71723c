// Small static servers for the widget's browser tests (not a test file itself).
//
// - The "edge" serves what the real edge serves to the widget: /widget/seloste.js and
//   /widget/seloste_bg.wasm from widget/dist (with `application/wasm` and CORS), the JSON API
//   /api/v1/notices/{org}/{notice}[/versions/{n} | /history | /changes] built from examples/*.json, and a
//   plain page at /{org}/{notice} (the fallback link's target).
// - The "site" is a company's own origin: it serves examples/embed.html (its script src pointed at
//   the edge) and tests/browser/fixtures/*.html under a strict Content-Security-Policy that allows
//   only the edge, 'wasm-unsafe-eval' and the page's own inline blocks by hash.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const crypto = require('node:crypto');
const os = require('node:os');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

/** Every notice of examples/ (and tests/browser/fixtures/) as a checked-in history document. */
function loadNotices() {
  const notices = new Map();
  const dirs = [path.join(ROOT, 'examples'), path.join(__dirname, 'fixtures')];
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      // A single notice is served as a one-version history, as the edge does.
      const history = doc.versions
        ? doc
        : {
            format: 1,
            id: doc.id,
            versions: [{
              number: 1,
              published: doc.updated || '2024-01-01',
              summary: { [doc.languages[0]]: 'Ensimmäinen julkaistu versio.' },
              notice: doc,
            }],
          };
      if (!notices.has(history.id)) notices.set(history.id, history);
    }
  }
  return notices;
}

/**
 * The change log the edge's `…/changes` API would serve, computed by the same Rust code through
 * the CLI (`seloste log --json`), so this test server never reimplements the diff.
 */
const changeLogs = new Map();
function changeLog(history, lang, from) {
  const key = `${history.id}|${lang}|${from || ''}`;
  if (!changeLogs.has(key)) {
    const file = path.join(os.tmpdir(), `seloste-history-${process.pid}-${history.id.replace('/', '--')}.json`);
    fs.writeFileSync(file, JSON.stringify(history));
    const args = ['log', file, '--json'];
    if (lang) args.push('--lang', lang.replace(/[^A-Za-z0-9-]/g, ''));
    if (from && /^[1-9][0-9]{0,8}$/.test(from)) args.push('--from', from);
    const seloste = path.join(ROOT, 'target', 'debug', 'seloste');
    changeLogs.set(key, JSON.parse(execFileSync(seloste, args, { encoding: 'utf8' })));
  }
  return changeLogs.get(key);
}

function listen(handler) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      try {
        handler(req, res);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(e));
      }
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** The edge stand-in. `requests` records every path asked for (to check cookies and CORS). */
async function startEdge() {
  const notices = loadNotices();
  const requests = [];
  const edge = await listen((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ path: url.pathname, cookie: req.headers.cookie || null, origin: req.headers.origin || null });
    const cors = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };
    const send = (status, type, body) => {
      res.writeHead(status, { ...cors, 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const json = (status, value) => send(status, 'application/json; charset=utf-8', JSON.stringify(value));

    const asset = url.pathname.match(/^\/widget\/(seloste\.js|seloste_bg\.wasm)$/);
    if (asset) {
      const file = path.join(ROOT, 'widget', 'dist', asset[1]);
      const type = asset[1].endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
      return send(200, type, fs.readFileSync(file));
    }
    const api = url.pathname.match(/^\/api\/v1\/notices\/([a-z0-9-]+)\/([a-z0-9-]+)(\/.*)?$/);
    if (api) {
      const history = notices.get(`${api[1]}/${api[2]}`);
      if (!history) return json(404, { error: 'not_found', message: 'no such notice' });
      const latest = history.versions[history.versions.length - 1];
      const rest = api[3] || '';
      if (rest === '') {
        return json(200, {
          id: history.id,
          latest,
          versions: history.versions.map(({ number, published, effective, summary }) => ({ number, published, effective, summary })),
        });
      }
      if (rest === '/history') return json(200, history);
      if (rest === '/changes') {
        const lang = url.searchParams.get('lang') || '';
        const from = url.searchParams.get('from');
        return json(200, changeLog(history, lang, from));
      }
      const v = rest.match(/^\/versions\/(\d+)$/);
      const version = v && history.versions[Number(v[1]) - 1];
      return version ? json(200, version) : json(404, { error: 'not_found' });
    }
    const page = url.pathname.match(/^\/([a-z0-9-]+)\/([a-z0-9-]+)$/);
    if (page && notices.has(`${page[1]}/${page[2]}`)) {
      return send(200, 'text/html; charset=utf-8', `<!doctype html><title>${page[1]}/${page[2]}</title><p>Notice page</p>`);
    }
    return json(404, { error: 'not_found' });
  });
  return { ...edge, requests };
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The company site: serves `pages` ({url path: file}) with the edge origin filled in. */
async function startSite(edgeOrigin, pages) {
  return listen((req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = pages[url.pathname];
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const html = fs.readFileSync(file, 'utf8')
      .replaceAll('src="/widget/seloste.js"', `src="${edgeOrigin}/widget/seloste.js"`)
      .replaceAll('{{EDGE}}', edgeOrigin);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
    const csp = [
      "default-src 'none'",
      `script-src ${edgeOrigin} 'wasm-unsafe-eval' ${scripts.join(' ')}`,
      `connect-src ${edgeOrigin}`,
      `style-src ${styles.join(' ') || "'none'"}`,
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'set-cookie': 'site_session=abc123; Path=/; SameSite=Lax',
    });
    res.end(html);
  });
}

module.exports = { ROOT, startEdge, startSite, loadNotices };
