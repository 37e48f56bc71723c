// The notices as linked data in workerd: the context at /ns/v1.jsonld (the committed file, byte for
// byte, immutable), the notice API's Accept negotiation (JSON-LD only when asked for, Vary: Accept),
// the .jsonld URLs of the latest and each version, and the JSON-LD every notice page embeds as a
// <script type="application/ld+json"> data block — with a title holding `</script>`, which must stay
// text inside the block (no second script element, the page's strict CSP unchanged, and Chromium
// reports no CSP violation for the block while it does for a real inline script).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { chromium } from "playwright-core";

import { CHROME_ARGS, findChrome } from "../support/chrome.cjs";
import { fetchPage, freshEdge, notice, publishOk, ROOT } from "./helpers.mjs";

const ID = "testi/linkitetty";
const IMMUTABLE = "public, max-age=31536000, immutable";
const LD = "application/ld+json";
const CONTEXT_FILE = readFileSync(join(ROOT, "schema/context/v1.jsonld"), "utf8");
const PAYLOAD = `</script><script>window.pwned=1</script><!-- </SCRIPT > <\/script`;
let edge;

const base = {
  purposes: [{ name: { fi: "Asiakassuhde", en: "Customer relationship" }, legal_bases: ["contract", "legitimate_interests"] }],
  recipients: { items: [{ name: { fi: "Laskutus Oy", en: "Laskutus Oy" }, role: "processor" }] },
  transfers: {
    outside_eea: true,
    items: [{ recipient: { fi: "Mail Inc.", en: "Mail Inc." }, country: "US", safeguard: "standard_contractual_clauses" }],
  },
  retention: { rules: [{ period: { fi: "Viisi vuotta", en: "Five years" }, max_duration: "P5Y" }] },
};

before(async () => {
  edge = await freshEdge("jsonld");
  await publishOk(edge, ID, {
    notice: notice(ID, base),
    summary: { fi: "Ensimmäinen versio", en: "First version" },
    published: "2024-03-01",
  });
  await publishOk(edge, ID, {
    notice: notice(ID, { ...base, title: { fi: `Seloste ${PAYLOAD}`, en: `Notice ${PAYLOAD}` } }),
    summary: { fi: "Uusi otsikko", en: "New title" },
    published: "2025-02-01",
  });
});
after(() => edge?.stop());

/** The one `<script>` element of a page: its attributes and its text. */
function scriptBlocks(html) {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({ attrs: m[1], text: m[2] }));
}

