// A bounded load test on 127.0.0.1: a fixed number of mixed requests (reads of every kind and
// publishes to a few notices) with a fixed number in flight, against the worker in workerd. The bar:
// every read answers 200, every publish 201 (numbering is atomic: no race is lost, no 409), each
// 201 is in the history afterwards as the version it named, and each notice's versions are
// numbered 1..N without a gap. Prints throughput and latency percentiles (figures, not assertions:
// `cargo xtask bench` measures performance).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { freshEdge, getJson, notice, publish, publishOk, getHistory } from "./helpers.mjs";

const NOTICES = ["kuorma/yksi", "kuorma/kaksi", "kuorma/kolme"];
const REQUESTS = 600; // in all
const PUBLISH_EVERY = 4; // one request in 4 is a publish: 150 publishes, 450 reads
const IN_FLIGHT = 16;
let edge;

before(async () => {
  edge = await freshEdge("load");
  // Two versions each, so every read (the diff 1→2 included) has something to show.
  for (const id of NOTICES) {
    await publishOk(edge, id, { notice: notice(id), summary: { fi: "Alku", en: "Start" } });
    await publishOk(edge, id, { notice: notice(id), summary: { fi: "Toinen", en: "Second" } });
  }
});
after(() => edge?.stop());

/** Request `k` of the run: deterministic, so a failure can be re-run exactly. */
function request(k) {
  const id = NOTICES[k % NOTICES.length];
  if (k % PUBLISH_EVERY === 0) {
    const tag = `pyyntö ${k}`;
    const body = { notice: notice(id, { title: { fi: `Seloste, ${tag}`, en: `Notice, request ${k}` } }), summary: { fi: tag, en: `request ${k}` } };
    return { kind: "publish", id, k, run: () => publish(edge, id, body) };
  }
  const reads = [`/${id}`, `/${id}/v/1`, `/${id}/history`, `/${id}/diff/1/2`, `/${id}/feed.atom`, `/api/v1/notices/${id}`, `/api/v1/notices/${id}/history`, `/api/v1/notices/${id}/versions/1`, "/", "/healthz", "/widget/seloste.js", `/${id}?lang=en`];
  const path = reads[(k >> 2) % reads.length];
  return { kind: "read", id, k, path, run: () => fetch(edge.url(path)) };
}

test(`${REQUESTS} mixed requests, ${IN_FLIGHT} in flight: every read 200, every publish 201 and stored, no gap`, async () => {
  const results = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < REQUESTS) {
      const r = request(next++);
      const t0 = performance.now();
      const response = await r.run();
      const text = await response.text();
      results.push({ ...r, status: response.status, ms: performance.now() - t0, text });
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;

  const serverErrors = results.filter((r) => r.status >= 500);
  assert.deepEqual(serverErrors.map((r) => `${r.kind} ${r.path ?? r.id} ${r.status} ${r.text.slice(0, 200)}`), []);
  const badReads = results.filter((r) => r.kind === "read" && r.status !== 200);
  assert.deepEqual(badReads.map((r) => `${r.path} ${r.status}`), []);
  const publishes = results.filter((r) => r.kind === "publish");
  assert.equal(publishes.length, REQUESTS / PUBLISH_EVERY);
  assert.deepEqual(publishes.filter((r) => r.status !== 201).map((r) => `request ${r.k}: ${r.status} ${r.text.slice(0, 200)}`), []);
  const created = publishes;

  for (const id of NOTICES) {
    const { status, json } = await getHistory(edge, id);
    assert.equal(status, 200);
    const numbers = json.versions.map((v) => v.number);
    assert.deepEqual(numbers, Array.from({ length: numbers.length }, (_, i) => i + 1), `${id}: 1..N`);
    const mine = created.filter((r) => r.id === id);
    assert.equal(json.versions.length, 2 + mine.length, `${id}: the first two versions and every 201`);
    for (const r of mine) {
      const { number } = JSON.parse(r.text);
      assert.equal(json.versions[number - 1].summary.en, `request ${r.k}`, `${id}: the 201 for request ${r.k} is version ${number}`);
    }
  }

  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))].toFixed(1);
  const pubMs = publishes.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `# ${REQUESTS} requests (${publishes.length} publishes, ${created.length} created) in ${seconds.toFixed(1)} s = ` +
      `${(REQUESTS / seconds).toFixed(0)} req/s; latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms; ` +
      `publish p50 ${pubMs[pubMs.length >> 1].toFixed(1)} ms`,
  );
});
