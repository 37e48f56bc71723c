// Crash in the middle of a publish burst: the runtime (Miniflare's node process and its workerd,
// one process group started by edge-child.mjs) is killed with SIGKILL while publishes are in
// flight, then started again on the same persisted D1 directory. The bar: every publish that was
// acknowledged with 201 is there, with the number it was given; the versions run 1..N without a
// gap; no version is half-written (its notice and its summary belong to the same request, and it
// renders); and publishing continues at N+1.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { after, test } from "node:test";

import { EDGE, freshState, getHistory, notice } from "./helpers.mjs";

const ID = "kaatuu/seloste";
const BURST = 120; // publishes started in all
const IN_FLIGHT = 12;
const KILL_AFTER = 25; // 201s seen before the kill
let child;

/** Starts the runtime in its own process group; resolves with the child and its base URL. */
function startChild(dir, token) {
  const p = spawn(process.execPath, [join(import.meta.dirname, "edge-child.mjs"), dir, token], {
    cwd: EDGE,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    p.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n")[0];
      if (out.includes("\n")) resolve({ p, base: line.trim() });
    });
    p.on("exit", (code) => reject(new Error(`the edge child exited (${code}) before it was ready`)));
  });
}

function killGroup(p) {
  try {
    process.kill(-p.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

after(() => child && killGroup(child.p));

function body(k) {
  return JSON.stringify({
    notice: notice(ID, { title: { fi: `Purske ${k}`, en: `Burst ${k}` } }),
    summary: { fi: `purske ${k}`, en: `burst ${k}` },
  });
}

test("SIGKILL mid-burst and restart: no acknowledged version lost, no gap, none half-written", async () => {
  const dir = freshState("faults");
  const token = randomBytes(24).toString("hex");
  child = await startChild(dir, token);
  const post = (base, k) =>
    fetch(`${base}/api/v1/notices/${ID}/versions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", connection: "close" },
      body: body(k),
    });

  const acked = [];
  const failed = [];
  let next = 0;
  let killed = false;
  async function client() {
    while (next < BURST) {
      const k = next++;
      try {
        const r = await post(child.base, k);
        const text = await r.text();
        if (r.status === 201) {
          acked.push({ k, number: JSON.parse(text).number });
          if (acked.length === KILL_AFTER && !killed) {
            killed = true;
            killGroup(child.p);
          }
        } else {
          assert.ok(r.status < 500 || killed, `publish ${k}: ${r.status} ${text.slice(0, 200)}`);
          failed.push({ k, status: r.status });
        }
      } catch (e) {
        // The connection died with the runtime: not acknowledged, so it may or may not be stored.
        assert.ok(killed, `publish ${k} failed before the kill: ${e}`);
        failed.push({ k, error: String(e.cause?.code ?? e) });
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, client));
  assert.ok(killed, "the kill happened mid-burst");
  await new Promise((r) => child.p.exitCode !== null || child.p.signalCode !== null ? r() : child.p.on("exit", r));

  child = await startChild(dir, token);
  const history = await getHistory({ url: (path) => `${child.base}${path}` }, ID);
  assert.equal(history.status, 200);
  const { versions } = history.json;
  const numbers = versions.map((v) => v.number);
  assert.deepEqual(numbers, Array.from({ length: versions.length }, (_, i) => i + 1), "1..N, no gap");
  assert.ok(versions.length >= acked.length, `${versions.length} stored, ${acked.length} acknowledged`);
  for (const { k, number } of acked) {
    assert.equal(versions[number - 1].summary.en, `burst ${k}`, `the 201 for publish ${k} is version ${number}`);
  }
  const seen = new Set();
  for (const v of versions) {
    const k = v.summary.en.replace("burst ", "");
    assert.equal(v.notice.title.en, `Burst ${k}`, `version ${v.number}: notice and summary of one request`);
    assert.equal(v.notice.id, ID);
    assert.ok(!seen.has(k), `publish ${k} stored twice`);
    seen.add(k);
  }
  const last = await fetch(`${child.base}/${ID}/v/${versions.length}`);
  assert.equal(last.status, 200, "the last stored version renders");
  const more = await post(child.base, "after");
  assert.equal(more.status, 201);
  assert.equal((await more.json()).number, versions.length + 1, "publishing continues at N+1");
  console.log(
    `# killed after ${acked.length} acknowledged; ${failed.length} failed in flight; ` +
      `${versions.length} stored after restart (${versions.length - acked.length} unacknowledged but complete)`,
  );
  killGroup(child.p);
  child = null;
});