describe("the JSON-LD context", () => {
  test("GET /ns/v1.jsonld: the committed file, application/ld+json, immutable, nosniff, open CORS, 304", async () => {
    const r = await fetch(edge.url("/ns/v1.jsonld"));
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("content-type"), LD);
    assert.equal(r.headers.get("cache-control"), IMMUTABLE);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    assert.equal(r.headers.get("access-control-allow-origin"), "*");
    assert.equal(await r.text(), CONTEXT_FILE);
    const again = await fetch(edge.url("/ns/v1.jsonld"), { headers: { "if-none-match": r.headers.get("etag") } });
    assert.equal(again.status, 304);
    assert.equal((await fetch(edge.url("/ns/v1.jsonld"), { method: "POST" })).status, 405);
  });

  test("organisation `ns` is reserved: nothing can be published under it", async () => {
    const r = await fetch(edge.url("/api/v1/notices/ns/v1/versions"), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${edge.token}` },
      body: JSON.stringify({ notice: notice("ns/v1"), summary: { fi: "x", en: "x" } }),
    });
    const text = await r.text();
    assert.equal(r.status, 422, text);
    assert.match(text, /`ns` is reserved/);
  });
});

describe("the notice API by Accept", () => {
  test("Accept: application/ld+json gets the latest version as JSON-LD, citing this edge's context", async () => {
    const r = await fetch(edge.url(`/api/v1/notices/${ID}`), { headers: { accept: LD } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("content-type"), LD);
    assert.match(r.headers.get("vary") ?? "", /Accept/);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    const doc = await r.json();
    assert.equal(doc["@context"], `${edge.base}/ns/v1.jsonld`);
    assert.equal(doc.id, `${edge.base}/${ID}/v/2`);
    assert.equal(doc.type, "dpv:PrivacyNotice");
    assert.equal(doc.version, 2);
    assert.equal(doc.issued, "2025-02-01");
    assert.equal(doc.title.fi, `Seloste ${PAYLOAD}`);
    assert.deepEqual(doc.process.purpose[0].legalBasis, [
      "https://w3id.org/dpv/legal/eu/gdpr#A6-1-b",
      "https://w3id.org/dpv/legal/eu/gdpr#A6-1-f",
    ]);
    assert.deepEqual(doc.process.transfer[0].legalBasis, ["https://w3id.org/dpv/legal/eu/gdpr#A46-2-c"]);
    assert.equal(doc.process.storage[0].value, "P5Y");
  });

  test("without it (none, */*, application/json, ld+json;q=0) the API answers plain JSON, also Vary: Accept", async () => {
    for (const accept of [undefined, "*/*", "application/json", `${LD};q=0`, `application/json, ${LD};q=0.5`]) {
      const r = await fetch(edge.url(`/api/v1/notices/${ID}`), { headers: accept ? { accept } : {} });
      assert.equal(r.status, 200);
      assert.match(r.headers.get("content-type"), /^application\/json/, String(accept));
      assert.match(r.headers.get("vary") ?? "", /Accept/, String(accept));
      const json = await r.json();
      assert.equal(json.latest.number, 2, String(accept));
    }
  });

  test("…/versions/{n} by Accept: that version, immutable; an unknown version is a JSON 404", async () => {
    const r = await fetch(edge.url(`/api/v1/notices/${ID}/versions/1`), { headers: { accept: LD } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("content-type"), LD);
    assert.equal(r.headers.get("cache-control"), IMMUTABLE);
    const doc = await r.json();
    assert.equal(doc.version, 1);
    assert.equal(doc.id, `${edge.base}/${ID}/v/1`);
    assert.equal(doc.title.en, "Customer register privacy notice");
    const plain = await fetch(edge.url(`/api/v1/notices/${ID}/versions/1`));
    assert.match(plain.headers.get("content-type"), /^application\/json/);
    assert.notEqual(plain.headers.get("etag"), r.headers.get("etag"), "JSON and JSON-LD have their own ETags");
    const missing = await fetch(edge.url(`/api/v1/notices/${ID}/versions/9`), { headers: { accept: LD } });
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error, "not_found");
  });
});

describe("the .jsonld URLs", () => {
  test("/{org}/{notice}.jsonld is the latest version, short-cached; /v/{n}.jsonld each version, immutable", async () => {
    const latest = await fetch(edge.url(`/${ID}.jsonld`));
    assert.equal(latest.status, 200);
    assert.equal(latest.headers.get("content-type"), LD);
    assert.doesNotMatch(latest.headers.get("cache-control"), /immutable/);
    assert.equal((await latest.json()).version, 2);
    for (const n of [1, 2]) {
      const r = await fetch(edge.url(`/${ID}/v/${n}.jsonld`));
      assert.equal(r.status, 200);
      assert.equal(r.headers.get("cache-control"), IMMUTABLE);
      assert.equal(r.headers.get("access-control-allow-origin"), "*");
      const doc = await r.json();
      assert.equal(doc.version, n);
      const viaApi = await (await fetch(edge.url(`/api/v1/notices/${ID}/versions/${n}`), { headers: { accept: LD } })).json();
      assert.deepEqual(doc, viaApi, "the same document at both URLs");
      const again = await fetch(edge.url(`/${ID}/v/${n}.jsonld`), { headers: { "if-none-match": r.headers.get("etag") } });
      assert.equal(again.status, 304);
    }
    for (const path of [`/${ID}/v/9.jsonld`, "/testi/ei-ole.jsonld"]) {
      assert.equal((await fetch(edge.url(path))).status, 404, path);
    }
  });
});

describe("the JSON-LD embedded in every notice page", () => {
  for (const [path, n] of [[`/${ID}`, 2], [`/${ID}?lang=en`, 2], [`/${ID}/v/1`, 1], [`/${ID}/v/2`, 2]]) {
    test(`${path}: one <script type="application/ld+json"> block, the version's JSON-LD, an alternate link`, async () => {
      const { r, html } = await fetchPage(edge, path);
      assert.equal(r.status, 200);
      const blocks = scriptBlocks(html);
      assert.equal(blocks.length, 1, "exactly one script element");
      assert.equal((html.match(/<script/gi) ?? []).length, 1, "no other script element opens");
      assert.equal(blocks[0].attrs, ` type="application/ld+json"`, "a data block: no src, no other type");
      assert.ok(!blocks[0].text.includes("<"), "no `<` inside the block");
      const embedded = JSON.parse(blocks[0].text);
      const served = await (await fetch(edge.url(`/${ID}/v/${n}.jsonld`))).json();
      assert.deepEqual(embedded, served);
      assert.ok(html.includes(`<link rel="alternate" type="application/ld+json" href="${edge.base}/${ID}/v/${n}.jsonld">`));
      const csp = r.headers.get("content-security-policy");
      assert.match(csp, /^default-src 'none';/);
      assert.doesNotMatch(csp, /script-src/, "the data block needs no script permission");
    });
  }

  test("a title holding `</script>` stays text in the block: escaped as \\u003c, read back exactly", async () => {
    const { html, text } = await fetchPage(edge, `/${ID}`);
    const [block] = scriptBlocks(html);
    assert.ok(block.text.includes("\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=1"), block.text.slice(0, 300));
    assert.equal(JSON.parse(block.text).title.fi, `Seloste ${PAYLOAD}`);
    assert.ok(text.includes(`Seloste ${PAYLOAD}`), "the page shows it as text too");
    assert.equal((html.match(/<\/script/gi) ?? []).length, 1, "only the block's own end tag");
  });
});

