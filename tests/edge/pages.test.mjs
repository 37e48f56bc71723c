// The public pages in workerd: every URL, caching headers and 304s, languages, security headers,
// the Atom feed (read by fast-xml-parser), the widget bundle, 404s, internal links, and the Nu
// HTML Checker over every page.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { XMLParser } from "fast-xml-parser";

import { ROOT, freshEdge, notice, nuErrors, pageText, publishOk } from "./helpers.mjs";

const ID = "testi/asiakkaat";
const IMMUTABLE = "public, max-age=31536000, immutable";
let edge;
/** Every HTML page fetched, by URL, for the Nu HTML Checker at the end. */
const pages = {};

async function page(path, init = {}) {
  const r = await fetch(edge.url(path), { redirect: "manual", ...init });
  const html = await r.text();
  if ((r.headers.get("content-type") ?? "").startsWith("text/html") && html) {
    pages[`${path} ${JSON.stringify(init.headers ?? {})}`] = html;
  }
  return { r, html, text: pageText(html) };
}

function assertSecurityHeaders(r, path) {
  const csp = r.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'none'/, path);
  assert.match(csp, /frame-ancestors 'none'/, path);
  assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
  assert.ok(r.headers.get("referrer-policy"), path);
}

before(async () => {
  edge = await freshEdge("pages");
  const v1 = notice(ID, { contact: { name: "Maija Meikäläinen", emails: ["maija@testi.example"] } });
  await publishOk(edge, ID, { notice: v1, summary: { fi: "Ensimmäinen versio", en: "First version" }, published: "2021-01-15" });
  const v2 = notice(ID, { contact: { name: "Matti Meikäläinen", emails: ["matti@testi.example"] } });
  await publishOk(edge, ID, { notice: v2, summary: { fi: "Uusi yhteyshenkilö", en: "New contact person" }, published: "2022-06-01" });
  const v3 = { ...v2, title: { fi: "Asiakasrekisteri <päivitetty>", en: "Customer register <updated>" } };
  await publishOk(edge, ID, { notice: v3, summary: { fi: "Uusi otsikko", en: "New title" }, published: "2023-09-30" });
});
after(() => edge?.stop());

