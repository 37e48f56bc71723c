// Hostile requests against the publish endpoint and hostile-but-valid notice text on the pages, in
// workerd. Every refusal is a 4xx with a JSON error body, and the stored history is read back
// afterwards and compared: nothing a refused request sent may have changed it.

import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, test } from "node:test";

import { atom, fetchPage, freshEdge, getJson, notice, pageText, parseXmlStrict, publish, publishOk } from "./helpers.mjs";

const ID = "vihamielinen/seloste";
const XSS = [
  "<script>window.pwned=1</script>",
  "\"><img src=x onerror=alert(1)>",
  "'><svg onload=alert(1)>",
  "</title></article><iframe src=javascript:alert(1)>",
  "]]></content><script>x</script>",
];
let edge;
let history;
const SUMMARY = { fi: `Muutos ${XSS[0]}`, en: `Change ${XSS[4]}` };
const BIDI = "\u202emoc.elpmaxe\u202c";

before(async () => {
  edge = await freshEdge("hostile");
  // Version 1, whose every text carries markup: valid (it is text), published, then rendered.
  await publishOk(edge, ID, {
    notice: notice(ID, {
      title: { fi: `Seloste ${XSS[0]}`, en: `Notice ${XSS[1]}` },
      organisation: { name: `Testi ${XSS[2]}`, emails: ["tietosuoja@testi.example"], web: "https://testi.example/\"><img/src=x/onerror=alert(1)>" },
      other_sections: [{
        heading: { fi: XSS[3], en: XSS[4] },
        body: [
          { paragraph: { fi: XSS.join(" "), en: XSS.slice().reverse().join(" ") } },
          { list: [{ fi: XSS[0], en: XSS[1] }] },
          { links: [{ href: "https://testi.example/a?b=\"'<>", label: { fi: XSS[2], en: XSS[3] } }] },
        ],
      }],
    }),
    summary: SUMMARY,
  });
  history = await readHistory();
});
after(() => edge?.stop());

async function readHistory() {
  const { status, json } = await getJson(edge, `/api/v1/notices/${ID}/history`);
  assert.equal(status, 200);
  return json;
}

/** A refusal: the expected 4xx, a JSON body with an `error` code, and the history unchanged. */
async function assertRefused(r, status, error) {
  const text = await r.text();
  assert.equal(r.status, status, text.slice(0, 300));
  assert.match(r.headers.get("content-type") ?? "", /^application\/json/, text.slice(0, 200));
  const json = JSON.parse(text);
  if (error) assert.equal(json.error, error, text.slice(0, 300));
  assert.equal(typeof json.message, "string");
  assert.deepEqual(await readHistory(), history, "the stored history is unchanged");
  return json;
}

