// The JSON API in workerd: publishing (token, size, JSON syntax, validation, dates, ids) and
// reading (notice, version, history), with CORS. Each test publishes to a notice id of its own (or
// reads what the `reading` block's own `before` published), so no test depends on another's state;
// every refusal is checked to have stored nothing.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { freshEdge, getJson, notice, publish, publishOk } from "./helpers.mjs";

let edge;

/** Nothing is stored for `id`: its notice is unknown to the edge. */
async function assertNothingStored(id) {
  assert.equal((await getJson(edge, `/api/v1/notices/${id}`)).status, 404, `nothing was stored for ${id}`);
}

before(async () => {
  edge = await freshEdge("api");
});
after(() => edge?.stop());

describe("publishing", () => {
  test("needs the token: none, a wrong one, another scheme are 401", async () => {
    const ID = "testi/tunnus";
    const body = { notice: notice(ID), summary: { fi: "Eka" } };
    for (const opts of [{ token: null }, { token: "wrong" }, { token: null, headers: { authorization: `Basic ${edge.token}` } }]) {
      const r = await publish(edge, ID, body, opts);
      assert.equal(r.status, 401);
      assert.equal(r.headers.get("www-authenticate"), 'Bearer realm="seloste"');
      assert.equal((await r.json()).error, "unauthorized");
    }
    await assertNothingStored(ID);
  });

  test("publishes version 1 with 201, Location and the number", async () => {
    const ID = "testi/eka";
    const r = await publish(edge, ID, {
      notice: notice(ID),
      summary: { fi: "Ensimmäinen versio", en: "First version" },
      published: "2020-02-03",
      effective: "2020-03-01",
    });
    assert.equal(r.status, 201);
    const json = await r.json();
    assert.equal(json.number, 1);
    assert.equal(r.headers.get("location"), edge.url(`/${ID}/v/1`));
    assert.equal(json.published, "2020-02-03");
    assert.equal(json.effective, "2020-03-01");
    assert.match(json.received_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(Array.isArray(json.findings) && json.findings.length > 0, "a minimal notice has completeness findings");
    assert.ok(json.findings.every((f) => f.severity === "finding"));
  });

  test("defaults the publication date to today (UTC) and numbers versions in order", async () => {
    const ID = "testi/tanaan";
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Eka" }, published: "2020-02-03" });
    // Today as the edge sees it is the day before or the day after the request (midnight may pass).
    const dayBefore = new Date().toISOString().slice(0, 10);
    const json = await publishOk(edge, ID, {
      notice: notice(ID, { title: { fi: "Päivitetty seloste", en: "Updated notice" } }),
      summary: { fi: "Päivitys", en: "Update" },
    });
    const dayAfter = new Date().toISOString().slice(0, 10);
    assert.equal(json.number, 2);
    assert.ok([dayBefore, dayAfter].includes(json.published), `${json.published} is today (${dayBefore}…${dayAfter})`);
  });

  test("invalid JSON is 400 with line and column", async () => {
    const ID = "testi/rikki";
    const r = await publish(edge, ID, '{\n  "notice": {,\n}');
    assert.equal(r.status, 400);
    const json = await r.json();
    assert.equal(json.error, "invalid_json");
    assert.equal(json.line, 2);
    assert.equal(json.column, 14);
    assert.match(json.message, /line 2, column 14/);
    await assertNothingStored(ID);
  });

  test("an invalid notice is 422 with every problem's path", async () => {
    const ID = "testi/virheet";
    const bad = notice(ID, {
      title: { fi: " ", en: "Title" },
      organisation: { name: "Testi Oy", emails: ["not-an-email"] },
    });
    const r = await publish(edge, ID, { notice: bad, summary: { fi: "x" } });
    assert.equal(r.status, 422);
    const json = await r.json();
    assert.equal(json.error, "invalid_notice");
    const paths = json.problems.filter((p) => p.severity === "error").map((p) => p.path);
    assert.ok(paths.some((p) => p.startsWith("notice.title")), paths.join(", "));
    assert.ok(paths.includes("notice.organisation.emails[0]"), paths.join(", "));
    assert.ok(json.problems.every((p) => typeof p.message === "string" && p.message.length > 0));
    // Beside the English message, what a client says it with in Finnish or Swedish.
    const email = json.problems.find((p) => p.path === "notice.organisation.emails[0]");
    assert.equal(email.message, "`not-an-email` is not an email address");
    assert.equal(email.code, "not_email");
    assert.deepEqual(email.values, { email: "not-an-email" });
    await assertNothingStored(ID);
  });

  test("a wrong shape is 422 at its path (unknown field)", async () => {
    const ID = "testi/muoto";
    const bad = notice(ID, { organisation: { name: "Testi Oy", fax: "123" } });
    const r = await publish(edge, ID, { notice: bad, summary: { fi: "x" } });
    assert.equal(r.status, 422);
    const json = await r.json();
    assert.equal(json.problems[0].path, "notice.organisation.fax");
    assert.match(json.problems[0].message, /unknown field `fax`/);
    await assertNothingStored(ID);
  });

  test("the notice's id must be the URL's (422)", async () => {
    const ID = "testi/tunniste";
    const r = await publish(edge, ID, { notice: notice("testi/muu"), summary: { fi: "x" } });
    assert.equal(r.status, 422);
    assert.equal((await r.json()).problems[0].path, "notice.id");
    await assertNothingStored(ID);
    await assertNothingStored("testi/muu");
  });

  test("publication dates: not in the future, not before the latest version (422)", async () => {
    const ID = "testi/paivat";
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Eka" }, published: "2020-02-03" });
    const future = await publish(edge, ID, { notice: notice(ID), summary: { fi: "x" }, published: "2999-01-01" });
    assert.equal(future.status, 422);
    assert.equal((await future.json()).problems[0].path, "published");
    const early = await publish(edge, ID, { notice: notice(ID), summary: { fi: "x" }, published: "2020-02-02" });
    assert.equal(early.status, 422);
    const json = await early.json();
    assert.equal(json.problems[0].path, "published");
    assert.match(json.message, /before the latest version/);
    // Said by validation's catalogue, so a client can show it in its reader's language.
    assert.equal(json.problems[0].code, "before_latest");
    assert.deepEqual(json.problems[0].values, { date: "2020-02-02", latest: "2020-02-03" });
    const { json: history } = await getJson(edge, `/api/v1/notices/${ID}/history`);
    assert.deepEqual(history.versions.map((v) => v.number), [1], "nothing refused was stored");
  });

  test("a body over the 512 KiB limit is 413, declared or not", async () => {
    const ID = "testi/iso";
    const big = JSON.stringify({ notice: notice(ID), summary: { fi: "x".repeat(1100 * 1024) } });
    // Sent on a connection of its own: the edge refuses without reading the body and closes it,
    // so a pooled keep-alive socket must not carry the next request.
    const r = await publish(edge, ID, big, { headers: { connection: "close" } });
    assert.equal(r.status, 413);
    assert.equal((await r.json()).error, "too_large");
    // Streamed without Content-Length: the edge stops reading at the limit.
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(" ".repeat(64 * 1024)));
        c.close();
      },
    });
    const streamed = await fetch(edge.url(`/api/v1/notices/${ID}/versions`), {
      method: "POST",
      headers: { authorization: `Bearer ${edge.token}`, "content-type": "application/json", connection: "close" },
      body: chunks,
      duplex: "half",
    });
    assert.equal(streamed.status, 413);
    await assertNothingStored(ID);
  });

  test("ids in URLs follow ^[a-z0-9][a-z0-9-]{0,62}$ (400 with JSON)", async () => {
    for (const path of ["/api/v1/notices/Testi/asiakkaat", "/api/v1/notices/testi/a_b/history", `/api/v1/notices/-x/y`]) {
      const { status, json } = await getJson(edge, path);
      assert.equal(status, 400, path);
      assert.equal(json.error, "invalid_id");
    }
    const r = await publish(edge, "testi/Iso", { notice: notice("testi/Iso"), summary: { fi: "x" } });
    assert.equal(r.status, 400);
  });

});

