// Version pins in workerd: every version's SHA-256 (of its RFC 8785 canonical JSON) is the same on
// its page, in the API and in its JSON-LD, and equals what an independent canonicalisation here
// computes; the URL naming the hash serves that version (immutable); a wrong or malformed hash is
// a 404; versions stored before pins existed get theirs when first looked up.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { ROOT, fetchPage, freshEdge, getJson, notice, publishOk } from "./helpers.mjs";

/** RFC 8785 for the JSON a notice holds (no floats): keys sorted by UTF-16 code units (what
 * JavaScript's default sort compares), then ECMAScript's own serialisation, which JCS adopts. */
function jcs(value) {
  if (Array.isArray(value)) return `[${value.map(jcs).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
const sha256 = (s) => createHash("sha256").update(s, "utf8").digest("hex");

const HISTORY = JSON.parse(readFileSync(join(ROOT, "examples/pohjantahti-asiakasrekisteri.history.json"), "utf8"));
const ID = HISTORY.id;
let edge;
const answers = [];

before(async () => {
  edge = await freshEdge("pins");
  for (const v of HISTORY.versions) {
    const body = { notice: v.notice, summary: v.summary, published: v.published };
    if (v.effective) body.effective = v.effective;
    answers.push(await publishOk(edge, ID, body));
  }
});
after(() => edge?.stop());

test("each version's hash agrees on its page, in the API, in its JSON-LD and with an independent JCS", async () => {
  const seen = new Set();
  for (const published of answers) {
    const n = published.number;
    const { status, json, headers } = await getJson(edge, `/api/v1/notices/${ID}/versions/${n}`);
    assert.equal(status, 200);
    assert.match(json.hash, /^[0-9a-f]{64}$/);
    assert.equal(published.hash, json.hash, "the publish answer names the same hash");
    const { hash, ...version } = json;
    assert.equal(sha256(jcs(version)), hash, `version ${n}: sha256(JCS(version without hash))`);
    // The history file's own entry (as written by hand, other key order and white space).
    const fileEntry = HISTORY.versions[n - 1];
    assert.equal(sha256(jcs(fileEntry)), hash, `version ${n}: the history file's entry hashes alike`);
    assert.match(headers.get("cache-control"), /immutable/);
    seen.add(hash);

    const { r, html } = await fetchPage(edge, `/${ID}/v/${n}`);
    assert.equal(r.status, 200);
    const footer = html.match(/<footer class="seloste-pin"[^>]*>([\s\S]*?)<\/footer>/);
    assert.ok(footer, `version ${n}: the page shows its pin`);
    assert.equal(footer[1].match(/<code>(.*?)<\/code>/)[1].replaceAll("<wbr>", ""), hash);
    assert.ok(footer[1].includes(`href="/${ID}/sha256/${hash}"`), "linked to the URL that names it");

    const ld = await getJson(edge, `/${ID}/v/${n}.jsonld`);
    const checksum = ld.json["http://spdx.org/rdf/terms#checksum"];
    assert.equal(checksum["http://spdx.org/rdf/terms#checksumValue"]["@value"], hash);
    assert.equal(checksum["http://spdx.org/rdf/terms#algorithm"].id, "http://spdx.org/rdf/terms#checksumAlgorithm_sha256");
    const block = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1];
    assert.ok(block.includes(hash), "the page's embedded JSON-LD carries it too");
  }
  assert.equal(seen.size, answers.length, "every version has its own hash");
  const latest = await getJson(edge, `/api/v1/notices/${ID}`);
  assert.equal(latest.json.latest.hash, answers.at(-1).hash);
  const page = await fetchPage(edge, `/${ID}`);
  assert.ok(page.html.includes(`/${ID}/sha256/${answers.at(-1).hash}`), "the latest page shows the latest pin");
});

test("the URL naming a hash serves that version, immutable, as page, API and JSON-LD", async () => {
  for (const { number: n, hash } of answers) {
    const byHash = await fetchPage(edge, `/${ID}/sha256/${hash}`);
    const byNumber = await fetchPage(edge, `/${ID}/v/${n}`);
    assert.equal(byHash.r.status, 200);
    assert.equal(byHash.html, byNumber.html, `version ${n}: the same page`);
    assert.match(byHash.r.headers.get("cache-control"), /immutable/);
    assert.ok(byHash.html.includes(`<link rel="canonical" href="/${ID}/v/${n}">`));
    const api = await fetch(edge.url(`/api/v1/notices/${ID}/sha256/${hash}`));
    assert.equal(api.status, 200);
    assert.match(api.headers.get("cache-control"), /immutable/);
    assert.equal((await api.json()).number, n);
    const ld = await getJson(edge, `/${ID}/sha256/${hash}.jsonld`);
    assert.equal(ld.status, 200);
    assert.equal(ld.json.version, n);
  }
});

test("a wrong or malformed hash is a 404 everywhere", async () => {
  const good = answers[0].hash;
  const wrong = (good[0] === "0" ? "1" : "0") + good.slice(1);
  const paths = [wrong, good.slice(1), good.toUpperCase(), `${good}0`, "xyz"];
  for (const h of paths) {
    const page = await fetchPage(edge, `/${ID}/sha256/${h}`);
    assert.equal(page.r.status, 404, h);
    assert.equal(page.r.headers.get("cache-control"), "no-store", "a 404 is never cached");
    const api = await fetch(edge.url(`/api/v1/notices/${ID}/sha256/${h}`));
    assert.equal(api.status, 404, h);
    const ld = await fetch(edge.url(`/${ID}/sha256/${h}.jsonld`));
    assert.equal(ld.status, 404, h);
  }
  // A real hash under another notice pins nothing there.
  await publishOk(edge, "toinen/seloste", { notice: notice("toinen/seloste"), summary: { fi: "Eka", en: "First" } });
  assert.equal((await fetch(edge.url(`/toinen/seloste/sha256/${good}`))).status, 404);
});

test("versions stored before pins get their hash on the first lookup", async () => {
  const OLD = "vanha/pinniton";
  const db = await edge.d1();
  for (const n of [1, 2]) {
    await db
      .prepare("INSERT INTO versions (notice, number, published, effective, summary, document, received_at) VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6)")
      .bind(OLD, n, `2020-01-0${n}`, JSON.stringify({ fi: `Muutos ${n}`, en: `Change ${n}` }), JSON.stringify(notice(OLD, { title: { fi: `Otsikko ${n}`, en: `Title ${n}` } })), "2024-01-01T00:00:00.000Z")
      .run();
  }
  const before = await db.prepare("SELECT COUNT(*) AS n FROM pins WHERE notice = ?1").bind(OLD).first();
  assert.equal(before.n, 0, "nothing indexed yet");
  const { json } = await getJson(edge, `/api/v1/notices/${OLD}/versions/2`);
  const { hash, ...version } = json;
  assert.equal(sha256(jcs(version)), hash, "computed from the stored JSON");
  const r = await fetchPage(edge, `/${OLD}/sha256/${hash}`);
  assert.equal(r.r.status, 200);
  const after = await db.prepare("SELECT number, sha256 FROM pins WHERE notice = ?1 ORDER BY number").bind(OLD).all();
  assert.deepEqual(after.results.map((p) => p.number), [1, 2], "every missing pin written");
  assert.equal(after.results[1].sha256, hash);
  await assert.rejects(db.prepare("UPDATE pins SET sha256 = 'x' WHERE notice = ?1").bind(OLD).run(), /immutable/);
  await assert.rejects(db.prepare("DELETE FROM pins WHERE notice = ?1").bind(OLD).run(), /never deleted/);
});