describe("in Chromium", () => {
  let browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  });
  after(() => browser?.close());

  test("the data block is no CSP violation and runs nothing; an injected inline script is refused and reported", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => {
      // The edge has no favicon; Chromium's request for one is not the page's doing.
      if (new URL(m.location().url || "about:blank").pathname === "/favicon.ico") return;
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.text()} ${m.location().url}`);
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const r = await page.goto(`${edge.base}/${ID}`);
    assert.equal(r.status(), 200);
    assert.match(r.headers()["content-security-policy"], /^default-src 'none';/);
    const seen = await page.evaluate(() => ({
      violations: window.__violations.slice(),
      pwned: window.pwned,
      scripts: [...document.scripts].map((s) => ({ type: s.type, src: s.src, text: s.textContent })),
    }));
    assert.deepEqual(seen.violations, [], "no CSP violation");
    assert.deepEqual(problems, [], "no console errors or warnings");
    assert.equal(seen.pwned, undefined);
    assert.equal(seen.scripts.length, 1);
    assert.equal(seen.scripts[0].type, LD);
    assert.equal(seen.scripts[0].src, "");
    assert.equal(JSON.parse(seen.scripts[0].text).title.fi, `Seloste ${PAYLOAD}`);

    // The listener is live and the policy bites: a real inline script is refused and reported.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.pwned = 2";
      document.head.append(s);
    });
    await page.waitForFunction(() => window.__violations.length > 0);
    const afterInjection = await page.evaluate(() => ({ violations: window.__violations, pwned: window.pwned }));
    assert.match(afterInjection.violations[0], /^script-src/);
    assert.equal(afterInjection.pwned, undefined);
    await context.close();
  });
});
