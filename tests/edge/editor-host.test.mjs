// The editor's host at the edge, in workerd: the pages `/edit` and `/edit/{org}/{notice}` (valid
// HTML5, the host contract's element and data attributes, a strict CSP, no referrer, no cookie,
// revalidated every time), the bundle served from the Worker (types, ETags, 304), the editor's
// wasm starting in Chromium under that CSP with nothing refused; and publishing with `base`: of
// two publishes started from the same version exactly one lands, the other is told `409
// outdated` with the latest number.
//
// Nothing here depends on the app's interface beyond the `#seloste-editor` element it renders into.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

import { CHROME_ARGS, findChrome } from "../support/chrome.cjs";
import { ROOT, fetchPage, freshEdge, notice, nuErrors, publish, publishOk } from "./helpers.mjs";

const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const BUNDLE = {
  "boot.js": "text/javascript",
  "seloste_editor.js": "text/javascript",
  "seloste_editor_bg.wasm": "application/wasm",
  "editor.css": "text/css",
};

let edge;

before(async () => {
  edge = await freshEdge("editor-host");
});
after(() => edge?.stop());

/** The attributes of the page's `#seloste-editor` element, or null. */
function hostElement(html) {
  const tag = html.match(/<div id="seloste-editor"([^>]*)><\/div>/);
  if (!tag) return null;
  return Object.fromEntries([...tag[1].matchAll(/ (data-[a-z]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** Asserts the headers every editor page carries. */
function assertEditorHeaders(r, where) {
  assert.equal(r.headers.get("content-security-policy"), STRICT_CSP, where);
  assert.equal(r.headers.get("referrer-policy"), "no-referrer", where);
  assert.equal(r.headers.get("cache-control"), "no-cache", where);
  assert.equal(r.headers.get("set-cookie"), null, `${where}: no cookie`);
  assert.match(r.headers.get("content-type"), /^text\/html; charset=utf-8$/, where);
}

test("the chooser and a notice's editor are valid pages that say where the editor runs", async () => {
  const chooser = await fetchPage(edge, "/edit");
  assert.equal(chooser.r.status, 200);
  assertEditorHeaders(chooser.r, "/edit");
  assert.deepEqual(hostElement(chooser.html), {
    "data-mode": "edge",
    "data-org": "",
    "data-notice": "",
    "data-lang": "en",
  });

  const one = await fetchPage(edge, "/edit/acme/customers", { headers: { "accept-language": "sv-FI, fi;q=0.5" } });
  assert.equal(one.r.status, 200);
  assertEditorHeaders(one.r, "/edit/acme/customers");
  assert.deepEqual(hostElement(one.html), {
    "data-mode": "edge",
    "data-org": "acme",
    "data-notice": "customers",
    "data-lang": "sv",
  });
  assert.match(one.html, /^<!doctype html>\n<html lang="sv">/);
  assert.equal(one.r.headers.get("vary"), "Accept-Language");
  assert.match(one.html, /<title>acme\/customers — [^<]+<\/title>/);
  for (const href of ["/widget/seloste.css", "/edit/editor.css"]) {
    assert.ok(one.html.includes(`<link rel="stylesheet" href="${href}">`), href);
  }
  assert.ok(one.html.includes('<script type="module" src="/edit/boot.js"></script>'));
  assert.match(one.html, /<noscript><p>[^<]*JavaScript[^<]*<\/p><\/noscript>/);
  assert.doesNotMatch(one.html, /<style|style=|<script>/, "nothing inline");

  // `?lang=` wins over the header; an interface language the editor lacks is English.
  const fi = await fetchPage(edge, "/edit/acme/customers?lang=fi", { headers: { "accept-language": "sv" } });
  assert.equal(hostElement(fi.html)["data-lang"], "fi");
  const de = await fetchPage(edge, "/edit/acme/customers?lang=de", { headers: { "accept-language": "de" } });
  assert.equal(hostElement(de.html)["data-lang"], "en");

  const head = await fetch(edge.url("/edit/acme/customers"), { method: "HEAD" });
  assert.equal(head.status, 200);
  assertEditorHeaders(head, "HEAD /edit/acme/customers");

  const errors = await nuErrors({ "/edit": chooser.html, "/edit/acme/customers": one.html }, "editor-host-vnu");
  assert.deepEqual(errors, []);
});

test("invalid ids and other paths under /edit are the 404 page; `edit` is no organisation", async () => {
  for (const path of ["/edit/Acme/customers", "/edit/acme", "/edit/acme/cu_stomers", "/edit/", "/edit/acme/customers/v/1", "/edit/x.js"]) {
    const { r, html } = await fetchPage(edge, path);
    assert.equal(r.status, 404, path);
    assert.match(html, /<h1>Not found<\/h1>/, path);
  }
  const post = await fetch(edge.url("/edit/acme/customers"), { method: "POST" });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get("allow"), "GET, HEAD");
  const r = await publish(edge, "edit/customers", { notice: notice("edit/customers"), summary: { fi: "x", en: "x" } });
  assert.equal(r.status, 422);
  const refused = await r.json();
  assert.match(refused.message, /`edit` is reserved/);
  assert.equal(refused.problems[0].code, "reserved_org");
});

test("the bundle is served from the Worker with its types, ETags and 304s", async () => {
  for (const [name, type] of Object.entries(BUNDLE)) {
    const r = await fetch(edge.url(`/edit/${name}`));
    const bytes = Buffer.from(await r.arrayBuffer());
    assert.equal(r.status, 200, name);
    assert.ok(r.headers.get("content-type").startsWith(type), `${name}: ${r.headers.get("content-type")}`);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff", name);
    assert.equal(r.headers.get("cache-control"), "no-cache", name);
    // The very bytes of editor/dist/, which the Worker embeds.
    assert.ok(bytes.equals(readFileSync(join(ROOT, "editor/dist", name))), `${name}: the built file`);
    const etag = r.headers.get("etag");
    assert.match(etag, /^"[0-9a-f]{16}"$/, name);
    const again = await fetch(edge.url(`/edit/${name}`), { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304, name);
    assert.equal((await again.arrayBuffer()).byteLength, 0, name);
  }
  const boot = await (await fetch(edge.url("/edit/boot.js"))).text();
  assert.match(boot, /from "\.\/seloste_editor\.js"/, "boot.js imports the glue beside it");
});

test("in Chromium the editor's wasm starts under the strict CSP, with nothing refused", async () => {
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused = [];
    const crashed = [];
    page.on("pageerror", (e) => crashed.push(String(e)));
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    // Through the DevTools protocol: the page's own CSP does not apply to this listener.
    await page.addInitScript(() => {
      window.__refused = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__refused.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const wasm = page.waitForResponse((r) => r.url().endsWith("/edit/seloste_editor_bg.wasm"));
    await page.goto(edge.url("/edit/acme/customers?lang=fi"));
    assert.equal((await wasm).status(), 200);
    // The app renders into the host element: the wasm was fetched, compiled and started.
    await page.waitForFunction(() => document.getElementById("seloste-editor")?.childElementCount > 0);
    assert.deepEqual(await page.evaluate(() => window.__refused), [], "CSP violations");
    assert.deepEqual(refused, [], "CSP messages on the console");
    assert.deepEqual(crashed, [], "page errors");
    assert.equal(await page.evaluate(() => document.cookie), "", "no cookie");
    await context.close();
  } finally {
    await browser.close();
  }
});

/** A publish request for version `summary` of `id`, started from version `base`. */
function draft(id, base, words) {
  return {
    notice: notice(id, { title: { fi: `Seloste ${words}`, en: `Notice ${words}` } }),
    summary: { fi: words, en: words },
    ...(base === undefined ? {} : { base }),
  };
}

test("two tabs publishing from the same version: exactly one lands, the other is told 409 outdated", async () => {
  const id = "acme/two-tabs";
  // A new notice (`base` 0), from two tabs at once.
  const first = await Promise.all([publish(edge, id, draft(id, 0, "tab A")), publish(edge, id, draft(id, 0, "tab B"))]);
  const answers = await Promise.all(first.map(async (r) => ({ status: r.status, json: await r.json() })));
  assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
  const lost = answers.find((a) => a.status === 409).json;
  assert.equal(lost.error, "outdated");
  assert.equal(lost.latest, 1);
  assert.equal(answers.find((a) => a.status === 201).json.number, 1);

  // The same on an existing notice, five at once from version 1.
  const racing = await Promise.all([1, 2, 3, 4, 5].map((i) => publish(edge, id, draft(id, 1, `racer ${i}`))));
  const statuses = await Promise.all(racing.map(async (r) => [r.status, await r.json()]));
  assert.equal(statuses.filter(([s]) => s === 201).length, 1, JSON.stringify(statuses));
  for (const [s, json] of statuses.filter(([s]) => s !== 201)) {
    assert.equal(s, 409);
    assert.deepEqual([json.error, json.latest], ["outdated", 2]);
  }

  // A base ahead of the edge is outdated too; the right one lands; no base is not checked (CI).
  const ahead = await publish(edge, id, draft(id, 7, "ahead"));
  assert.equal(ahead.status, 409);
  assert.equal((await ahead.json()).latest, 2);
  assert.equal((await publishOk(edge, id, draft(id, 2, "after seeing 2"))).number, 3);
  assert.equal((await publishOk(edge, id, draft(id, undefined, "from CI"))).number, 4);
  const history = await (await fetch(edge.url(`/api/v1/notices/${id}/history`))).json();
  assert.deepEqual(
    history.versions.map((v) => v.number),
    [1, 2, 3, 4],
    "no gap, no duplicate",
  );
});

test("an outdated base is told before a date before the latest version's", async () => {
  const id = "acme/dated";
  await publishOk(edge, id, draft(id, 0, "one"));
  const r = await publish(edge, id, { ...draft(id, 0, "old and outdated"), published: "2020-01-01" });
  assert.equal(r.status, 409);
  assert.deepEqual(Object.entries(await r.json()).filter(([k]) => ["error", "latest"].includes(k)), [["error", "outdated"], ["latest", 1]]);
});
