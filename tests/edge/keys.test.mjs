// Organisations and keys in workerd: the operator token creates, lists and revokes an
// organisation's keys; a key publishes only its own organisation's notices (other → 403, revoked
// or unknown → 401); the key is stored only as its hash (the D1 files on disk never contain it);
// every version says which key published it and when the edge received it, in the API and the
// feed; backdating is only for imports; too many failures or publishes are 429 with Retry-After.

import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { atom, freshEdge, getJson, notice, pageText, parseXmlStrict, publish } from "./helpers.mjs";

let edge;

before(async () => {
  edge = await freshEdge("keys");
});
after(() => edge?.stop());

/** A request to the keys API of `org` with `token` (the operator's unless given). */
async function keysApi(org, { method = "GET", path = "", body, token = edge.token } = {}) {
  const headers = token === null ? {} : { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const r = await fetch(edge.url(`/api/v1/orgs/${org}/keys${path}`), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, json: await r.json() };
}

async function createKey(org, label) {
  const r = await keysApi(org, { method: "POST", body: { label } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json;
}

const version = (id, extra = {}) => ({ notice: notice(id), summary: { fi: "Versio", en: "Version" }, ...extra });

/** Every file under `dir`, recursively. */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the key lifecycle", () => {
  test("created once with 256 random bits, listed without the key, revoked for good", async () => {
    const created = await createKey("alpha", "HR editor");
    assert.equal(created.org, "alpha");
    assert.equal(created.label, "HR editor");
    assert.match(created.id, /^k[0-9a-f]{16}$/);
    assert.match(created.key, /^slk_[0-9a-f]{64}$/, "64 hex digits: 256 bits");
    const other = await createKey("alpha", "CI");
    assert.notEqual(other.key, created.key);

    const listed = await keysApi("alpha");
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.json.keys.map((k) => k.label).sort(), ["CI", "HR editor"]);
    assert.ok(!JSON.stringify(listed.json).includes(created.key), "a list never shows a key");
    assert.ok(listed.json.keys.every((k) => !k.revoked_at && !k.last_used_at));
    assert.deepEqual((await keysApi("beta")).json.keys, [], "another organisation's list is its own");

    const ID = "alpha/asiakkaat";
    assert.equal((await publish(edge, ID, version(ID), { token: created.key })).status, 201);
    const used = (await keysApi("alpha")).json.keys.find((k) => k.id === created.id);
    assert.match(used.last_used_at, /^\d{4}-\d\d-\d\dT/, "the last use is noted");

    const revoked = await keysApi("alpha", { method: "POST", path: `/${created.id}/revoke` });
    assert.equal(revoked.status, 200);
    assert.match(revoked.json.revoked_at, /^\d{4}-\d\d-\d\dT/);
    const r = await publish(edge, ID, version(ID), { token: created.key });
    assert.equal(r.status, 401, "a revoked key is refused");
    assert.equal(r.headers.get("www-authenticate"), 'Bearer realm="seloste"');
    assert.equal((await r.json()).error, "unauthorized");

    const again = await keysApi("alpha", { method: "DELETE", path: `/${created.id}` });
    assert.equal(again.status, 200, "DELETE revokes too");
    assert.equal(again.json.revoked_at, revoked.json.revoked_at, "revoked once; the time stays");
    const still = (await keysApi("alpha")).json.keys.map((k) => k.id);
    assert.ok(still.includes(created.id), "a revoked key stays listed: keys are never deleted");
    assert.equal((await publish(edge, ID, version(ID), { token: other.key })).status, 201, "the other key still works");
  });

  test("only the operator manages keys: a key is 403, no or a wrong token 401", async () => {
    const { key } = await createKey("gamma", "editor");
    assert.equal((await keysApi("gamma", { token: key })).status, 403);
    assert.equal((await keysApi("gamma", { method: "POST", body: { label: "x" }, token: key })).status, 403);
    assert.equal((await keysApi("gamma", { token: null })).status, 401);
    assert.equal((await keysApi("gamma", { token: "slk_" + "0".repeat(64) })).status, 401);
  });

  test("the database itself keeps keys: no delete, no change but last use and one revocation", async () => {
    const { id } = await createKey("kanta", "triggers");
    const db = await edge.d1();
    const refused = async (sql, ...args) => {
      await assert.rejects(db.prepare(sql).bind(...args).run(), /never deleted|changes only/, sql);
    };
    await refused("DELETE FROM keys WHERE id = ?1", id);
    await refused("UPDATE keys SET label = 'other' WHERE id = ?1", id);
    await refused("UPDATE keys SET org = 'other' WHERE id = ?1", id);
    await refused("UPDATE keys SET key_hash = 'x' WHERE id = ?1", id);
    await db.prepare("UPDATE keys SET last_used_at = '2030-01-01T00:00:00.000Z' WHERE id = ?1").bind(id).run();
    await db.prepare("UPDATE keys SET revoked_at = '2030-01-02T00:00:00.000Z' WHERE id = ?1").bind(id).run();
    await refused("UPDATE keys SET revoked_at = NULL WHERE id = ?1", id);
    const row = await db.prepare("SELECT label, revoked_at FROM keys WHERE id = ?1").bind(id).first();
    assert.deepEqual(row, { label: "triggers", revoked_at: "2030-01-02T00:00:00.000Z" });
  });

  test("labels are checked, unknown keys are 404, bad organisation ids 400", async () => {
    assert.equal((await keysApi("delta", { method: "POST", body: { label: "" } })).status, 422);
    assert.equal((await keysApi("delta", { method: "POST", body: { name: "x" } })).status, 422);
    assert.equal((await keysApi("delta", { method: "POST", path: "/k0123456789abcdef/revoke" })).status, 404);
    assert.equal((await keysApi("Delta")).status, 400);
    assert.equal((await keysApi("api", { method: "POST", body: { label: "x" } })).status, 422, "reserved organisation");
  });
});