describe("notice pages", () => {
  test("GET /{org}/{notice}: the latest version, server-rendered, with security headers", async () => {
    const { r, html, text } = await page(`/${ID}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type"), /^text\/html; charset=utf-8/);
    assertSecurityHeaders(r, `/${ID}`);
    assert.match(r.headers.get("cache-control"), /max-age=\d+, stale-while-revalidate=\d+/);
    assert.ok(!/immutable/.test(r.headers.get("cache-control")));
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /<html lang="fi">/);
    assert.ok(text.includes("Asiakasrekisteri <päivitetty>"), "the title, escaped in HTML, readable as text");
    assert.ok(html.includes("Asiakasrekisteri &lt;päivitetty&gt;"));
    assert.ok(text.includes("Matti Meikäläinen"));
    assert.ok(text.includes("matti@testi.example"));
    assert.ok(!/<script/i.test(html), "pages carry no script");
    assert.ok(!/<style|\sstyle=/i.test(html), "no inline style, so style-src 'self' holds");
    assert.match(html, /<link rel="stylesheet" href="\/widget\/seloste.css">/);
  });

  test("304 on If-None-Match, for the latest page and a version page", async () => {
    for (const path of [`/${ID}`, `/${ID}/v/2`, `/${ID}/history`]) {
      const first = await fetch(edge.url(path));
      const etag = first.headers.get("etag");
      assert.match(etag, /^"[0-9a-f]{16}"$/, path);
      const again = await fetch(edge.url(path), { headers: { "if-none-match": etag } });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers.get("etag"), etag);
      assert.equal(await again.text(), "");
      const other = await fetch(edge.url(path), { headers: { "if-none-match": '"0000000000000000"' } });
      assert.equal(other.status, 200, path);
    }
  });

  test("?lang= and Accept-Language choose the language", async () => {
    const en = await page(`/${ID}?lang=en`);
    assert.match(en.html, /<html lang="en">/);
    assert.ok(en.text.includes("Customer register <updated>"));
    assert.equal(en.r.headers.get("content-language"), "en");
    const header = await page(`/${ID}`, { headers: { "accept-language": "en-GB,en;q=0.9,fi;q=0.5" } });
    assert.match(header.html, /<html lang="en">/);
    assert.match(header.r.headers.get("vary") ?? "", /Accept-Language/);
    const fi = await page(`/${ID}?lang=fi`, { headers: { "accept-language": "en" } });
    assert.match(fi.html, /<html lang="fi">/);
    const unknown = await page(`/${ID}?lang=de`);
    assert.match(unknown.html, /<html lang="fi">/, "the main language when none matches");
  });

  test("GET /{org}/{notice}/v/{n}: that version, immutable", async () => {
    const { r, text } = await page(`/${ID}/v/1`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("cache-control"), IMMUTABLE);
    assertSecurityHeaders(r, "/v/1");
    assert.ok(text.includes("Maija Meikäläinen"), "version 1 shows version 1's contact");
    assert.ok(!text.includes("Matti Meikäläinen"));
    // Served again (from the Cache API now): the same bytes and headers.
    const again = await page(`/${ID}/v/1`);
    assert.equal(again.html, (await page(`/${ID}/v/1`)).html);
    assert.equal(again.r.headers.get("cache-control"), IMMUTABLE);
    assertSecurityHeaders(again.r, "/v/1 cached");
    const missing = await page(`/${ID}/v/4`);
    assert.equal(missing.r.status, 404);
  });

  test("/versions/{n} redirects permanently to /v/{n}", async () => {
    const r = await fetch(edge.url(`/${ID}/versions/2?lang=en`), { redirect: "manual" });
    assert.equal(r.status, 308);
    assert.equal(r.headers.get("location"), edge.url(`/${ID}/v/2?lang=en`));
  });

  test("GET …/history: the dated change log, linking every version and diff", async () => {
    const { r, html, text } = await page(`/${ID}/history?lang=en`);
    assert.equal(r.status, 200);
    assertSecurityHeaders(r, "history");
    for (const summary of ["First version", "New contact person", "New title"]) {
      assert.ok(text.includes(summary), summary);
    }
    for (const n of [1, 2, 3]) {
      assert.ok(new RegExp(`href="/${ID}/(v|versions)/${n}[?"]`).test(html), `link to version ${n}`);
    }
    for (const [a, b] of [[1, 2], [2, 3]]) {
      assert.ok(html.includes(`href="/${ID}/diff/${a}/${b}`), `link to diff ${a}→${b}`);
    }
    assert.ok(/15 January 2021|2021-01-15/.test(text), "dated");
  });

  test("GET …/diff/{a}/{b}: what changed", async () => {
    const { r, text } = await page(`/${ID}/diff/1/2?lang=en`);
    assert.equal(r.status, 200);
    assertSecurityHeaders(r, "diff");
    assert.ok(text.includes("Maija Meikäläinen") && text.includes("Matti Meikäläinen"), text.slice(0, 500));
    for (const bad of ["diff/1/9", "diff/2/2", "diff/0/1", "diff/x/1"]) {
      assert.equal((await page(`/${ID}/${bad}`)).r.status, 404, bad);
    }
  });

  test("distinct pages rendered concurrently all complete (Yew SSR across requests)", async () => {
    const paths = [];
    for (const lang of ["fi", "en"]) {
      for (const [a, b] of [[1, 2], [2, 1], [1, 3], [3, 1], [2, 3], [3, 2]]) paths.push(`/${ID}/diff/${a}/${b}?lang=${lang}`);
      for (const n of [1, 2, 3]) paths.push(`/${ID}/v/${n}?lang=${lang}&x=${n}`);
    }
    const statuses = await Promise.all(paths.map(async (p) => (await fetch(edge.url(p))).status));
    assert.deepEqual(statuses, paths.map(() => 200));
  });

  test("every link on every page leads somewhere", async () => {
    const seen = new Set();
    for (const html of Object.values(pages)) {
      for (const [, href] of html.matchAll(/href="(\/[^"]*)"/g)) seen.add(href.replace(/&amp;/g, "&"));
    }
    assert.ok(seen.size > 5);
    for (const href of seen) {
      const r = await fetch(edge.url(href));
      assert.equal(r.status, 200, href);
    }
  });
});

