// Hostile notice text in the widget, in headless Chromium. The JSON is served directly by a test
// edge (fault-server.js), not by the real one: validation refuses bad links at publish time, and
// this checks the renderer's own defence for notices that never went through it. No script may run,
// no attribute may escape, no unsafe link may appear, and the page's own script still runs.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startFaultScene, version, noticeAnswer } = require('./fault-server.js');

const XSS = [
  '<script>window.pwned=1</script>',
  '"><img src=x onerror="window.pwned=2">',
  "'><svg onload='window.pwned=3'>",
  '</p></article><iframe src="javascript:window.pwned=4"></iframe>',
  '<a href="javascript:window.pwned=5">click</a>',
];
const BAD_HREFS = [
  'javascript:window.pwned=6',
  ' javascript:window.pwned=7',
  'JaVaScRiPt:window.pwned=8',
  'java\tscript:window.pwned=9',
  'data:text/html,<script>window.pwned=10</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  'https://exa\u202elpmaxe.evil',
];
const text = (s) => ({ en: s });

function hostileVersion(id) {
  const all = XSS.join(' ');
  return version(id, {
    title: text(`Notice ${XSS[0]}`),
    organisation: { name: `Test ${XSS[1]}`, web: BAD_HREFS[0], emails: ['"><img src=x onerror=window.pwned=11>@x.example'] },
    other_sections: [
      {
        heading: text(XSS[2]),
        body: [
          { paragraph: text(`${all} \u202emoc.elpmaxe\u202c`) },
          { list: [text(XSS[3]), text(XSS[4])] },
          { links: BAD_HREFS.map((href, i) => ({ href, label: text(`bad link ${i} ${XSS[1]}`) })) },
          { links: [{ href: 'https://good.example/?q="><img/src=x/onerror=window.pwned=12>', label: text('good link') }] },
        ],
      },
    ],
  });
}

function bigVersion(id) {
  return version(id, {
    title: text('Big notice'),
    other_sections: [
      {
        heading: text('Long'),
        body: [
          { paragraph: text('<b>x</b>'.repeat(128 * 1024)) },
          { list: Array.from({ length: 10_000 }, (_, i) => text(`item ${i} <i>`)) },
        ],
      },
    ],
  });
}

const ANSWERS = {
  'hostile/xss': (req, res, send) => send(200, 'application/json', JSON.stringify(noticeAnswer(hostileVersion('hostile/xss')))),
  'hostile/big': (req, res, send) => send(200, 'application/json', JSON.stringify(noticeAnswer(bigVersion('hostile/big')))),
  'hostile/deep': (req, res, send) => send(200, 'application/json', '{"id":"hostile/deep","latest":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'),
  'hostile/dupes': (req, res, send) => {
    const body = JSON.stringify(noticeAnswer(version('hostile/dupes'))).replace('"title":{"en":', '"title":{"en":"<script>window.pwned=13</script>","en":');
    send(200, 'application/json', body);
  },
};

let edge, site, context, scene;

before(async () => {
  scene = await startFaultScene(ANSWERS, 'hostile');
  ({ edge, site, context } = scene);
});

after(() => scene?.close());

/** Everything the shadow root of `id`'s widget holds that markup could have smuggled in. */
function inspect(page, id) {
  return page.evaluate((id) => {
    const root = document.querySelector(`section[data-id="${id}"] seloste-notice`).shadowRoot;
    const all = [...root.querySelectorAll('*')];
    return {
      dangerous: all.filter((e) => /^(script|img|svg|iframe|object|embed|form|base|meta|link|style)$/i.test(e.localName)).map((e) => e.localName),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      hrefs: [...root.querySelectorAll('[href]')].map((a) => a.getAttribute('href')),
      text: root.textContent,
    };
  }, id);
}

test('hostile text and links in a notice: all shown as text, nothing runs, no unsafe link', { timeout: 60_000 }, async () => {
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto(site.origin + '/');
  const host = (id) => page.locator(`section[data-id="${id}"] seloste-notice`);
  await host('hostile/xss').locator('article').waitFor({ timeout: 20_000 });
  await host('hostile/big').locator('article').waitFor({ timeout: 30_000 });
  await host('hostile/deep').locator('.fallback').waitFor({ timeout: 20_000 });
  await host('hostile/dupes').locator('article, .fallback').first().waitFor({ timeout: 20_000 });
  // Let any smuggled handler or timer fire before looking.
  await page.waitForTimeout(500);

  const xss = await inspect(page, 'hostile/xss');
  assert.deepEqual(xss.dangerous, [], 'no element made from text');
  assert.deepEqual(xss.handlers, [], 'no event-handler attribute');
  for (const href of xss.hrefs) {
    assert.match(href, /^(https?:\/\/|mailto:|tel:)/i, `unsafe href ${JSON.stringify(href)}`);
  }
  assert.ok(xss.hrefs.includes('https://good.example/?q="><img/src=x/onerror=window.pwned=12>'), 'a safe link keeps its exact target, as an attribute');
  for (const s of XSS) assert.ok(xss.text.includes(s), `shown as text: ${s}`);
  for (let i = 0; i < BAD_HREFS.length; i++) assert.ok(xss.text.includes(`bad link ${i}`), `label ${i} still shown`);

  const big = await inspect(page, 'hostile/big');
  assert.ok(big.text.includes('item 9999 <i>'));
  assert.deepEqual(big.dangerous, []);

  const dupes = await inspect(page, 'hostile/dupes');
  assert.deepEqual(dupes.dangerous, []);

  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no payload ran');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.equal(await page.locator('body').getAttribute('data-page-script'), 'ran');
  // Nothing leaked out of the shadow roots into the page either.
  assert.equal(await page.locator('body > main img, body > main iframe, body > main svg').count(), 0);
  await page.close();
});