describe("a key publishes only its own organisation's notices", () => {
  test("own organisation 201 with who and when; another organisation 403, nothing stored", async () => {
    const { id: keyId, key } = await createKey("kaarea", "Kaarea CI");
    const OWN = "kaarea/asiakasrekisteri";
    const r = await publish(edge, OWN, version(OWN), { token: key });
    assert.equal(r.status, 201);
    const json = await r.json();
    assert.equal(json.key_id, keyId);
    assert.equal(json.key_label, "Kaarea CI");
    assert.ok(!JSON.stringify(json).includes(key));

    const OTHER = "naapuri/asiakasrekisteri";
    const refused = await publish(edge, OTHER, version(OTHER), { token: key });
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).error, "forbidden");
    assert.equal((await getJson(edge, `/api/v1/notices/${OTHER}`)).status, 404, "nothing stored");
    const unknown = await publish(edge, OWN, version(OWN), { token: `slk_${"ab".repeat(32)}` });
    assert.equal(unknown.status, 401, "an unknown key is 401");
    // A prefix is not the organisation.
    const PREFIXED = "kaarea-group/seloste";
    assert.equal((await publish(edge, PREFIXED, version(PREFIXED), { token: key })).status, 403);

    const api = await getJson(edge, `/api/v1/notices/${OWN}`);
    const v = api.json.versions[0];
    assert.equal(v.key_id, keyId);
    assert.equal(v.key_label, "Kaarea CI");
    assert.equal(v.received_at, json.received_at);
    assert.equal(v.backdated, undefined, "published the day it was received");
  });

  test("the operator token may publish for any organisation, stamped as the operator", async () => {
    const ID = "mika-tahansa/seloste";
    const r = await publish(edge, ID, version(ID, { published: "2019-01-01" }));
    assert.equal(r.status, 201);
    const json = await r.json();
    assert.equal(json.key_label, "operator");
    assert.equal(json.key_id, undefined);
  });

  test("a key never appears in the D1 files on disk; its SHA-256 does", async () => {
    const { key } = await createKey("levy", "disk check");
    const ID = "levy/seloste";
    assert.equal((await publish(edge, ID, version(ID), { token: key })).status, 201);
    const files = filesUnder(join(edge.dir, "v3/d1"));
    assert.ok(files.some((f) => f.endsWith(".sqlite")), `a SQLite file under ${edge.dir}/v3/d1`);
    const bytes = files.map((f) => readFileSync(f));
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(key).digest("hex");
    assert.ok(bytes.some((b) => b.includes(Buffer.from(hash))), "the hash is stored (so the search can find what is there)");
    for (const [i, b] of bytes.entries()) {
      assert.ok(!b.includes(Buffer.from(key)), `${files[i]} holds the key`);
      assert.ok(!b.includes(Buffer.from(key.slice(4))), `${files[i]} holds the key's random part`);
      assert.ok(!b.includes(Buffer.from(edge.token)), `${files[i]} holds the operator token`);
    }
  });
});

