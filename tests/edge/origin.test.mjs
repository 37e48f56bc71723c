// The edge and the web in workerd: absolute URLs come from the configured PUBLIC_ORIGIN, never the
// request's Host (a malformed Host is 400, not 500); the preflight for publishing allows only the
// configured origins; every answer says nosniff; failed authentications and publishes are
// rate-limited (429 with Retry-After) by the Workers Rate Limiting binding, run by workerd.

import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";

import { freshEdge, notice, publish } from "./helpers.mjs";

const PUBLIC = "https://notices.example";
let edge;

before(async () => {
  edge = await freshEdge("origin", {
    publicOrigin: PUBLIC,
    ratelimits: {
      AUTH_FAILURES: { simple: { limit: 3, period: 60 } },
      PUBLISHES: { simple: { limit: 3, period: 60 } },
    },
  });
});
after(() => edge?.stop());

/** A raw HTTP/1.1 request (Node's fetch will not send a Host of our choosing). */
function raw(path, { method = "GET", headers = {}, body } = {}) {
  const url = new URL(edge.base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers, setHost: !("host" in headers) }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const version = (id) => ({ notice: notice(id), summary: { fi: "Versio" } });

describe("absolute URLs", () => {
  test("a publish's Location, a redirect and the feed use PUBLIC_ORIGIN whatever the Host says", async () => {
    const ID = "isanta/seloste";
    const body = JSON.stringify(version(ID));
    const r = await raw(`/api/v1/notices/${ID}/versions`, {
      method: "POST",
      headers: { host: "evil.example", authorization: `Bearer ${edge.token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      body,
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.headers.location, `${PUBLIC}/${ID}/v/1`);
    assert.equal(JSON.parse(r.text).url, `${PUBLIC}/${ID}/v/1`);

    const alias = await raw(`/${ID}/versions/1?lang=en`, { headers: { host: "evil.example" } });
    assert.equal(alias.status, 308);
    assert.equal(alias.headers.location, `${PUBLIC}/${ID}/v/1?lang=en`);

    const feed = await raw(`/${ID}/feed.atom`, { headers: { host: "evil.example" } });
    assert.equal(feed.status, 200);
    assert.ok(!feed.text.includes("evil.example"), "no link names the Host");
    assert.ok(feed.text.includes(`href="${PUBLIC}/${ID}/feed.atom"`));
  });

  // Hosts workerd itself cannot make a URL of (`a b`, `%zz`, `[::1`, `x:99999`) are refused by the
  // runtime's own entry before any worker runs (Cloudflare's front end answers them 400); these
  // odd ones reach the worker, which must neither fail nor reflect them.
  test("an odd Host that reaches the worker is neither a 500 nor reflected", async () => {
    for (const host of ["ex_ample", "x..y", "x.example:"]) {
      for (const path of ["/isanta/seloste/versions/1", "/api/v1/notices/isanta/seloste", "/isanta/seloste/feed.atom"]) {
        const r = await raw(path, { headers: { host } });
        assert.ok(r.status < 500, `Host ${JSON.stringify(host)} ${path}: ${r.status} ${r.text.slice(0, 200)}`);
        assert.ok(!JSON.stringify(r.headers).includes(host) && !r.text.includes(host), `${host} is not reflected in ${path}`);
      }
    }
  });
});

describe("headers", () => {
  test("the preflight for publishing allows only the configured origin", async () => {
    const path = "/api/v1/notices/isanta/seloste/versions";
    const ok = await fetch(edge.url(path), { method: "OPTIONS", headers: { origin: PUBLIC, "access-control-request-method": "POST" } });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get("access-control-allow-origin"), PUBLIC);
    for (const origin of ["https://evil.example", "null", edge.base]) {
      const r = await fetch(edge.url(path), { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
      assert.equal(r.status, 403, origin);
      assert.equal(r.headers.get("access-control-allow-origin"), null, origin);
    }
    const keys = await fetch(edge.url("/api/v1/orgs/isanta/keys"), { method: "OPTIONS", headers: { origin: "https://evil.example" } });
    assert.equal(keys.status, 403);
    const read = await fetch(edge.url("/api/v1/notices/isanta/seloste"), { method: "OPTIONS", headers: { origin: "https://evil.example" } });
    assert.equal(read.status, 204, "reading stays open to every origin");
  });

  test("every answer says nosniff: JSON, errors, Atom, wasm, redirects", async () => {
    for (const path of ["/api/v1/notices/isanta/seloste", "/api/v1/notices/ei/ole", "/isanta/seloste/feed.atom", "/widget/seloste_bg.wasm", "/widget/seloste.js", "/isanta/seloste/versions/1", "/healthz"]) {
      const r = await fetch(edge.url(path), { redirect: "manual" });
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", `${path} (${r.status})`);
    }
  });
});

describe("rate limits", () => {
  test("failed authentications from one address: 401 up to the limit, then 429 with Retry-After", async () => {
    const ID = "raja/tunnus";
    const statuses = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await publish(edge, ID, version(ID), { token: `wrong-${i}` });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    assert.equal(last.headers.get("retry-after"), "60");
    assert.equal((await last.json()).error, "rate_limited");
  });

  test("publishes of one organisation: 201 up to the limit, then 429; another organisation goes on", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await publish(edge, "kiire/seloste", version("kiire/seloste"))).status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    assert.equal((await publish(edge, "rauha/seloste", version("rauha/seloste"))).status, 201);
  });
});