/** A raw request with the path exactly as given (fetch would normalise `..` and encodings). */
function raw(method, path, { headers = {}, body } = {}) {
  const { hostname, port } = new URL(edge.base);
  return new Promise((resolve, reject) => {
    // A fresh connection each time: the edge answers some of these without reading the body, and
    // a kept-alive socket would then be reset under the next request.
    const req = http.request({ host: hostname, port, method, path, headers: { connection: "close", ...headers }, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode,
          headers: { get: (k) => res.headers[k.toLowerCase()] ?? null },
          text: async () => text,
        });
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const body = (extra = {}) => ({ notice: notice(ID, extra), summary: { fi: "Hyökkäys" } });

describe("the token", () => {
  test("missing, empty, wrong, of another scheme, or of odd shape: 401", async () => {
    const tries = [
      { token: null },
      { token: "" },
      { token: "wrong" },
      { token: edge.token.slice(0, -1) },
      { token: edge.token + "x" },
      { token: edge.token.toUpperCase() },
      { token: `${edge.token} ${edge.token}` },
      { token: null, headers: { authorization: `Basic ${edge.token}` } },
      { token: null, headers: { authorization: edge.token } },
      { token: null, headers: { authorization: "Bearer" } },
      { token: "a".repeat(8000) },
      // Right up to the last character (the comparison is constant-time: no timing is asserted,
      // latency belongs in the benchmark).
      { token: edge.token.slice(0, -1) + (edge.token.at(-1) === "0" ? "1" : "0") },
    ];
    for (const opts of tries) {
      await assertRefused(await publish(edge, ID, body(), opts), 401, "unauthorized");
    }
  });
});

describe("the body", () => {
  test("wrong content types: 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", ""]) {
      const r = await publish(edge, ID, body(), { headers: { "content-type": type } });
      await assertRefused(r, 415, "unsupported_media_type");
    }
  });

  test("empty, not JSON, invalid UTF-8, deeply nested: 400", async () => {
    const unclosed = "[".repeat(100_000);
    for (const b of ["", " ", "null x", "{", unclosed, '{"notice":' + '{"a":'.repeat(50_000), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])]) {
      const r = await fetch(edge.url(`/api/v1/notices/${ID}/versions`), {
        method: "POST",
        headers: { authorization: `Bearer ${edge.token}`, "content-type": "application/json" },
        body: b,
      });
      await assertRefused(r, 400, "invalid_json");
    }
  });

  test("deeply nested but well-formed JSON: 422 with the path where the shape breaks", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const objects = '{"notice":' + '{"a":'.repeat(5000) + "1" + "}".repeat(5001);
    for (const b of [deep, objects]) {
      const r = await publish(edge, ID, b);
      await assertRefused(r, 422, "invalid_notice");
    }
  });

  test("oversize: 413, with and without Content-Length", async () => {
    const big = JSON.stringify(body({ title: { fi: "x".repeat(1024 * 1024), en: "y" } }));
    // Sent on a connection of its own: the edge refuses without reading the body and closes it.
    await assertRefused(await publish(edge, ID, big, { headers: { connection: "close" } }), 413, "too_large");
    // Streamed (chunked: no Content-Length), so the edge must count while reading.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(" ".repeat(100_000)));
        c.close();
      },
    });
    const r = await fetch(edge.url(`/api/v1/notices/${ID}/versions`), {
      method: "POST",
      headers: { authorization: `Bearer ${edge.token}`, "content-type": "application/json", connection: "close" },
      body: stream,
      duplex: "half",
    });
    await assertRefused(r, 413, "too_large");
  });

  test("dangerous links, bidirectional and control characters in text, duplicate keys, a foreign id, unknown fields: 422 with the path", async () => {
    for (const href of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "https://exa\u202elpmaxe.evil"]) {
      const b = body({ other_sections: [{ heading: { fi: "x", en: "x" }, body: [{ links: [{ href, label: { fi: "x", en: "x" } }] }] }] });
      const json = await assertRefused(await publish(edge, ID, b), 422, "invalid_notice");
      assert.ok(json.problems.some((p) => p.path === "notice.other_sections[0].body[0].links[0].href"), JSON.stringify(json.problems));
    }
    // Text that reads differently from what it says, or breaks the Atom feed (issue 9).
    for (const bad of [BIDI, "Rivi\u000btoinen"]) {
      const b = body({ other_sections: [{ heading: { fi: "x", en: "x" }, body: [{ paragraph: { fi: bad, en: "x" } }] }] });
      const json = await assertRefused(await publish(edge, ID, b), 422, "invalid_notice");
      assert.ok(json.problems.some((p) => p.path === "notice.other_sections[0].body[0].paragraph.fi"), JSON.stringify(json.problems));
    }
    const dup = JSON.stringify(body()).replace('"format":1', '"format":1,"format":1');
    await assertRefused(await publish(edge, ID, dup), 422, "invalid_notice");
    const dupText = JSON.stringify(body()).replace('"fi":"Hyökkäys"', '"fi":"a","fi":"Hyökkäys"');
    await assertRefused(await publish(edge, ID, dupText), 422, "invalid_notice");
    await assertRefused(await publish(edge, ID, { notice: notice("toinen/seloste"), summary: { fi: "x" } }), 422, "invalid_notice");
    await assertRefused(await publish(edge, ID, { ...body(), admin: true }), 422, "invalid_notice");
  });
});

