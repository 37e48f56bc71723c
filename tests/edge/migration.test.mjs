// The keys migration (0002) on a database that already holds versions: a database migrated only to
// 0001 gets versions written exactly as the edge before keys wrote them; then 0002 is applied the
// way a deployment applies it (`wrangler d1 migrations apply`, which skips 0001 as done) and the
// edge serves every page of those versions, their stored columns unchanged, and publishes on.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { DATABASE_ID, EDGE, ROOT, STATE, getJson, notice, publish, startEdge } from "./helpers.mjs";

const ID = "vanha/seloste";
const ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" };

function migrate(config, dir) {
  execFileSync(join(ROOT, "node_modules/.bin/wrangler"), ["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir, "-c", config], {
    cwd: EDGE,
    env: ENV,
    stdio: "pipe",
  });
}

/** A state directory migrated to 0001 only (a wrangler config whose migrations folder has 0001 alone). */
function stateAt0001() {
  const dir = join(STATE, "migration");
  const old = join(STATE, "migration-0001");
  rmSync(dir, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  mkdirSync(join(old, "migrations"), { recursive: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(EDGE, "migrations/0001_versions.sql"), join(old, "migrations/0001_versions.sql"));
  writeFileSync(
    join(old, "wrangler.toml"),
    `name = "seloste"\ncompatibility_date = "2026-04-20"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "seloste"\ndatabase_id = "${DATABASE_ID}"\nmigrations_dir = "migrations"\n`,
  );
  migrate(join(old, "wrangler.toml"), dir);
  return dir;
}

const versionRow = (n, published, title, receivedAt) => [
  ID,
  n,
  published,
  null,
  JSON.stringify({ fi: `Muutos ${n}`, en: `Change ${n}` }),
  JSON.stringify(notice(ID, { title: { fi: title, en: `${title} (en)` } })),
  receivedAt,
];

test("versions stored before keys existed are served unchanged after the keys migration", async () => {
  const dir = stateAt0001();
  const token = randomBytes(24).toString("hex");
  // Written through D1 itself, with the columns and forms of the edge before keys.
  let edge = await startEdge(dir, token);
  let before;
  try {
    const db = await edge.d1();
    const columns = (await db.prepare("SELECT name FROM pragma_table_info('versions')").all()).results.map((r) => r.name);
    assert.deepEqual(columns, ["notice", "number", "published", "effective", "summary", "document", "received_at"], "0001 only");
    for (const row of [versionRow(1, "2021-01-01", "Vanha seloste", "2021-01-01T10:00:00.000Z"), versionRow(2, "2022-02-02", "Uudempi seloste", "2022-02-02T10:00:00.000Z")]) {
      await db
        .prepare("INSERT INTO versions (notice, number, published, effective, summary, document, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(...row)
        .run();
    }
    before = (await db.prepare("SELECT notice, number, published, effective, summary, document, received_at FROM versions ORDER BY number").all()).results;
  } finally {
    await edge.stop();
  }

  migrate(join(EDGE, "wrangler.toml"), dir);
  edge = await startEdge(dir, token);
  try {
    const db = await edge.d1();
    const after = (await db.prepare("SELECT notice, number, published, effective, summary, document, received_at, key_id, key_label FROM versions ORDER BY number").all()).results;
    assert.deepEqual(
      after.map(({ key_id, key_label, ...rest }) => rest),
      before,
      "every stored column of every version is unchanged",
    );
    assert.ok(after.every((r) => r.key_id === null && r.key_label === null), "no key is invented for old versions");

    for (const [path, expect] of [
      [`/${ID}`, "Uudempi seloste"],
      [`/${ID}/v/1`, "Vanha seloste"],
      [`/${ID}/v/2`, "Uudempi seloste"],
      [`/${ID}/history`, "Muutos 2"],
      [`/${ID}/diff/1/2`, "Uudempi seloste"],
      [`/${ID}/feed.atom`, "Muutos 2"],
      [`/api/v1/notices/${ID}/versions/1`, "Vanha seloste"],
      [`/api/v1/notices/${ID}/history`, "Vanha seloste"],
      [`/api/v1/notices/${ID}/changes?lang=fi`, "Muutos 2"],
      ["/", "vanha/seloste"],
    ]) {
      const r = await fetch(edge.url(path));
      const text = await r.text();
      assert.equal(r.status, 200, `${path}: ${text.slice(0, 200)}`);
      assert.ok(text.includes(expect), `${path} shows ${expect}`);
    }
    const api = await getJson(edge, `/api/v1/notices/${ID}`);
    assert.deepEqual(
      api.json.versions.map((v) => [v.number, v.published, v.received_at, v.key_id, v.key_label]),
      [
        [1, "2021-01-01", "2021-01-01T10:00:00.000Z", undefined, undefined],
        [2, "2022-02-02", "2022-02-02T10:00:00.000Z", undefined, undefined],
      ],
    );

    const r = await publish(edge, ID, { notice: notice(ID), summary: { fi: "Kolmas" } });
    assert.equal(r.status, 201, "publishing goes on after the migration");
    assert.equal((await r.json()).number, 3);
  } finally {
    await edge.stop();
  }
});
