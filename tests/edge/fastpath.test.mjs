// The fast path (edge/src/fast.rs, edge/src/entry.js): once the Rust worker has answered a notice
// page, the Worker's JavaScript entry answers the same request again from the isolate's memory.
// Whichever answers, the answer must be the one Rust gives: the same bytes and headers, the
// variant the request chooses (language by `?lang=` or `Accept-Language`), a 304 to a matching
// `If-None-Match`, HEAD without a body, and a publish visible at once at `/v/{n}` and on the
// latest page (through this isolate). Every request below is made at least twice, so that the
// second is one the entry may answer.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { fetchPage, freshEdge, notice, publishOk } from "./helpers.mjs";

const ML = "nopea/monikielinen";
const SL = "nopea/yksikielinen";
let edge;
let pin;
let slPin;

before(async () => {
  // A window far longer than the tests: the latest page is held (and kept by the entry) for all
  // of them, so only a publish through this isolate can change it.
  edge = await freshEdge("fastpath", { vars: { LATEST_TTL_SECONDS: "3600" } });
  ({ hash: pin } = await publishOk(edge, ML, { notice: notice(ML), summary: { fi: "Eka", en: "First" } }));
  ({ hash: slPin } = await publishOk(edge, SL, {
    notice: notice(SL, { languages: ["sv"], title: { sv: "Kundregistrets dataskyddsbeskrivning" } }),
    summary: { sv: "Första" },
  }));
});
after(() => edge?.stop());

/** GET (or `init.method`) `path`: status, headers as sorted pairs, body. */
async function answer(path, init = {}) {
  const r = await fetch(edge.url(path), { redirect: "manual", ...init });
  const body = await r.text();
  return { status: r.status, headers: [...r.headers].sort(([a], [b]) => a.localeCompare(b)), body };
}

const header = (a, name) => a.headers.find(([n]) => n === name)?.[1] ?? null;

describe("the kept answer is Rust's answer", () => {
  test("latest, /v/1 and the pin's URL: the same bytes and headers on every request", async () => {
    for (const path of [`/${ML}`, `/${ML}/v/1`, `/${ML}/sha256/${pin}`, `/${SL}`, `/${SL}/v/1`]) {
      const first = await answer(path);
      assert.equal(first.status, 200, path);
      for (let i = 0; i < 3; i++) assert.deepEqual(await answer(path), first, `${path}, request ${i + 2}`);
    }
  });

  test("the security headers, the cache policy and the validator stay on the kept page", async () => {
    for (const [path, cache] of [
      [`/${ML}`, "public, max-age=60, stale-while-revalidate=86400"],
      [`/${ML}/v/1`, "public, max-age=31536000, immutable"],
    ]) {
      for (let i = 0; i < 2; i++) {
        const { r } = await fetchPage(edge, path);
        assert.equal(r.headers.get("cache-control"), cache, path);
        assert.match(r.headers.get("etag") ?? "", /^"[0-9a-f]{16}"$/, path);
        assert.equal(r.headers.get("x-frame-options"), "DENY", path);
      }
    }
  });
});

describe("variants", () => {
  test("Accept-Language chooses the language on every request, whatever was asked before", async () => {
    const cases = [
      [null, "fi"],
      ["en", "en"],
      ["en-GB, fi;q=0.5", "en"],
      ["sv", "fi"],
      ["fi", "fi"],
      ["", "fi"],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [accept, lang] of cases) {
        const headers = accept === null ? {} : { "accept-language": accept };
        const a = await answer(`/${ML}`, { headers });
        assert.equal(header(a, "content-language"), lang, `Accept-Language ${accept}, round ${round}`);
        assert.equal(header(a, "vary"), "Accept-Language", `Accept-Language ${accept}`);
        assert.match(a.body, new RegExp(`<html lang="${lang}"`), `Accept-Language ${accept}`);
      }
    }
  });

  test("?lang= chooses over what was kept for the bare URL, and the bare URL stays as it was", async () => {
    const bare = await answer(`/${ML}/v/1`);
    assert.equal(header(bare, "content-language"), "fi");
    for (let i = 0; i < 2; i++) {
      const en = await answer(`/${ML}/v/1?lang=en`);
      assert.equal(header(en, "content-language"), "en");
      assert.equal(header(en, "vary"), null, "the URL chose it");
      assert.deepEqual(await answer(`/${ML}/v/1`), bare);
    }
  });

  test("a notice in one language answers it to every Accept-Language, without Vary", async () => {
    for (const accept of ["fi", "en", "sv"]) {
      const a = await answer(`/${SL}`, { headers: { "accept-language": accept } });
      assert.equal(header(a, "content-language"), "sv", accept);
      assert.equal(header(a, "vary"), null, accept);
    }
  });

  test("other URLs of the notice are never the kept page: JSON-LD, the API, a trailing slash", async () => {
    await answer(`/${ML}`);
    for (let i = 0; i < 2; i++) {
      const ld = await answer(`/${ML}.jsonld`);
      assert.equal(ld.status, 200);
      assert.match(header(ld, "content-type"), /^application\/ld\+json/);
      const api = await answer(`/api/v1/notices/${ML}`, { headers: { accept: "application/ld+json" } });
      assert.match(header(api, "content-type"), /^application\/ld\+json/);
      assert.equal((await answer(`/${ML}/`)).status, 404);
    }
  });

  test("the page itself does not negotiate on Accept: HTML, as Rust answers it", async () => {
    const plain = await answer(`/${ML}/v/1`);
    const asked = await answer(`/${ML}/v/1`, { headers: { accept: "application/ld+json" } });
    assert.deepEqual(asked, plain);
  });
});

