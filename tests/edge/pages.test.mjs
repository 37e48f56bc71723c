// The public pages in workerd: every URL, caching headers and 304s (and an old ETag after a new
// publish), HEAD, languages, security headers on every HTML answer (asserted by `fetchPage` for
// each one, 404 and 500 included), the Atom feed (a strict XML parser, then fast-xml-parser for its
// values), the widget bundle, internal links, and the Nu HTML Checker over every page.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { XMLParser } from "fast-xml-parser";

import { atom, fetchPage, freshEdge, notice, nuErrors, parseXmlStrict, publishOk } from "./helpers.mjs";

const ID = "testi/asiakkaat";
const IMMUTABLE = "public, max-age=31536000, immutable";
let edge;

/** A page of the edge; every `text/html` answer's security headers are asserted (fetchPage). */
const page = (path, init = {}) => fetchPage(edge, path, init);

before(async () => {
  edge = await freshEdge("pages");
  const v1 = notice(ID, { contact: { name: "Maija Meikäläinen", emails: ["maija@testi.example"] } });
  await publishOk(edge, ID, { notice: v1, summary: { fi: "Ensimmäinen versio", en: "First version" }, published: "2021-01-15" });
  const v2 = notice(ID, { contact: { name: "Matti Meikäläinen", emails: ["matti@testi.example"] } });
  await publishOk(edge, ID, { notice: v2, summary: { fi: "Uusi yhteyshenkilö", en: "New contact person" }, published: "2022-06-01" });
  const v3 = { ...v2, title: { fi: "Asiakasrekisteri <päivitetty>", en: "Customer register <updated>" } };
  await publishOk(edge, ID, { notice: v3, summary: { fi: "Uusi otsikko", en: "New title" }, published: "2023-09-30" });
  await publishOk(edge, "toinen/henkilosto", {
    notice: notice("toinen/henkilosto", { languages: ["fi"], title: { fi: "Henkilöstö & <rekisteri>" } }),
    summary: { fi: "Eka" },
  });
});

/** One URL of every kind of page, in each language and variant. */
const PAGES = [
  `/${ID}`, `/${ID}?lang=en`, `/${ID}/v/1`, `/${ID}/v/2?lang=en`, `/${ID}/history`, `/${ID}/history?lang=en`,
  `/${ID}/history?from=2`, `/${ID}/diff/1/2`, `/${ID}/diff/2/3?lang=en`, `/${ID}/diff/3/1`, "/", "/embed.html",
  "/toinen/henkilosto", "/nothing/here", `/${ID}/v/9`,
];
after(() => edge?.stop());

