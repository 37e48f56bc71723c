// Browser tests of the embeddable widget: examples/embed.html on a "site" origin under a strict
// CSP, the widget and the JSON API on a separate "edge" origin, in headless Chromium.
// Run by `cargo xtask test` (after `cargo xtask build`) as `node --test tests/browser/`.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { ROOT, startEdge, startSite } = require('./server.js');

const SHOTS = path.join(ROOT, 'target', 'screenshots');
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let edge, site, context, userDataDir;

before(async () => {
  edge = await startEdge();
  site = await startSite(edge.origin, {
    '/': path.join(ROOT, 'examples', 'embed.html'),
    '/missing': path.join(__dirname, 'fixtures', 'missing.html'),
  });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seloste-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1100, height: 900 },
  });
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await context?.close();
  await site?.close();
  await edge?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** Opens `url` and records everything the console and the page report. */
async function open(url, { colorScheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push({ type: m.type(), text: m.text(), url: m.location().url });
    }
  });
  page.on('pageerror', (e) => problems.push({ type: 'pageerror', text: String(e), url: '' }));
  await page.goto(site.origin + url);
  return { page, problems };
}

/** The first widget on the page (our own notice) and the second (the partner's). */
const own = (page) => page.locator('seloste-notice').first();
const partner = (page) => page.locator('#partner-notice seloste-notice');

/** Runs axe-core on the shadow content of `host` and returns its violations. */
async function axe(page, hostIndex) {
  await page.evaluate(AXE); // evaluated through the DevTools protocol, so the page's CSP allows it
  return page.evaluate(async (i) => {
    const host = document.querySelectorAll('seloste-notice')[i];
    const result = await window.axe.run(
      host,
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    );
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  }, hostIndex);
}

