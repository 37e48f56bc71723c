// The freshness window (edge/README.md, "Caching"): the latest version number is held in the
// isolate's memory for LATEST_TTL_SECONDS, so a cached latest page costs no D1 query. A version
// published elsewhere (another isolate; here written into D1 directly, as another isolate's
// publish would be) is visible at once at its own URL, and on the notice's latest page once the
// window has passed; a publish through this isolate is visible on the latest page at once.

import assert from "node:assert/strict";
import { after, test } from "node:test";

import { fetchPage, freshEdge, getJson, notice, publishOk } from "./helpers.mjs";

const edges = [];
after(() => Promise.all(edges.map((e) => e.stop())));

/** The version a latest page shows: its JSON-LD alternate names `…/v/{n}.jsonld`. */
async function latestShown(edge, id) {
  const { r, html } = await fetchPage(edge, `/${id}`);
  assert.equal(r.status, 200);
  return Number(html.match(/rel="alternate" type="application\/ld\+json" href="[^"]*\/v\/(\d+)\.jsonld"/)[1]);
}

/** Version `n` written into D1 without this isolate knowing (another isolate's publish). */
async function publishedElsewhere(edge, id, n) {
  const db = await edge.d1();
  await db
    .prepare("INSERT INTO versions (notice, number, published, effective, summary, document, received_at, key_id, key_label) VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, NULL, 'operator')")
    .bind(id, n, new Date().toISOString().slice(0, 10), JSON.stringify({ fi: `Muutos ${n}`, en: `Change ${n}` }), JSON.stringify(notice(id, { title: { fi: `Otsikko ${n}`, en: `Title ${n}` } })), new Date().toISOString())
    .run();
}

const first = (id) => ({ notice: notice(id), summary: { fi: "Eka", en: "First" } });

test("within the window the latest page keeps its version; the new version's own URLs answer at once", async () => {
  // A window far longer than this test: whatever the machine's speed, it has not passed.
  const edge = await freshEdge("fresh-long", { vars: { LATEST_TTL_SECONDS: "3600" } });
  edges.push(edge);
  const ID = "tuore/pitka";
  await publishOk(edge, ID, first(ID));
  assert.equal(await latestShown(edge, ID), 1);
  await publishedElsewhere(edge, ID, 2);
  const v2 = await fetchPage(edge, `/${ID}/v/2`);
  assert.equal(v2.r.status, 200, "/v/2 at once");
  assert.match(v2.text, /Otsikko 2/);
  assert.equal((await getJson(edge, `/api/v1/notices/${ID}/versions/2`)).status, 200);
  assert.equal((await fetchPage(edge, `/${ID}/diff/1/2`)).r.status, 200, "its diff at once");
  assert.equal(await latestShown(edge, ID), 1, "the latest page holds version 1 within the window");
  // A publish through this isolate is seen at once (it becomes version 3).
  const { number } = await publishOk(edge, ID, first(ID));
  assert.equal(number, 3);
  assert.equal(await latestShown(edge, ID), 3);
});

test("after the window the latest page shows the version published elsewhere", async () => {
  const edge = await freshEdge("fresh-short", { vars: { LATEST_TTL_SECONDS: "1" } });
  edges.push(edge);
  const ID = "tuore/lyhyt";
  await publishOk(edge, ID, first(ID));
  assert.equal(await latestShown(edge, ID), 1);
  await publishedElsewhere(edge, ID, 2);
  let shown = 1;
  // Not a timing assertion: wait (at most a minute) for what must happen once 1 s has passed.
  for (let i = 0; i < 300 && shown === 1; i++) {
    await new Promise((r) => setTimeout(r, 200));
    shown = await latestShown(edge, ID);
  }
  assert.equal(shown, 2);
});

test("with a window of 0 nothing is held: the latest page follows D1 on every request", async () => {
  const edge = await freshEdge("fresh-zero", { vars: { LATEST_TTL_SECONDS: "0" } });
  edges.push(edge);
  const ID = "tuore/nolla";
  await publishOk(edge, ID, first(ID));
  assert.equal(await latestShown(edge, ID), 1);
  await publishedElsewhere(edge, ID, 2);
  assert.equal(await latestShown(edge, ID), 2);
});
