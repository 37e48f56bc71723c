// The widget's fragment on the fast path (edge/src/fast.rs, edge/src/entry.js,
// edge/src/routes/fragment.rs): once Rust has answered `GET /api/v1/notices/{id}/fragment?…`, the
// Worker's JavaScript entry answers the same URL again from the isolate's memory. Whichever
// answers, the answer must be Rust's: the same bytes and headers for the same path and exact query,
// never the answer to another query (or to the bare URL of a page), a 304 to a matching
// `If-None-Match`, HEAD without a body, the latest fragment following a publish through the
// isolate at once and one elsewhere once the freshness window has passed, a pinned one never
// changing. Every request is made at least twice, so that the later ones are ones the entry may
// answer.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { freshEdge, notice, publishOk } from "./helpers.mjs";

const ML = "nopea/fragmentti";
const edges = [];
let edge;

before(async () => {
  // A window far longer than the tests: the latest fragment is held (and kept by the entry) for
  // all of them, so only a publish through this isolate can change it.
  edge = await freshEdge("fastpath-fragment", { vars: { LATEST_TTL_SECONDS: "3600" } });
  edges.push(edge);
  await publishOk(edge, ML, { notice: notice(ML), summary: { fi: "Eka", en: "First" } });
});
after(() => Promise.all(edges.map((e) => e.stop())));

const fragment = (id, query = "") => `/api/v1/notices/${id}/fragment${query}`;

/** GET (or `init.method`) `path` on `on`: status, headers as sorted pairs, body. */
async function answer(path, init = {}, on = edge) {
  const r = await fetch(on.url(path), { redirect: "manual", ...init });
  const body = await r.text();
  return { status: r.status, headers: [...r.headers].sort(([a], [b]) => a.localeCompare(b)), body };
}

const header = (a, name) => a.headers.find(([n]) => n === name)?.[1] ?? null;

/** What a fragment answer shows: the version's number and the language of its article. */
function shown(a) {
  assert.equal(a.status, 200, a.body);
  const { html, version } = JSON.parse(a.body);
  const lang = html.match(/<article[^>]* lang="([^"]+)"/)?.[1];
  return { number: version.number, lang, title: version.notice.title };
}

/** Version `n` written into D1 without this isolate knowing (another isolate's publish). */
async function publishedElsewhere(on, id, n) {
  const db = await on.d1();
  await db
    .prepare("INSERT INTO versions (notice, number, published, effective, summary, document, received_at, key_id, key_label) VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, NULL, 'operator')")
    .bind(id, n, new Date().toISOString().slice(0, 10), JSON.stringify({ fi: `Muutos ${n}`, en: `Change ${n}` }), JSON.stringify(notice(id, { title: { fi: `Otsikko ${n}`, en: `Title ${n}` } })), new Date().toISOString())
    .run();
}

describe("the kept fragment is Rust's answer", () => {
  test("latest, lang=fi, lang=en, version=1, odd query order, an unknown lang: the same on every request", async () => {
    const queries = ["", "?lang=fi", "?lang=en", "?version=1", "?lang=en&version=1", "?version=1&lang=en", "?lang=xx", "?lang=", "?", "?version=nope&lang=en"];
    const firsts = new Map();
    for (const q of queries) {
      const first = await answer(fragment(ML, q));
      assert.equal(first.status, 200, q);
      firsts.set(q, first);
      for (let i = 0; i < 3; i++) assert.deepEqual(await answer(fragment(ML, q)), first, `${q}, request ${i + 2}`);
    }
    // and asked again after all the others, each still its own answer
    for (const q of queries) assert.deepEqual(await answer(fragment(ML, q)), firsts.get(q), `${q}, again`);
  });

  test("each query chooses its own answer: language and pin, in any order", async () => {
    for (let round = 0; round < 2; round++) {
      for (const [q, lang, cache] of [
        ["", "fi", "public, max-age=60, stale-while-revalidate=86400"],
        ["?lang=en", "en", "public, max-age=60, stale-while-revalidate=86400"],
        ["?lang=xx", "fi", "public, max-age=60, stale-while-revalidate=86400"],
        ["?version=1", "fi", "public, max-age=31536000, immutable"],
        ["?lang=en&version=1", "en", "public, max-age=31536000, immutable"],
        ["?version=1&lang=en", "en", "public, max-age=31536000, immutable"],
      ]) {
        const a = await answer(fragment(ML, q));
        assert.equal(shown(a).lang, lang, `${q}, round ${round}`);
        assert.equal(header(a, "cache-control"), cache, q);
        assert.equal(header(a, "access-control-allow-origin"), "*", q);
        assert.equal(header(a, "x-content-type-options"), "nosniff", q);
        assert.match(header(a, "content-type"), /^application\/json/, q);
        assert.match(header(a, "etag") ?? "", /^"[0-9a-f]{16}"$/, q);
        assert.equal(header(a, "vary"), null, `${q}: the URL alone chose it`);
      }
    }
  });

  test("no request header changes the answer: Origin, Accept-Language, Accept", async () => {
    for (const q of ["", "?lang=en", "?version=1"]) {
      const plain = await answer(fragment(ML, q));
      for (const headers of [
        { origin: "https://yritys.example" },
        { origin: "null" },
        { "accept-language": "en" },
        { "accept-language": "fi" },
        { accept: "text/html" },
      ]) {
        for (let i = 0; i < 2; i++) {
          assert.deepEqual(await answer(fragment(ML, q), { headers }), plain, `${q} ${JSON.stringify(headers)}`);
        }
      }
    }
  });
});