describe("ids in the URL", () => {
  const good = "vihamielinen";
  const paths = [
    `/api/v1/notices/../seloste/versions`,
    `/api/v1/notices/${good}/../versions`,
    `/api/v1/notices/%2e%2e/seloste/versions`,
    `/api/v1/notices/%2E%2E/%2E%2E/versions`,
    `/api/v1/notices/${good}/%2e%2e%2fseloste/versions`,
    `/api/v1/notices/${good}/seloste%2f..%2f..%2fx/versions`,
    `/api/v1/notices/..%5c..%5cx/seloste/versions`,
    `/api/v1/notices/${good}/sel%00oste/versions`,
    // Unicode lookalikes: Cyrillic "е", fullwidth letters, a dotless i, a combining dot.
    `/api/v1/notices/${encodeURIComponent("vihamiеlinen")}/seloste/versions`,
    `/api/v1/notices/${encodeURIComponent("ｖｉｈａｍｉｅｌｉｎｅｎ")}/seloste/versions`,
    `/api/v1/notices/${good}/${encodeURIComponent("selıste")}/versions`,
    `/api/v1/notices/${good}/${encodeURIComponent("seloste\u0307")}/versions`,
    `/api/v1/notices/${good}/SELOSTE/versions`,
    // Too long: 64 characters (the limit is 63), and far too long.
    `/api/v1/notices/${"a".repeat(64)}/seloste/versions`,
    `/api/v1/notices/${good}/${"b".repeat(5000)}/versions`,
    `/api/v1/notices/-${good}/seloste/versions`,
    `/api/v1/notices/${good}/seloste/versions/..`,
    `/api/v1/notices/${good}/seloste/versions%2f`,
  ];

  test("traversal, encodings, lookalikes and long ids: a 4xx JSON error, nothing stored", async () => {
    const b = JSON.stringify(body());
    for (const path of paths) {
      const r = await raw("POST", path, {
        headers: { authorization: `Bearer ${edge.token}`, "content-type": "application/json", "content-length": Buffer.byteLength(b) },
        body: b,
      });
      const text = await r.text();
      assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status} ${text.slice(0, 200)}`);
      assert.match(r.headers.get("content-type") ?? "", /^application\/json/, path);
      assert.equal(typeof JSON.parse(text).error, "string", path);
    }
    assert.deepEqual(await readHistory(), history, "the stored history is unchanged");
    const { json } = await getJson(edge, "/api/v1/notices/vihamielinen/seloste/versions/2");
    assert.equal(json.error, "not_found");
  });

  test("reading with such ids is a 4xx too (pages: the 404 page, API: JSON)", async () => {
    const reads = paths
      .map((p) => p.replace(/\/versions.*$/, "").replace("/api/v1/notices", ""))
      // `..` segments are resolved by the URL parser before routing, to real (valid) paths.
      // (So are `%2e%2e` segments: the URL standard reads them as `..` too.)
      .filter((p) => p !== `/${ID}` && !/\/(\.\.|%2e%2e)(\/|$)/i.test(p));
    for (const path of reads) {
      const r = await raw("GET", path);
      assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
    }
  });
});

describe("hostile-but-valid text on the pages", () => {
  /**
   * Every tag of a page as {name, attrs}: escaped text never holds `<`, so each `<` starts real
   * markup; quoted attribute values may hold `>`; <style> contents are skipped.
   */
  function tags(html) {
    const out = [];
    let i = 0;
    for (;;) {
      i = html.indexOf("<", i);
      if (i < 0) return out;
      i++;
      if (html.startsWith("!--", i)) { i = html.indexOf("-->", i) + 3; continue; }
      if (html[i] === "!" || html[i] === "/" || html[i] === "?") { i = html.indexOf(">", i) + 1; continue; }
      const name = html.slice(i).match(/^[A-Za-z0-9:-]+/)[0].toLowerCase();
      i += name.length;
      const attrs = [];
      for (;;) {
        while (/[\s/]/.test(html[i])) i++;
        if (html[i] === ">") { i++; break; }
        const attr = html.slice(i).match(/^[^\s=>]+/)[0].toLowerCase();
        i += attr.length;
        let value = "";
        if (html[i] === "=") {
          i++;
          const q = html[i];
          if (q === '"' || q === "'") { const end = html.indexOf(q, i + 1); value = html.slice(i + 1, end); i = end + 1; }
          else { value = html.slice(i).match(/^[^\s>]*/)[0]; i += value.length; }
        }
        attrs.push({ attr, value: value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") });
      }
      if (name === "style") i = html.indexOf("</style>", i);
      out.push({ name, attrs });
    }
  }
  const inert = (where, html) => {
    const found = tags(html);
    assert.ok(found.length > 5, where);
    for (const { name, attrs } of found) {
      // The one script element allowed is the JSON-LD data block (never executed; tests/edge/jsonld.test.mjs).
      const dataBlock = name === "script" && attrs.length === 1 && attrs[0].attr === "type" && attrs[0].value === "application/ld+json";
      assert.ok(dataBlock || !/^(script|img|svg|iframe|object|embed|form|base)$/.test(name), `<${name}> in ${where}`);
      for (const { attr, value } of attrs) {
        assert.ok(!attr.startsWith("on"), `<${name} ${attr}> in ${where}`);
        if (attr === "href" || attr === "src") assert.match(value, /^(https?:\/\/|mailto:|tel:|\/|\?|#)/i, `<${name} ${attr}=${value}> in ${where}`);
      }
    }
  };

  /** What the reader of each language must see, as text, on the notice's pages. */
  const SHOWN = {
    fi: [`Seloste ${XSS[0]}`, `Testi ${XSS[2]}`, XSS[3], XSS.join(" "), XSS[0], XSS[2]],
    en: [`Notice ${XSS[1]}`, `Testi ${XSS[2]}`, XSS[4], XSS.slice().reverse().join(" "), XSS[1], XSS[3]],
  };

  for (const lang of ["fi", "en"]) {
    test(`every page in ${lang} shows the payloads as text and nothing else (notice, version, history, index)`, async () => {
      for (const path of [`/${ID}?lang=${lang}`, `/${ID}/v/1?lang=${lang}`, `/${ID}/history?lang=${lang}`, `/?lang=${lang}`]) {
        const { r, html, text } = await fetchPage(edge, path);
        assert.equal(r.status, 200, path);
        inert(path, html);
        if (path.startsWith("/?")) continue;
        assert.match(html, new RegExp(`<html lang="${lang}"`), path);
        if (path.includes("/history")) {
          assert.ok(text.includes(SUMMARY[lang]), `${path} shows the ${lang} summary as text`);
          continue;
        }
        for (const s of SHOWN[lang]) assert.ok(text.includes(s), `${path} shows ${JSON.stringify(s)} as text`);
      }
    });

    test(`the feed in ${lang} is well-formed XML (strict parser) carrying the payloads as text`, async () => {
      const r = await fetch(edge.url(`/${ID}/feed.atom?lang=${lang}`));
      assert.equal(r.status, 200);
      const feed = parseXmlStrict(await r.text());
      assert.equal(feed.tag, "{http://www.w3.org/2005/Atom}feed");
      const [entry, ...more] = atom(feed, "entry");
      assert.equal(more.length, 0);
      const summary = atom(entry, "summary")[0] ?? atom(entry, "content")[0];
      assert.equal(summary.text, SUMMARY[lang], "the summary, exactly, as text");
      assert.equal(summary.children.length, 0, "no element made from the summary");
      assert.equal(atom(feed, "title")[0].text, lang === "fi" ? `Seloste ${XSS[0]}` : `Notice ${XSS[1]}`);
    });
  }

  test("the payload is escaped in the HTML source, not removed", async () => {
    const page = await (await fetch(edge.url(`/${ID}`))).text();
    assert.ok(page.includes("&lt;script&gt;window.pwned=1&lt;/script&gt;"));
    assert.ok(pageText(page).includes(`Seloste ${XSS[0]}`));
  });

  test("a 10 000-item list is published and rendered", async () => {
    // A notice of its own: the other tests compare the stored history of ID with what they set up.
    const LONG = "vihamielinen/pitka";
    const items = Array.from({ length: 10_000 }, (_, i) => ({ fi: `kohta ${i} <b>`, en: `item ${i}` }));
    const extra = { other_sections: [{ heading: { fi: "Pitkä", en: "Long" }, body: [{ list: items }] }] };
    const { number } = await publishOk(edge, LONG, { notice: notice(LONG, extra), summary: { fi: "Pitkä lista" } });
    const { r, html } = await fetchPage(edge, `/${LONG}/v/${number}`);
    assert.equal(r.status, 200);
    assert.ok(html.includes("kohta 9999 &lt;b&gt;"));
  });
});