describe("who and when, visible", () => {
  test("backdating: a key may import into a new notice, not date back an updated one", async () => {
    const { key } = await createKey("tuonti", "import");
    const ID = "tuonti/seloste";
    const one = await publish(edge, ID, version(ID, { published: "2018-05-25" }), { token: key });
    assert.equal(one.status, 201, "importing into a notice without versions");
    const two = await publish(edge, ID, version(ID, { published: "2020-01-01" }), { token: key });
    assert.equal(two.status, 201, "the import goes on while every version is an imported one");
    assert.equal((await publish(edge, ID, version(ID), { token: key })).status, 201, "today's version");
    const late = await publish(edge, ID, version(ID, { published: "2021-01-01" }), { token: key });
    assert.equal(late.status, 422, "no backdating after a current version");
    assert.equal((await late.json()).problems[0].path, "published");
    const early = await publish(edge, "tuonti/vanha", version("tuonti/vanha", { published: "1994-12-31" }), { token: key });
    assert.equal(early.status, 422, "no date before 1995");
  });

  test("the API, the change log and the feed show the stated date as published and the receipt as updated", async () => {
    const ID = "syote/seloste";
    const r = await publish(edge, ID, version(ID, { published: "2019-03-04" }));
    const { received_at } = await r.json();
    const [v] = (await getJson(edge, `/api/v1/notices/${ID}`)).json.versions;
    assert.deepEqual([v.published, v.received_at, v.backdated], ["2019-03-04", received_at, true], "the API marks a backdated version");
    const changes = await getJson(edge, `/api/v1/notices/${ID}/changes?lang=en`);
    assert.equal(changes.json.entries[0].received, received_at.slice(0, 10), "the change log notes the receipt");
    const page = pageText(await (await fetch(edge.url(`/${ID}/history?lang=en`))).text());
    assert.ok(page.includes("(date as stated by the organisation; received "), page.slice(0, 400));

    const CURRENT = "syote/tanaan";
    await publish(edge, CURRENT, version(CURRENT));
    const current = await getJson(edge, `/api/v1/notices/${CURRENT}/changes?lang=en`);
    assert.equal(current.json.entries[0].received, undefined, "a version dated the day it arrived needs no note");
    const currentPage = pageText(await (await fetch(edge.url(`/${CURRENT}/history?lang=en`))).text());
    assert.ok(!currentPage.includes("date as stated by the organisation"));

    const feed = await fetch(edge.url(`/${ID}/feed.atom`));
    assert.equal(feed.headers.get("x-content-type-options"), "nosniff");
    const root = parseXmlStrict(await feed.text());
    const [entry] = atom(root, "entry");
    assert.equal(atom(entry, "published")[0].text, "2019-03-04T00:00:00Z");
    assert.equal(atom(entry, "updated")[0].text, received_at);
  });
});