describe("a query is never answered with the bare URL's answer, nor the other way round", () => {
  test("a kept page is not the answer to its URL with a query", async () => {
    const PAGE = "nopea/sivu";
    await publishOk(edge, PAGE, { notice: notice(PAGE), summary: { fi: "Eka", en: "First" } });
    const bare = await answer(`/${PAGE}/v/1`);
    assert.equal(header(bare, "content-language"), "fi");
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(await answer(`/${PAGE}/v/1`), bare);
      for (const q of ["?lang=en", "?lang=en&x=1", "?x=1&lang=en"]) {
        const en = await answer(`/${PAGE}/v/1${q}`);
        assert.equal(header(en, "content-language"), "en", q);
        assert.match(en.body, /<html lang="en"/, q);
      }
      // An unknown parameter is Rust's to answer too (the same page, as Rust renders it).
      const odd = await answer(`/${PAGE}/v/1?utm=x`);
      assert.equal(odd.status, 200);
    }
    // Kept for a reader's Accept-Language, the page is still not the answer once `?lang=` asks
    // for another language with the same header.
    const en = { "accept-language": "en" };
    for (let i = 0; i < 2; i++) assert.equal(header(await answer(`/${PAGE}/v/1`, { headers: en }), "content-language"), "en");
    for (let i = 0; i < 2; i++) {
      const fi = await answer(`/${PAGE}/v/1?lang=fi`, { headers: en });
      assert.equal(header(fi, "content-language"), "fi");
      assert.equal(header(fi, "vary"), null, "the URL chose it");
    }
  });

  test("a kept fragment for a query is not the answer to the bare URL, nor to another query", async () => {
    const ID = "nopea/kysely";
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Eka", en: "First" } });
    // The queries first, so that they are kept before the bare URL is ever asked.
    for (let i = 0; i < 2; i++) {
      assert.equal(shown(await answer(fragment(ID, "?lang=en"))).lang, "en");
      assert.equal(shown(await answer(fragment(ID, "?lang=en&version=1"))).lang, "en");
    }
    for (let i = 0; i < 2; i++) {
      assert.equal(shown(await answer(fragment(ID))).lang, "fi", "the bare URL is the default language");
      assert.equal(shown(await answer(fragment(ID, "?lang=fi"))).lang, "fi");
      assert.equal(shown(await answer(fragment(ID, "?lang=en"))).lang, "en", "the query's own answer stays");
      const pinned = await answer(fragment(ID, "?lang=en&version=1&extra"));
      assert.equal(header(pinned, "cache-control"), "public, max-age=31536000, immutable");
    }
  });
});

describe("methods and validators", () => {
  test("HEAD: the fragment's headers without a body, before and after a GET", async () => {
    const ID = "nopea/paa";
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Eka", en: "First" } });
    // A HEAD first: what it hands over is the whole answer, so a GET after it gets the body.
    for (const q of ["?lang=en", "?version=1"]) {
      const head = await answer(fragment(ID, q), { method: "HEAD" });
      assert.equal(head.status, 200);
      assert.equal(head.body, "");
      const get = await answer(fragment(ID, q));
      assert.equal(shown(get).number, 1);
      assert.equal(header(get, "etag"), header(head, "etag"));
      for (let i = 0; i < 2; i++) {
        const again = await answer(fragment(ID, q), { method: "HEAD" });
        assert.equal(again.status, 200);
        assert.equal(again.body, "", `${q}: HEAD has no body once kept`);
        assert.equal(header(again, "etag"), header(get, "etag"));
        assert.match(header(again, "content-type"), /^application\/json/);
      }
    }
  });

  test("If-None-Match: 304 for the fragment's tag, 200 for another, and the tag does not stick", async () => {
    for (const q of ["", "?lang=en", "?version=1"]) {
      const kept = await answer(fragment(ML, q));
      const etag = header(kept, "etag");
      for (const inm of [etag, `W/${etag}`, `"nope", ${etag}`, "*"]) {
        for (let i = 0; i < 2; i++) {
          const r = await answer(fragment(ML, q), { headers: { "if-none-match": inm } });
          assert.equal(r.status, 304, `${q} If-None-Match ${inm}`);
          assert.equal(r.body, "");
          assert.equal(header(r, "etag"), etag);
        }
      }
      const other = await answer(fragment(ML, q), { headers: { "if-none-match": '"0000000000000000"' } });
      assert.equal(other.status, 200);
      assert.equal(other.body, kept.body);
      assert.deepEqual(await answer(fragment(ML, q)), kept);
    }
  });

  test("a version that does not exist is a 404, never kept: once published it answers", async () => {
    const ID = "nopea/tuleva";
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Eka", en: "First" } });
    for (let i = 0; i < 2; i++) assert.equal((await answer(fragment(ID, "?version=2"))).status, 404);
    await publishOk(edge, ID, { notice: notice(ID, { title: { fi: "Toinen", en: "Second" } }), summary: { fi: "Toka", en: "Second" } });
    for (let i = 0; i < 2; i++) assert.equal(shown(await answer(fragment(ID, "?version=2"))).number, 2);
  });
});

