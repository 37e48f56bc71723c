// `seloste publish` against the real edge in workerd: a history is published version by version
// with its dates; published again it changes nothing; versions the edge already has are skipped
// and the rest appended; a file that differs from what the edge published is refused and nothing
// is appended; a single notice is published once. Each test has a notice id of its own.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";

import { ROOT, STATE, buildCli, freshEdge, getJson, publishOk } from "./helpers.mjs";

let SELOSTE;
const HISTORY = JSON.parse(readFileSync(join(ROOT, "examples/pohjantahti-asiakasrekisteri.history.json"), "utf8"));
const FILES = join(STATE, "publish-cli-files");
let edge;

before(async () => {
  SELOSTE = buildCli();
  mkdirSync(FILES, { recursive: true });
  edge = await freshEdge("publish-cli");
});
after(() => edge?.stop());

/** The example history under another id, written to a file; returns [path, history]. */
function historyAs(id, versions = HISTORY.versions) {
  const history = { ...HISTORY, id, versions: versions.map((v) => ({ ...v, notice: { ...v.notice, id } })) };
  const file = join(FILES, `${id.replace("/", "--")}.history.json`);
  writeFileSync(file, JSON.stringify(history));
  return [file, history];
}

/** Runs `seloste publish FILE --to EDGE` with the token; resolves with {code, stdout, stderr}. */
async function publishCli(file) {
  try {
    const { stdout, stderr } = await promisify(execFile)(SELOSTE, ["publish", file, "--to", edge.base], {
      env: { ...process.env, SELOSTE_TOKEN: edge.token },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== "number") throw e;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const stored = async (id) => (await getJson(edge, `/api/v1/notices/${id}/history`)).json;

test("a history is published version by version with its dates; published again, nothing changes", async () => {
  const [file, history] = historyAs("cli/kaikki");
  const first = await publishCli(file);
  assert.equal(first.code, 0, first.stderr);
  for (const n of [1, 2, 3]) assert.match(first.stdout, new RegExp(`cli/kaikki: published version ${n}: ${edge.base}/cli/kaikki/v/${n}`));
  const after1 = await stored("cli/kaikki");
  assert.deepEqual(
    after1.versions.map(({ number, published, summary, notice }) => ({ number, published, summary, notice })),
    history.versions.map(({ number, published, summary, notice }) => ({ number, published, summary, notice })),
  );

  const again = await publishCli(file);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /all 3 versions already published/);
  assert.doesNotMatch(again.stdout, /published version/);
  assert.deepEqual(await stored("cli/kaikki"), after1, "nothing appended");
});

test("versions the edge already has are skipped, the rest appended", async () => {
  const [file, history] = historyAs("cli/osa");
  const [v1] = history.versions;
  await publishOk(edge, "cli/osa", { notice: v1.notice, summary: v1.summary, published: v1.published });
  const out = await publishCli(file);
  assert.equal(out.code, 0, out.stderr);
  assert.doesNotMatch(out.stdout, /published version 1/);
  assert.match(out.stdout, /published version 2/);
  assert.match(out.stdout, /published version 3/);
  const after = await stored("cli/osa");
  assert.deepEqual(after.versions.map((v) => [v.number, v.published, v.notice]), history.versions.map((v) => [v.number, v.published, v.notice]));
});

test("a file that differs from what the edge published is refused, and nothing is appended", async () => {
  const [file, history] = historyAs("cli/eri");
  const [v1] = history.versions;
  const other = { ...v1.notice, title: { fi: "Toisin julkaistu", en: "Published otherwise" } };
  await publishOk(edge, "cli/eri", { notice: other, summary: v1.summary, published: v1.published });
  const before = await stored("cli/eri");
  const out = await publishCli(file);
  assert.equal(out.code, 2, out.stdout + out.stderr);
  assert.match(out.stderr, /cli\/eri: version 1 on the edge differs from the file/);
  assert.deepEqual(await stored("cli/eri"), before, "nothing appended");
});

test("a single notice is published once; again, it is reported as already published", async () => {
  const notice = JSON.parse(readFileSync(join(ROOT, "examples/kaarea-asiakasrekisteri.json"), "utf8"));
  notice.id = "cli/yksi";
  const file = join(FILES, "yksi.json");
  writeFileSync(file, JSON.stringify(notice));
  const first = await publishCli(file);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /cli\/yksi: published version 1/);
  const again = await publishCli(file);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /cli\/yksi: already published as version 1/);
  const { versions } = await stored("cli/yksi");
  assert.equal(versions.length, 1);
  assert.equal(versions[0].notice.id, "cli/yksi");
  assert.deepEqual(versions[0].notice.title, notice.title);
  assert.equal(versions[0].summary.fi, "Ensimmäinen julkaistu versio.");
});

test("`seloste log --json` of a file is the change log the edge serves for it (…/changes), plus the edge's receipt days", async () => {
  const [file] = historyAs("cli/loki");
  const out = await publishCli(file);
  assert.equal(out.code, 0, out.stderr);
  for (const [lang, from] of [["fi", null], ["en", null], ["sv", null], ["en", 2]]) {
    const args = ["log", file, "--json", "--lang", lang, ...(from ? ["--from", String(from)] : [])];
    const { stdout } = await promisify(execFile)(SELOSTE, args);
    const query = `lang=${lang}${from ? `&from=${from}` : ""}`;
    const { status, json } = await getJson(edge, `/api/v1/notices/cli/loki/changes?${query}`);
    assert.equal(status, 200);
    // What only the edge knows: the day it received each version the file dates earlier (all of
    // them, imported today with their real, past dates). Apart from that, the same change log.
    for (const e of json.entries) {
      assert.ok(e.received > e.published, `version ${e.number} is noted as received ${e.received}, after ${e.published}`);
      delete e.received;
    }
    assert.deepEqual(json, JSON.parse(stdout), `seloste log ${query} vs the edge`);
  }
});

test("a history longer than a page of the history API is recognised as published; the pins printed are the edge's and seloste log's", async () => {
  const base = HISTORY.versions;
  const versions = Array.from({ length: 13 }, (_, i) => {
    const src = base[Math.min(i, base.length - 1)];
    if (i < base.length) return src;
    const summary = Object.fromEntries(Object.entries(src.summary).map(([l, t]) => [l, `${t} (${i + 1})`]));
    return { ...src, number: i + 1, summary };
  });
  const [file] = historyAs("cli/pitka", versions);
  const first = await publishCli(file);
  assert.equal(first.code, 0, first.stderr);
  const printed = new Map([...first.stdout.matchAll(/published version (\d+): \S+ \(sha256 ([0-9a-f]{64})\)/g)].map((m) => [Number(m[1]), m[2]]));
  assert.equal(printed.size, 13);
  for (const [n, hash] of printed) {
    const { json } = await getJson(edge, `/api/v1/notices/cli/pitka/versions/${n}`);
    assert.equal(json.hash, hash, `version ${n}: the CLI prints the edge's pin`);
  }
  const { stdout: log } = await promisify(execFile)(SELOSTE, ["log", file]);
  const logged = new Set([...log.matchAll(/^sha256 ([0-9a-f]{64})$/gm)].map((m) => m[1]));
  assert.deepEqual(logged, new Set(printed.values()), "seloste log computes the same pins from the file");
  const again = await publishCli(file);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /all 13 versions already published/, "every page of the history API was read");
});