test('the notice is rendered in a Shadow DOM with every fact readable', async () => {
  const { page, problems } = await open('/');
  const w = own(page);
  await w.locator('h1').waitFor();
  assert.equal(await w.locator('h1').innerText(), 'Pohjantähti Verkkokaupan asiakasrekisterin tietosuojaseloste');
  assert.equal(await w.locator('article').getAttribute('lang'), 'fi');
  const text = await w.locator('article').innerText();
  for (const fact of [
    'Pohjantähti Verkkokauppa Oy', '3141593-8', 'Tähtikuja 7 B', 'Päivitetty 1.6.2026',
    'Versio 3, julkaistu 1.6.2026', 'Sopimus (6(1)(b))', 'Rekisterinpitäjä', 'Rekisteröidyn oikeudet',
    'Mikko Järvinen', 'Kipinä Uutiskirjeet Oy',
  ]) {
    assert.ok(text.includes(fact), `the notice shows ${fact}:\n${text}`);
  }
  assert.equal(await w.locator('a[href="tel:+35835550100"]').count(), 1, 'phone is a tel: link');
  assert.equal(await w.locator('a[href="mailto:asiakaspalvelu@pohjantahti.example"]').count(), 1);
  assert.equal(await w.locator('h1').count(), 1);
  assert.ok(await w.locator('section#controller > h2').count() === 1, 'sections carry their anchors');

  // Rendered inside an open shadow root with one adopted stylesheet and no <style> element.
  const shadow = await page.evaluate(() => {
    const host = document.querySelector('seloste-notice');
    return { sheets: host.shadowRoot.adoptedStyleSheets.length, styles: host.shadowRoot.querySelectorAll('style').length };
  });
  assert.deepEqual(shadow, { sheets: 1, styles: 0 });

  // The partner's notice, in its data-target element, works independently.
  await partner(page).locator('h1').waitFor();
  assert.ok((await partner(page).locator('article').innerText()).includes('Caracom Group Oy'));

  await w.screenshot({ path: path.join(SHOTS, 'notice.png') });
  await page.screenshot({ path: path.join(SHOTS, 'embed-page.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no console errors or warnings');
  await page.close();
});

test('host CSS does not leak in, widget CSS does not leak out, custom properties do cross', async () => {
  const { page } = await open('/');
  await own(page).locator('h1').waitFor();
  const inside = await own(page).locator('section#controller > h2').evaluate((h) => {
    const s = getComputedStyle(h);
    const p = getComputedStyle(h.parentElement.querySelector('dd') || h);
    const a = getComputedStyle(h.getRootNode().querySelector('a'));
    return {
      color: s.color, font: s.fontFamily, transform: s.textTransform, decoration: s.textDecorationLine,
      letterSpacing: s.letterSpacing, ddIndent: p.textIndent, linkBg: a.backgroundColor, linkColor: a.color,
    };
  });
  assert.notEqual(inside.color, 'rgb(176, 0, 32)', 'host colour does not reach in');
  assert.ok(!/comic/i.test(inside.font), `host font does not reach in (${inside.font})`);
  assert.equal(inside.transform, 'none');
  assert.equal(inside.decoration, 'none');
  assert.equal(inside.letterSpacing, 'normal');
  assert.equal(inside.ddIndent, '0px');
  assert.equal(inside.linkBg, 'rgba(0, 0, 0, 0)', 'host link background does not reach in');
  assert.equal(inside.linkColor, 'rgb(11, 90, 58)', 'the site may set --seloste-accent from outside');

  const outside = await page.evaluate(() => {
    const h2 = document.querySelector('main > h2');
    return { size: getComputedStyle(h2).fontSize, color: getComputedStyle(h2).color };
  });
  assert.deepEqual(outside, { size: '40px', color: 'rgb(176, 0, 32)' }, 'the host page keeps its own styles');
  await page.close();
});

test('the language switch works with the keyboard', async () => {
  const { page, problems } = await open('/');
  const w = own(page);
  await w.locator('h1').waitFor();
  const english = w.locator('nav.langs button[lang="en"]');
  assert.equal(await english.getAttribute('aria-pressed'), 'false');
  await english.focus();
  await page.keyboard.press('Enter');
  await w.locator('article[lang="en"]').waitFor();
  assert.equal(await w.locator('h1').innerText(), 'Privacy notice for the customer register of Pohjantähti Verkkokauppa');
  assert.equal(await english.getAttribute('aria-pressed'), 'true');
  assert.ok((await w.locator('article').innerText()).includes('Contract (6(1)(b))'));
  // The partner's widget is independent: still Finnish.
  assert.equal(await partner(page).locator('article').getAttribute('lang'), 'fi');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the change log lists every version with its date, and a diff opens', async () => {
  const { page, problems } = await open('/');
  const w = own(page);
  await w.locator('h1').waitFor();
  await w.locator('button.to-view').click();
  await w.locator('section.version').first().waitFor();
  assert.match(await w.locator('h1').innerText(), /^Muutoshistoria/);
  assert.equal(await page.evaluate(() => document.querySelector('seloste-notice').shadowRoot.activeElement?.tagName), 'H1',
    'focus moves to the new view');
  const headings = await w.locator('section.version > h2').allInnerTexts();
  assert.deepEqual(headings, ['Versio 3 · 1.6.2026', 'Versio 2 · 15.1.2025', 'Versio 1 · 1.3.2024']);
  assert.ok((await w.locator('section#v1').innerText()).includes('Ensimmäinen julkaistu versio.'));

  const v2 = w.locator('section#v2 details');
  assert.equal(await v2.getAttribute('open'), null);
  await v2.locator('summary').click();
  assert.notEqual(await v2.getAttribute('open'), null);
  const diff = await v2.innerText();
  assert.ok(diff.includes('Lisätty'), diff);
  assert.ok(diff.includes('Kipinä Uutiskirjeet Oy'), diff);
  await w.locator('section#v3 details summary').click();
  const v3 = await w.locator('section#v3 details').innerText();
  assert.ok(v3.includes('Muutettu') && v3.includes('Mikko Järvinen'), v3);

  await w.screenshot({ path: path.join(SHOTS, 'history.png') });
  assert.deepEqual(await axe(page, 0), [], 'axe finds no violations in the change log');

  // And back to the notice.
  await w.locator('button.to-view').click();
  await w.locator('section#controller').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('axe-core finds no accessibility violations in either notice, light or dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems } = await open('/', { colorScheme });
    await own(page).locator('h1').waitFor();
    await partner(page).locator('h1').waitFor();
    assert.deepEqual(await axe(page, 0), [], `own notice (${colorScheme})`);
    assert.deepEqual(await axe(page, 1), [], `partner notice (${colorScheme})`);
    if (colorScheme === 'dark') await own(page).screenshot({ path: path.join(SHOTS, 'notice-dark.png') });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('no globals beyond window.Seloste, no storage, no cookies sent to the edge', async () => {
  const blank = await context.newPage();
  await blank.goto(site.origin + '/nothing-here');
  const baseline = new Set(await blank.evaluate(() => Object.getOwnPropertyNames(window)));
  await blank.close();

  const { page } = await open('/');
  await own(page).locator('h1').waitFor();
  await partner(page).locator('h1').waitFor();
  const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((k) => !baseline.has(k));
  assert.deepEqual(added, ['Seloste']);
  const storage = await page.evaluate(() => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
  }));
  assert.deepEqual(storage, { local: 0, session: 0, cookie: 'site_session=abc123' });
  const api = edge.requests.filter((r) => r.path.startsWith('/api/'));
  assert.ok(api.length > 0);
  assert.ok(api.every((r) => r.cookie === null), 'API requests carry no cookies');
  assert.equal(await page.locator('body').getAttribute('data-page-script'), 'ran');
  await page.locator('#page-button').click();
  assert.equal(await page.locator('body').getAttribute('data-page-button'), 'clicked');
  await page.close();
});

test('a missing notice shows a polite fallback and the page keeps working', async () => {
  const { page, problems } = await open('/missing');
  const w = own(page);
  await w.locator('.fallback').waitFor();
  const text = await w.locator('.fallback').innerText();
  assert.ok(text.includes('Dataskyddsbeskrivningen kunde inte visas här just nu.'), text);
  const link = w.locator('a');
  assert.equal(await link.getAttribute('href'), `${edge.origin}/pohjantahti/finns-inte`);
  assert.equal(await page.locator('body').getAttribute('data-page-script'), 'ran');
  assert.equal(await page.locator('#page-script-status').innerText(), 'Sidans eget skript fungerar.');
  await page.screenshot({ path: path.join(SHOTS, 'fallback.png'), fullPage: true });
  // The browser itself reports the 404 of the API call; nothing else may appear.
  const unexpected = problems.filter((p) => !(p.text.includes('404') && p.url.includes('/api/v1/notices/pohjantahti/finns-inte')));
  assert.deepEqual(unexpected, []);
  assert.deepEqual(await axe(page, 0), []);
  await page.close();
});

test('when the wasm cannot load, the loader still shows the fallback link', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/seloste_bg.wasm', (route) => route.abort());
  await page.goto(site.origin + '/');
  const w = own(page);
  await w.locator('a').waitFor();
  assert.equal(await w.locator('a').getAttribute('href'), `${edge.origin}/pohjantahti/asiakasrekisteri`);
  const message = await w.locator('p').innerText();
  assert.ok(message.startsWith('Tietosuojaselostetta ei juuri nyt voitu näyttää tässä.'), message);
  assert.equal(await page.locator('body').getAttribute('data-page-script'), 'ran');
  assert.deepEqual(errors, []);
  await page.close();
});
