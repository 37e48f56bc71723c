// The history is durable: 50 concurrent publishes of one notice become versions 1..N without gaps
// or duplicates (every 201 among them), and stopping and restarting the runtime loses nothing.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";

import { freshState, getJson, notice, publish, startEdge } from "./helpers.mjs";

const ID = "rinnakkain/seloste";
const CLIENTS = 50;
let edge;
let dir;
let token;

before(async () => {
  dir = freshState("durability");
  token = randomBytes(24).toString("hex");
  edge = await startEdge(dir, token);
});
after(() => edge?.stop());

/** Each client's own connection: no keep-alive sharing between the parallel clients. */
async function client(i) {
  const r = await publish(
    edge,
    ID,
    { notice: notice(ID, { title: { fi: `Versio asiakkaalta ${i}`, en: `Version from client ${i}` } }), summary: { fi: `Asiakas ${i}`, en: `Client ${i}` } },
    { headers: { connection: "close" } },
  );
  return { i, status: r.status, json: await r.json() };
}

test(`${CLIENTS} parallel publishes: versions 1..N, no gap, no duplicate, every 201 kept`, async () => {
  const results = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  const created = results.filter((r) => r.status === 201);
  const refused = results.filter((r) => r.status !== 201);
  // A lost race may be refused with 409, never anything else.
  assert.ok(refused.every((r) => r.status === 409), JSON.stringify(refused.slice(0, 3)));
  assert.ok(created.length > 0);

  const { json: history } = await getJson(edge, `/api/v1/notices/${ID}/history`);
  const numbers = history.versions.map((v) => v.number);
  assert.deepEqual(numbers, Array.from({ length: created.length }, (_, k) => k + 1), "1..N in order");
  for (const { i, json } of created) {
    const v = history.versions[json.number - 1];
    assert.equal(v.summary.en, `Client ${i}`, `the 201 for client ${i} is version ${json.number}`);
  }
  const clients = new Set(history.versions.map((v) => v.summary.en));
  assert.equal(clients.size, history.versions.length, "no client's version stored twice");
  console.log(`# ${created.length} created, ${refused.length} refused with 409`);
});

test("stopping and restarting the runtime loses nothing", async () => {
  const before = await getJson(edge, `/api/v1/notices/${ID}/history`);
  const page = await (await fetch(edge.url(`/${ID}/v/7`))).text();
  await edge.stop();

  edge = await startEdge(dir, token);
  const afterRestart = await getJson(edge, `/api/v1/notices/${ID}/history`);
  assert.equal(afterRestart.status, 200);
  assert.deepEqual(afterRestart.json, before.json);
  assert.equal(await (await fetch(edge.url(`/${ID}/v/7`))).text(), page);
  const index = await (await fetch(edge.url("/"))).text();
  assert.ok(index.includes(`href="/${ID}"`));

  // And it keeps appending where it left off.
  const r = await publish(edge, ID, { notice: notice(ID), summary: { fi: "Uudelleenkäynnistyksen jälkeen" } });
  assert.equal(r.status, 201);
  assert.equal((await r.json()).number, before.json.versions.length + 1);
});