describe("notice pages", () => {
  test("GET /{org}/{notice}: the latest version, server-rendered, with security headers", async () => {
    const { r, html, text } = await page(`/${ID}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type"), /^text\/html; charset=utf-8/);
    assert.match(r.headers.get("cache-control"), /max-age=\d+, stale-while-revalidate=\d+/);
    assert.ok(!/immutable/.test(r.headers.get("cache-control")));
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /<html lang="fi">/);
    assert.ok(text.includes("Asiakasrekisteri <päivitetty>"), "the title, escaped in HTML, readable as text");
    assert.ok(html.includes("Asiakasrekisteri &lt;päivitetty&gt;"));
    assert.ok(text.includes("Matti Meikäläinen"));
    assert.ok(text.includes("matti@testi.example"));
    const scripts = html.match(/<script[^>]*>/gi) ?? [];
    assert.deepEqual(scripts, ['<script type="application/ld+json">'], "no script but the JSON-LD data block");
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
    assert.ok(text.includes("Maija Meikäläinen"), "version 1 shows version 1's contact");
    assert.ok(!text.includes("Matti Meikäläinen"));
    // Served again (from the Cache API now): the same bytes and headers.
    const again = await page(`/${ID}/v/1`);
    assert.equal(again.html, (await page(`/${ID}/v/1`)).html);
    assert.equal(again.r.headers.get("cache-control"), IMMUTABLE);
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
    // Not /embed.html: it plays a company's own page, whose links are to that company's site.
    for (const path of PAGES.filter((p) => p !== "/embed.html")) {
      const { html } = await page(path);
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
    // Well-formed for a strict XML parser first; then its values through fast-xml-parser.
    const strict = parseXmlStrict(xml);
    assert.equal(atom(strict, "entry").length, 3);
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
    const fi = parseXmlStrict(await (await fetch(edge.url(`/${ID}/feed.atom`))).text());
    assert.deepEqual(atom(fi, "entry").map((e) => atom(e, "summary")[0].text), ["Uusi otsikko", "Uusi yhteyshenkilö", "Ensimmäinen versio"]);
  });
});

describe("site", () => {
  test("GET / lists every notice", async () => {
    const { r, html, text } = await page("/");
    assert.equal(r.status, 200);
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
      assert.match(html, /Not found/);
      assert.ok(!/<script>/.test(html), "the path is escaped");
    }
    const post = await page(`/${ID}`, { method: "POST" });
    assert.equal(post.r.status, 405);
    assert.equal(post.r.headers.get("allow"), "GET, HEAD");
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

  test("GET /embed.html: the example company page embedding the widget", async () => {
    const { r, html } = await page("/embed.html");
    assert.equal(r.status, 200);
    assert.match(html, /seloste\.js/);
  });

  test("every HTML page passes the Nu HTML Checker", async () => {
    const pages = {};
    for (const path of PAGES) {
      const { r, html } = await page(path);
      assert.match(r.headers.get("content-type"), /^text\/html/, path);
      pages[path] = html;
    }
    pages["Accept-Language: en"] = (await page(`/${ID}`, { headers: { "accept-language": "en" } })).html;
    const errors = await nuErrors(pages, "pages-vnu");
    assert.deepEqual(errors, []);
  });
});

describe("HEAD, changed ETags and the 500 page", () => {
  test("HEAD answers as GET does, without a body", async () => {
    for (const path of [`/${ID}`, `/${ID}?lang=en`, `/${ID}/v/1`, `/${ID}/history`, `/${ID}/history?from=2`, `/${ID}/diff/1/2`, `/${ID}/feed.atom`, "/", "/nothing/here", `/api/v1/notices/${ID}`, `/api/v1/notices/${ID}/versions/1`, "/widget/seloste.js"]) {
      const get = await page(path);
      const head = await page(path, { method: "HEAD" });
      assert.equal(head.r.status, get.r.status, `HEAD ${path}`);
      assert.equal(head.html, "", `HEAD ${path}: no body`);
      for (const h of ["content-type", "etag", "cache-control", "content-security-policy", "content-language"]) {
        assert.equal(head.r.headers.get(h), get.r.headers.get(h), `HEAD ${path}: ${h}`);
      }
    }
  });

  test("an old ETag after a new publish: 200 with the new version, not 304", async () => {
    const id = "testi/etag";
    await publishOk(edge, id, { notice: notice(id, { title: { fi: "Ensimmäinen otsikko", en: "First title" } }), summary: { fi: "Eka" } });
    const paths = [`/${id}`, `/${id}/history`, `/${id}/feed.atom`, `/api/v1/notices/${id}`, `/api/v1/notices/${id}/history`];
    const old = {};
    for (const path of paths) {
      const r = await fetch(edge.url(path));
      await r.arrayBuffer();
      old[path] = r.headers.get("etag");
      assert.ok(old[path], `${path} has an ETag`);
      assert.equal((await fetch(edge.url(path), { headers: { "if-none-match": old[path] } })).status, 304, path);
    }
    await publishOk(edge, id, { notice: notice(id, { title: { fi: "Toinen otsikko", en: "Second title" } }), summary: { fi: "Toka" } });
    for (const path of paths) {
      const r = await fetch(edge.url(path), { headers: { "if-none-match": old[path] } });
      const body = await r.text();
      assert.equal(r.status, 200, `${path}: the old ETag no longer matches`);
      assert.notEqual(r.headers.get("etag"), old[path], path);
      assert.ok(body.includes("Toinen otsikko"), `${path} carries the new version`);
    }
  });

  test("a stored version the edge cannot read: the 500 page (and a JSON 500), no details", async () => {
    // Its own runtime: a corrupt row would spoil the index for the other tests.
    const broken = await freshEdge("pages-500");
    try {
      const id = "rikki/seloste";
      // The database accepts the row (it only refuses changes to published ones); the edge cannot
      // read it back as a notice.
      await (await broken.d1()).prepare(
        "INSERT INTO versions (notice, number, published, summary, document, received_at) VALUES (?1, 1, '2024-01-01', '{\"fi\":\"x\"}', '{\"format\":1}', '2024-01-01T00:00:00.000Z')",
      ).bind(id).run();
      const pages = {};
      for (const path of [`/${id}`, `/${id}?lang=en`, `/${id}/v/1`]) {
        for (const method of ["GET", "HEAD"]) {
          const { r, html } = await fetchPage(broken, path, { method });
          assert.equal(r.status, 500, `${method} ${path}`);
          assert.match(r.headers.get("content-type"), /^text\/html/, `${method} ${path}`);
          assert.equal(r.headers.get("cache-control"), "no-store", `${method} ${path}`);
          if (method === "GET") {
            assert.doesNotMatch(html, /stored JSON|RustError|panicked|missing field|\.rs:/, "no details in the page");
            pages[path] = html;
          }
        }
      }
      assert.deepEqual(await nuErrors(pages, "pages-500-vnu"), []);
      const api = await fetch(broken.url(`/api/v1/notices/${id}`));
      assert.equal(api.status, 500);
      const json = await api.json();
      assert.equal(json.error, "internal");
      assert.doesNotMatch(JSON.stringify(json), /stored JSON|RustError|missing field/);
    } finally {
      await broken.stop();
    }
  });
});