describe("reading", () => {
  const ID = "testi/luettava";
  before(async () => {
    await publishOk(edge, ID, {
      notice: notice(ID),
      summary: { fi: "Ensimmäinen versio", en: "First version" },
      published: "2020-02-03",
      effective: "2020-03-01",
    });
    await publishOk(edge, ID, {
      notice: notice(ID, { title: { fi: "Päivitetty seloste", en: "Updated notice" } }),
      summary: { fi: "Päivitys", en: "Update" },
      published: "2021-05-06",
    });
  });

  test("GET /api/v1/notices/{org}/{notice}: id, latest version, list of versions", async () => {
    const { status, headers, json } = await getJson(edge, `/api/v1/notices/${ID}`);
    assert.equal(status, 200);
    assert.equal(headers.get("access-control-allow-origin"), "*");
    assert.match(headers.get("content-type"), /^application\/json/);
    assert.ok(headers.get("etag"));
    assert.equal(json.id, ID);
    assert.equal(json.latest.number, 2);
    assert.equal(json.latest.notice.title.en, "Updated notice");
    assert.deepEqual(Object.keys(json.latest).sort(), ["hash", "notice", "number", "published", "summary"]);
    assert.match(json.latest.hash, /^[0-9a-f]{64}$/, "the latest version's pin");
    // Who and when (tests/edge/keys.test.mjs covers them): the operator token, backdated here.
    const { received_at, key_label, backdated, ...first } = json.versions[0];
    assert.match(received_at, /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual([key_label, backdated], ["operator", true]);
    assert.deepEqual(first, {
      number: 1,
      published: "2020-02-03",
      effective: "2020-03-01",
      summary: { en: "First version", fi: "Ensimmäinen versio" },
    });
    assert.equal(json.versions.length, 2);
    assert.ok(!("notice" in json.versions[0]));
  });

  test("GET …/versions/{n}: one version, immutable", async () => {
    const r = await fetch(edge.url(`/api/v1/notices/${ID}/versions/1`));
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const v = await r.json();
    assert.equal(v.number, 1);
    assert.equal(v.notice.id, ID);
    assert.equal(v.effective, "2020-03-01");
    const missing = await getJson(edge, `/api/v1/notices/${ID}/versions/9`);
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error, "not_found");
  });

  test("GET …/history: the HistoryFile, a page at a time", async () => {
    const { json } = await getJson(edge, `/api/v1/notices/${ID}/history`);
    assert.equal(json.format, 1);
    assert.equal(json.id, ID);
    assert.deepEqual(json.versions.map((v) => [v.number, v.notice.id]), [[1, ID], [2, ID]]);
  });

  test("304 when If-None-Match has the ETag", async () => {
    const first = await fetch(edge.url(`/api/v1/notices/${ID}/history`));
    const etag = first.headers.get("etag");
    const again = await fetch(edge.url(`/api/v1/notices/${ID}/history`), { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get("etag"), etag);
  });

  test("unknown notices are 404 JSON; CORS preflight and methods", async () => {
    const { status, json } = await getJson(edge, "/api/v1/notices/testi/ei-ole");
    assert.equal(status, 404);
    assert.equal(json.status, 404);
    const pre = await fetch(edge.url(`/api/v1/notices/${ID}`), { method: "OPTIONS" });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get("access-control-allow-origin"), "*");
    const del = await fetch(edge.url(`/api/v1/notices/${ID}/versions/1`), { method: "DELETE" });
    assert.equal(del.status, 405);
    assert.equal(del.headers.get("allow"), "GET, HEAD, OPTIONS");
    const other = await getJson(edge, "/api/v2/whatever");
    assert.equal(other.status, 404);
  });

  test("GET /healthz", async () => {
    const { status, json } = await getJson(edge, "/healthz");
    assert.equal(status, 200);
    assert.equal(json.status, "ok");
  });
});
