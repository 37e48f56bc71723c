// The history is durable: 50 concurrent publishes of one notice are all accepted (50 × 201, no
// 409) and become versions 1..50 without gaps or duplicates, each 201 naming the version that
// holds its request; and stopping and restarting the runtime loses nothing. Each test starts its
// own runtime on its own state.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";

import { freshEdge, freshState, getJson, notice, publish, publishOk, startEdge, getHistory } from "./helpers.mjs";

const CLIENTS = 50;
const range = (n) => Array.from({ length: n }, (_, k) => k + 1);

test(`${CLIENTS} parallel publishes: ${CLIENTS} × 201, versions exactly 1..${CLIENTS}, each 201 its own version`, async () => {
  const ID = "rinnakkain/seloste";
  const edge = await freshEdge("durability-parallel");
  try {
    /** Each client on its own connection: no keep-alive sharing between the parallel clients. */
    const client = async (i) => {
      const r = await publish(
        edge,
        ID,
        { notice: notice(ID, { title: { fi: `Versio asiakkaalta ${i}`, en: `Version from client ${i}` } }), summary: { fi: `Asiakas ${i}`, en: `Client ${i}` } },
        { headers: { connection: "close" } },
      );
      return { i, status: r.status, json: await r.json() };
    };
    const results = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    assert.deepEqual(
      results.filter((r) => r.status !== 201).map((r) => `client ${r.i}: ${r.status} ${JSON.stringify(r.json)}`),
      [],
      "every publish is accepted: numbering is atomic, so no race is lost",
    );
    assert.deepEqual(results.map((r) => r.json.number).sort((a, b) => a - b), range(CLIENTS), "the 201s name 1..50, each once");

    const { json: history } = await getHistory(edge, ID);
    assert.deepEqual(history.versions.map((v) => v.number), range(CLIENTS), "stored as 1..50 in order");
    for (const { i, json } of results) {
      const v = history.versions[json.number - 1];
      assert.equal(v.summary.en, `Client ${i}`, `the 201 for client ${i} is version ${json.number}`);
      assert.equal(v.notice.title.en, `Version from client ${i}`, `version ${json.number} holds client ${i}'s notice`);
    }
  } finally {
    await edge.stop();
  }
});

test("stopping and restarting the runtime loses nothing, and publishing continues where it left off", async () => {
  const ID = "uudelleen/seloste";
  const VERSIONS = 8;
  const dir = freshState("durability-restart");
  const token = randomBytes(24).toString("hex");
  let edge = await startEdge(dir, token);
  try {
    for (let n = 1; n <= VERSIONS; n++) {
      await publishOk(edge, ID, { notice: notice(ID, { title: { fi: `Seloste ${n}`, en: `Notice ${n}` } }), summary: { fi: `Muutos ${n}` } });
    }
    const before = await getHistory(edge, ID);
    assert.deepEqual(before.json.versions.map((v) => v.number), range(VERSIONS));
    const page = await fetch(edge.url(`/${ID}/v/7`));
    assert.equal(page.status, 200);
    const pageHtml = await page.text();
    assert.ok(pageHtml.includes("Seloste 7"), "version 7's page shows version 7");
    await edge.stop();

    // The same edge again (its configuration, public origin included, survives a restart; the
    // port it listens on here does not).
    edge = await startEdge(dir, token, { publicOrigin: edge.publicOrigin });
    const afterRestart = await getHistory(edge, ID);
    assert.equal(afterRestart.status, 200);
    assert.deepEqual(afterRestart.json, before.json);
    assert.equal(await (await fetch(edge.url(`/${ID}/v/7`))).text(), pageHtml);
    const index = await (await fetch(edge.url("/"))).text();
    assert.ok(index.includes(`href="/${ID}"`));

    const r = await publish(edge, ID, { notice: notice(ID), summary: { fi: "Uudelleenkäynnistyksen jälkeen" } });
    assert.equal(r.status, 201);
    assert.equal((await r.json()).number, VERSIONS + 1);
  } finally {
    await edge.stop();
  }
});

test("the database itself refuses to change or delete a published version (D1 triggers)", async () => {
  const ID = "pysyva/seloste";
  const edge = await freshEdge("durability-triggers");
  try {
    await publishOk(edge, ID, { notice: notice(ID), summary: { fi: "Alkuperäinen" } });
    const before = await getHistory(edge, ID);
    const db = await edge.d1();
    const refused = async (sql, ...args) => {
      let error;
      try {
        await db.prepare(sql).bind(...args).run();
      } catch (e) {
        error = e;
      }
      assert.ok(error, `${sql}: refused`);
      const message = String(error.message ?? error);
      assert.match(message, /SQLITE_CONSTRAINT/, `${sql}: refused by the database, not by the test (${message})`);
      return message;
    };
    assert.match(await refused("UPDATE versions SET summary = ?1 WHERE notice = ?2", '{"fi":"Muutettu"}', ID), /immutable/);
    assert.match(await refused("UPDATE versions SET document = '{}'"), /immutable/);
    assert.match(await refused("DELETE FROM versions WHERE notice = ?1", ID), /never deleted/);
    assert.match(await refused("DELETE FROM versions"), /never deleted/);
    // Nor may a second row take a number that is already published.
    await refused(
      "INSERT INTO versions (notice, number, published, summary, document, received_at) VALUES (?1, 1, '2024-01-01', '{}', '{}', '2024-01-01T00:00:00Z')",
      ID,
    );
    const { count } = await db.prepare("SELECT COUNT(*) AS count FROM versions").first();
    assert.equal(count, 1);
    assert.deepEqual((await getHistory(edge, ID)).json, before.json, "the version is as published");
  } finally {
    await edge.stop();
  }
});