describe("feed", () => {
  test("GET …/feed.atom: Atom with one entry per version, parsed by fast-xml-parser", async () => {
    const r = await fetch(edge.url(`/${ID}/feed.atom?lang=en`));
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type"), /^application\/atom\+xml/);
    const xml = await r.text();
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "link"].includes(name) });
    const { feed } = parser.parse(xml, true);
    assert.equal(feed["@_xmlns"], "http://www.w3.org/2005/Atom");
    assert.equal(feed.title, "Customer register <updated>");
    assert.equal(feed.updated, "2023-09-30T00:00:00Z");
    assert.equal(feed.entry.length, 3);
    assert.deepEqual(feed.entry.map((e) => e.id), [3, 2, 1].map((n) => edge.url(`/${ID}/v/${n}`)));
    assert.deepEqual(feed.entry.map((e) => e.summary["#text"]), ["New title", "New contact person", "First version"]);
    assert.equal(feed.entry[2].published, "2021-01-15T00:00:00Z");
    assert.ok(feed.link.some((l) => l["@_rel"] === "self" && l["@_href"] === edge.url(`/${ID}/feed.atom`)));
    const fi = parser.parse(await (await fetch(edge.url(`/${ID}/feed.atom`))).text());
    assert.equal(fi.feed.entry.length, 3);
  });
});

describe("site", () => {
  test("GET / lists every notice", async () => {
    await publishOk(edge, "toinen/henkilosto", {
      notice: notice("toinen/henkilosto", { languages: ["fi"], title: { fi: "Henkilöstö & <rekisteri>" } }),
      summary: { fi: "Eka" },
    });
    const { r, html, text } = await page("/");
    assert.equal(r.status, 200);
    assertSecurityHeaders(r, "/");
    assert.ok(html.includes(`href="/${ID}"`));
    assert.ok(html.includes('href="/toinen/henkilosto"'));
    assert.ok(text.includes("Henkilöstö & <rekisteri>"));
    assert.ok(html.includes("Henkilöstö &amp; &lt;rekisteri&gt;"));
  });

  test("unknown paths are a real 404 page, not a stack trace", async () => {
    for (const path of ["/nothing/here", "/nothing/here/at/all", "/Iso/kirjain", "/<script>/x", "/testi/ei-ole", "/testi/ei-ole/history"]) {
      const { r, html } = await page(path);
      assert.equal(r.status, 404, path);
      assert.match(r.headers.get("content-type"), /^text\/html/);
      assertSecurityHeaders(r, path);
      assert.match(html, /Not found/);
      assert.ok(!/<script>/.test(html), "the path is escaped");
    }
    const post = await fetch(edge.url(`/${ID}`), { method: "POST" });
    assert.equal(post.status, 405);
  });

  test("the widget bundle: application/wasm, CORS, long cache", async () => {
    const wasm = await fetch(edge.url("/widget/seloste_bg.wasm"), { headers: { origin: "https://company.example" } });
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    assert.equal(wasm.headers.get("access-control-allow-origin"), "*");
    assert.match(wasm.headers.get("cache-control"), /max-age=\d{4,}/);
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 4)], [0x00, 0x61, 0x73, 0x6d], "a wasm module");
    assert.ok(WebAssembly.validate(bytes));
    const js = await fetch(edge.url("/widget/seloste.js"));
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type"), /^text\/javascript/);
    assert.equal(js.headers.get("access-control-allow-origin"), "*");
    const etag = js.headers.get("etag");
    assert.equal((await fetch(edge.url("/widget/seloste.js"), { headers: { "if-none-match": etag } })).status, 304);
    const css = await fetch(edge.url("/widget/seloste.css"));
    assert.equal(css.status, 200);
    assert.match(css.headers.get("content-type"), /^text\/css/);
    assert.ok((await css.text()).includes(".seloste"));
  });

  test("GET /embed.html: the example company page embedding the widget", { skip: !existsSync(join(ROOT, "examples/embed.html")) && "examples/embed.html not written yet" }, async () => {
    const { r, html } = await page("/embed.html");
    assert.equal(r.status, 200);
    assertSecurityHeaders(r, "/embed.html");
    assert.match(html, /seloste\.js/);
  });

  test("every HTML page passes the Nu HTML Checker", async () => {
    assert.ok(Object.keys(pages).length >= 10, Object.keys(pages).join("\n"));
    const errors = await nuErrors(pages, "pages-vnu");
    assert.deepEqual(errors, []);
  });
});