describe("publishing", () => {
  test("a publish through this isolate is on every latest fragment at once; the pinned one stays", async () => {
    const ID = "nopea/julkaisu";
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Eka", en: "First" } });
    const latest = ["", "?lang=en", "?lang=fi", "?version=nope"];
    const pinnedBefore = await answer(fragment(ID, "?version=1"));
    for (let i = 0; i < 2; i++) {
      for (const q of latest) assert.equal(shown(await answer(fragment(ID, q))).number, 1, q);
      assert.deepEqual(await answer(fragment(ID, "?version=1")), pinnedBefore);
    }
    // Also the notice's page, kept beside them: a publish forgets both.
    for (let i = 0; i < 2; i++) assert.match((await answer(`/${ID}`)).body, /\/v\/1\.jsonld/);
    await publishOk(edge, ID, {
      notice: notice(ID, { title: { fi: "Uusi otsikko", en: "New title" } }),
      summary: { fi: "Toka", en: "Second" },
    });
    for (let i = 0; i < 2; i++) {
      for (const q of latest) {
        const a = await answer(fragment(ID, q));
        assert.equal(shown(a).number, 2, `${q}: the latest fragment shows version 2`);
        assert.match(a.body, /Uusi otsikko|New title/, q);
      }
      assert.deepEqual(await answer(fragment(ID, "?version=1")), pinnedBefore, "version 1 stays version 1");
      assert.equal(shown(await answer(fragment(ID, "?version=2&lang=en"))).title.en, "New title");
      assert.match((await answer(`/${ID}`)).body, /\/v\/2\.jsonld/, "the page too");
    }
    // The new latest fragment answers conditionally, and HEAD without a body.
    const etag = header(await answer(fragment(ID)), "etag");
    assert.equal((await answer(fragment(ID), { headers: { "if-none-match": etag } })).status, 304);
    const head = await answer(fragment(ID), { method: "HEAD" });
    assert.equal(head.body, "");
    assert.equal(header(head, "etag"), etag);
  });

  test("a version published elsewhere is on the latest fragment once the window has passed", async () => {
    const short = await freshEdge("fastpath-fragment-short", { vars: { LATEST_TTL_SECONDS: "1" } });
    edges.push(short);
    const ID = "nopea/muualla";
    await publishOk(short, ID, { notice: notice(ID), summary: { fi: "Eka", en: "First" } });
    const latest = ["", "?lang=en", "?version=nope"];
    for (let i = 0; i < 2; i++) {
      for (const q of latest) assert.equal(shown(await answer(fragment(ID, q), {}, short)).number, 1, q);
    }
    const pinned = await answer(fragment(ID, "?version=1"), {}, short);
    await publishedElsewhere(short, ID, 2);
    assert.equal(shown(await answer(fragment(ID, "?version=2"), {}, short)).number, 2, "version 2's own fragment at once");
    for (const q of latest) {
      let number = 1;
      // Not a timing assertion: wait (at most a minute) for what must happen once 1 s has passed.
      for (let i = 0; i < 300 && number === 1; i++) {
        await new Promise((r) => setTimeout(r, 200));
        number = shown(await answer(fragment(ID, q), {}, short)).number;
      }
      assert.equal(number, 2, `${q}: the latest fragment follows D1 after the window`);
      assert.equal(shown(await answer(fragment(ID, q), {}, short)).number, 2, `${q}, and stays there`);
    }
    assert.deepEqual(await answer(fragment(ID, "?version=1"), {}, short), pinned, "version 1 stays version 1");
  });
});