describe("methods and validators", () => {
  test("HEAD: the page's headers without a body, before and after a GET", async () => {
    const path = `/${ML}/v/1`;
    const get = await answer(path);
    for (let i = 0; i < 2; i++) {
      const head = await answer(path, { method: "HEAD" });
      assert.equal(head.status, 200);
      assert.equal(head.body, "");
      assert.equal(header(head, "etag"), header(get, "etag"));
      assert.equal(header(head, "content-type"), "text/html; charset=utf-8");
    }
    // A HEAD first (a URL nothing asked for yet): what it hands over is the whole page, so a GET
    // after it gets the body.
    const fresh = `/${SL}/sha256/${slPin}`;
    const head = await answer(fresh, { method: "HEAD", headers: { "accept-language": "sv" } });
    assert.equal(head.body, "");
    const after = await answer(fresh, { headers: { "accept-language": "sv" } });
    assert.match(after.body, /^<!DOCTYPE html>/i);
    assert.equal(header(after, "etag"), header(head, "etag"));
  });

  test("If-None-Match: 304 for the page's tag (weak or listed), 200 for another", async () => {
    for (const path of [`/${ML}`, `/${ML}/v/1`]) {
      const page = await answer(path);
      const etag = header(page, "etag");
      for (const inm of [etag, `W/${etag}`, `"nope", ${etag}`, "*"]) {
        for (let i = 0; i < 2; i++) {
          const r = await answer(path, { headers: { "if-none-match": inm } });
          assert.equal(r.status, 304, `${path} If-None-Match ${inm}`);
          assert.equal(r.body, "");
          assert.equal(header(r, "etag"), etag);
        }
      }
      const other = await answer(path, { headers: { "if-none-match": '"0000000000000000"' } });
      assert.equal(other.status, 200);
      assert.equal(other.body, page.body);
      // and the tag the reader has does not stick: the next plain request is the page
      assert.deepEqual(await answer(path), page);
    }
  });

  test("other methods are still refused", async () => {
    await answer(`/${ML}`);
    for (const method of ["POST", "PUT", "DELETE"]) {
      const r = await answer(`/${ML}`, { method });
      assert.equal(r.status, 405, method);
      assert.equal(header(r, "allow"), "GET, HEAD");
    }
  });
});

describe("publishing", () => {
  test("a publish through this isolate is on the latest page at once, and at /v/{n}", async () => {
    const ID = "nopea/julkaisu";
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Eka", en: "First" } });
    // Kept, in two variants, and /v/2 not there yet (a 404 is never kept).
    for (let i = 0; i < 2; i++) {
      assert.match((await answer(`/${ID}`)).body, /\/v\/1\.jsonld/);
      assert.match((await answer(`/${ID}`, { headers: { "accept-language": "en" } })).body, /\/v\/1\.jsonld/);
      assert.equal((await answer(`/${ID}/v/2`)).status, 404);
    }
    await publishOk(edge, ID, {
      notice: notice(ID, { title: { fi: "Uusi otsikko", en: "New title" } }),
      summary: { fi: "Toka", en: "Second" },
    });
    for (let i = 0; i < 2; i++) {
      const fi = await answer(`/${ID}`);
      assert.match(fi.body, /\/v\/2\.jsonld/, "the latest page shows version 2");
      assert.match(fi.body, /Uusi otsikko/);
      const en = await answer(`/${ID}`, { headers: { "accept-language": "en" } });
      assert.match(en.body, /New title/, "every variant of it");
      const v2 = await answer(`/${ID}/v/2`);
      assert.equal(v2.status, 200);
      assert.match(v2.body, /Uusi otsikko/);
      const v1 = await answer(`/${ID}/v/1`);
      assert.doesNotMatch(v1.body, /Uusi otsikko/, "version 1 stays version 1");
    }
  });
});
