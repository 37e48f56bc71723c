// The widget when its edge misbehaves, in headless Chromium: slow, hanging, 500, malformed JSON,
// HTML instead of JSON, a notice of an unknown format (99), a body cut off mid-way. Every widget
// ends in either the notice (slow but in time) or the polite fallback linking to the notice's own
// page on the edge, the page's own script runs at once, and nothing is thrown into the page.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startFaultScene, version, noticeAnswer } = require('./fault-server.js');

/** The widget gives up on a request after this long (TIMEOUT_MS in widget/src/browser/api.rs). */
const WIDGET_TIMEOUT_MS = 10_000;

const json = (send, status, value) => send(status, 'application/json; charset=utf-8', typeof value === 'string' ? value : JSON.stringify(value));
const later = (ms, fn) => setTimeout(fn, ms);

/** id → what the edge answers, and what the widget must end up showing. */
const CASES = {
  'fault/slow': { expect: 'notice', answer: (req, res, send) => later(3000, () => json(send, 200, noticeAnswer(version('fault/slow')))) },
  'fault/hang': { expect: 'fallback', answer: () => {} },
  'fault/trickle': {
    // Headers at once, then the body never finishes.
    expect: 'fallback',
    answer: (req, res) => {
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
      res.write('{"id":"fault/trickle","latest":');
    },
  },
  'fault/error': { expect: 'fallback', answer: (req, res, send) => json(send, 500, { error: 'internal' }) },
  'fault/unavailable': { expect: 'fallback', answer: (req, res, send) => send(503, 'text/html', '<h1>Service Unavailable</h1>') },
  'fault/malformed': { expect: 'fallback', answer: (req, res, send) => json(send, 200, '{"id":"fault/malformed","latest":{"number":1,') },
  'fault/html': { expect: 'fallback', answer: (req, res, send) => send(200, 'text/html', '<!doctype html><script>window.pwned=1</script>') },
  'fault/wrong-shape': { expect: 'fallback', answer: (req, res, send) => json(send, 200, { id: 'fault/wrong-shape', latest: { number: 'one' } }) },
  'fault/format': { expect: 'fallback', answer: (req, res, send) => json(send, 200, noticeAnswer(version('fault/format', { format: 99 }))) },
  'fault/future': {
    // A newer format with fields this reader does not know.
    expect: 'fallback',
    answer: (req, res, send) => json(send, 200, noticeAnswer(version('fault/future', { format: 2, hologram: { en: 'x' } }))),
  },
  'fault/empty': { expect: 'fallback', answer: (req, res, send) => json(send, 200, '') },
  'fault/null': { expect: 'fallback', answer: (req, res, send) => json(send, 200, 'null') },
};

let edge, site, context, scene;

before(async () => {
  scene = await startFaultScene(Object.fromEntries(Object.entries(CASES).map(([id, c]) => [id, c.answer])), 'faults');
  ({ edge, site, context } = scene);
});

after(() => scene?.close());

test('every edge fault ends in the notice or a polite fallback link; the page script runs at once', { timeout: 60_000 }, async () => {
  const page = await context.newPage();
  const pageErrors = [];
  const dialogs = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const started = Date.now();
  await page.goto(site.origin + '/', { waitUntil: 'domcontentloaded' });
  // The host page's own script ran straight away, while widgets are still waiting on the edge.
  await page.waitForFunction(() => document.body.getAttribute('data-page-script') === 'ran', null, { timeout: 5000 });
  assert.equal(await page.locator('#page-script-status').innerText(), 'ran');

  for (const [id, c] of Object.entries(CASES)) {
    const host = page.locator(`section[data-id="${id}"] seloste-notice`);
    const want = c.expect === 'notice' ? 'article' : '.fallback';
    await host.locator(want).first().waitFor({ timeout: WIDGET_TIMEOUT_MS + 15_000 });
    if (c.expect === 'fallback') {
      const text = await host.locator('.fallback').innerText();
      assert.ok(text.includes('The privacy notice could not be shown here just now.'), `${id}: ${text}`);
      assert.equal(await host.locator('.fallback a').getAttribute('href'), `${edge.origin}/${id}`, id);
      assert.equal(await host.locator('article').count(), 0, `${id}: no half-rendered notice`);
    } else {
      assert.ok((await host.locator('h1').innerText()).includes('Customer register privacy notice'), id);
    }
    assert.ok(edge.hits.get(id) >= 1, `${id} was asked for`);
  }
  console.log(`# ${Object.keys(CASES).length} faults settled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.locator('seloste-notice').count(), Object.keys(CASES).length, 'one widget per tag, no more');
  await page.close();
});
