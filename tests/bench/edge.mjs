// `cargo xtask bench`: starts the built worker (edge/build/) in workerd through Miniflare, exactly
// as the edge tests do (tests/edge/helpers.mjs), publishes the benchmark's notices, prints one JSON
// line `{"base", "notices": [...], "long": id}` and serves until its standard input closes.
//
// Miniflare rather than `wrangler dev`: the same workerd, without wrangler's dev proxy in front of
// it, so wrk measures the worker and not a Node.js proxy.
//
// Usage: node tests/bench/edge.mjs [EXTRA_NOTICE.json ...]   (env BENCH_LONG_VERSIONS, default 1000)

import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { ROOT, freshState, publishOk, startEdge } from "../edge/helpers.mjs";

const LONG_ID = "bench/long-history";
const LONG_VERSIONS = Number(process.env.BENCH_LONG_VERSIONS ?? 1000);

const edge = await startEdge(freshState("bench-edge"), randomBytes(24).toString("hex"));
const notices = [];

async function publishFile(file) {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  if (doc.versions) {
    for (const v of doc.versions) {
      const body = { notice: v.notice, summary: v.summary, published: v.published };
      if (v.effective) body.effective = v.effective;
      await publishOk(edge, doc.id, body);
    }
  } else {
    await publishOk(edge, doc.id, { notice: doc, summary: { [doc.languages[0]]: "Benchmark" } });
  }
  notices.push(doc.id);
}

const examples = readdirSync(join(ROOT, "examples"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => join(ROOT, "examples", f));
for (const file of [...examples, ...process.argv.slice(2)]) await publishFile(file);

// A long history of a small notice whose title changes every version, published 16 at a time
// (numbering is atomic in D1, so concurrent publishes become consecutive versions).
const small = (n) => ({
  format: 1,
  id: LONG_ID,
  languages: ["fi"],
  title: { fi: `Asiakasrekisterin tietosuojaseloste ${n}` },
  organisation: { name: "Benchmark Oy", emails: ["tietosuoja@bench.example"] },
  role: { acts_as: "controller" },
});
for (let done = 0; done < LONG_VERSIONS; ) {
  const batch = Math.min(16, LONG_VERSIONS - done);
  await Promise.all(
    Array.from({ length: batch }, (_, i) =>
      publishOk(edge, LONG_ID, { notice: small(done + i + 1), summary: { fi: `Muutos ${done + i + 1}` } }),
    ),
  );
  done += batch;
}

console.log(JSON.stringify({ base: edge.base, notices, long: LONG_ID }));
process.stdin.resume();
process.stdin.on("end", async () => {
  await edge.stop();
  process.exit(0);
});
