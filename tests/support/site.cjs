// A company's own web site for the widget tests (not a test file itself): it serves pages that
// embed the widget from another origin (the edge), under a strict Content-Security-Policy that
// allows only the edge, 'wasm-unsafe-eval' and the page's own inline blocks by hash, and it sets a
// cookie of its own (which must never reach the edge). Listens on 127.0.0.1.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const crypto = require('node:crypto');

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The CSP a careful site sets for a page embedding the widget from `edgeOrigin`. */
function siteCsp(edgeOrigin, html) {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  return [
    "default-src 'none'",
    `script-src ${edgeOrigin} 'wasm-unsafe-eval' ${scripts.join(' ')}`,
    `connect-src ${edgeOrigin}`,
    `style-src ${styles.join(' ') || "'none'"}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves `pages` ({url path: file path, or {html}}) with the edge origin filled in: a
 * `src="/widget/seloste.js"` becomes the edge's, and `{{EDGE}}` is replaced by its origin.
 * Resolves with {origin, close}.
 */
function startSite(edgeOrigin, pages) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = pages[url.pathname];
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const source = typeof page === 'string' ? fs.readFileSync(page, 'utf8') : page.html;
    const html = source
      .replaceAll('src="/widget/seloste.js"', `src="${edgeOrigin}/widget/seloste.js"`)
      .replaceAll('{{EDGE}}', edgeOrigin);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': siteCsp(edgeOrigin, html),
      'set-cookie': 'site_session=abc123; Path=/; SameSite=Lax',
    });
    res.end(html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * A company page embedding `tags` (the widget's script tags and what goes with them), and an inline
 * script of its own, which must run whatever the widgets meet: it sets `data-page-script="ran"` on
 * the body and fills `#page-script-status`. A page for `startSite`'s `pages`.
 */
function companyPage(tags, lang = 'fi') {
  return {
    html: `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>Company page</title></head>
<body>
<main>
<h1>Privacy</h1>
${tags}
<p id="page-script-status">not run</p>
</main>
<script>
  document.getElementById('page-script-status').textContent = 'ran';
  document.body.setAttribute('data-page-script', 'ran');
</script>
</body>
</html>
`,
  };
}

module.exports = { startSite, siteCsp, companyPage };
