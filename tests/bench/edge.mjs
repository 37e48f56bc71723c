// `cargo xtask bench`: starts the built worker (edge/build/) in workerd through Miniflare, exactly
// as the edge tests do (tests/edge/helpers.mjs), publishes the benchmark's notices, starts the two
// floors beside it (workers of a few lines in the same workerd: one answering the page of
// BENCH_FLOOR_PATH from a constant, one from the Cache API only), prints one JSON line
// `{"base", "notices": [...], "long": id, "cold": id, "coldVersions": n, "floors": {"constant",
// "cache"}}` and serves until its standard input closes.
//
// Miniflare rather than `wrangler dev`: the same workerd, without wrangler's dev proxy in front of
// it, so wrk measures the worker and not a Node.js proxy.
//
// Usage: node tests/bench/edge.mjs [EXTRA_NOTICE.json ...]   (env BENCH_LONG_VERSIONS, default 1000;
// BENCH_COLD_VERSIONS, default 1200; BENCH_FLOOR_PATH, the page the floors answer with)

import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { Miniflare } from "miniflare";

import { COMPATIBILITY_DATE, ROOT, freshState, publishOk, startEdge } from "../edge/helpers.mjs";

const LONG_ID = "bench/long-history";
const LONG_VERSIONS = Number(process.env.BENCH_LONG_VERSIONS ?? 1000);
// Versions of the largest example, each rendered once by the cache-miss measurement (a version
// page never rendered before is a real miss: memory, Cache API, D1 read, render).
const COLD_ID = "bench/cold";
const COLD_VERSIONS = Number(process.env.BENCH_COLD_VERSIONS ?? 1200);
const FLOOR_PATH = process.env.BENCH_FLOOR_PATH ?? "/capricode-systems/viestintaratkaisut";

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

async function publishMany(id, count, make) {
  for (let done = 0; done < count; ) {
    const batch = Math.min(16, count - done);
    await Promise.all(
      Array.from({ length: batch }, (_, i) => publishOk(edge, id, { notice: make(done + i + 1), summary: { fi: `Muutos ${done + i + 1}` } })),
    );
    done += batch;
  }
}

const largest = JSON.parse(readFileSync(join(ROOT, "examples/capricode-viestintaratkaisut.json"), "utf8"));
await publishMany(COLD_ID, COLD_VERSIONS, (n) => ({
  ...largest,
  id: COLD_ID,
  title: Object.fromEntries(Object.entries(largest.title).map(([l, t]) => [l, `${t} ${n}`])),
}));

// The floors: what the runtime itself costs for "answer with these bytes", with nothing of ours.
const page = await (await fetch(`${edge.base}${FLOOR_PATH}`)).text();
const headers = { "content-type": "text/html; charset=utf-8" };
const floor = async (script) => {
  const mf = new Miniflare({ modules: true, script, compatibilityDate: COMPATIBILITY_DATE, host: "127.0.0.1", port: 0, cf: false });
  return { mf, base: (await mf.ready).href.replace(/\/$/, "") };
};
const constant = await floor(
  `const PAGE = ${JSON.stringify(page)};\nconst HEADERS = ${JSON.stringify(headers)};\n` +
    "export default { fetch() { return new Response(PAGE, { headers: HEADERS }); } };\n",
);
const cacheOnly = await floor(
  `const PAGE = ${JSON.stringify(page)};\nconst HEADERS = ${JSON.stringify({ ...headers, "cache-control": "public, max-age=86400" })};\n` +
    "const KEY = 'http://floor.bench/page';\n" +
    "export default { async fetch() {\n" +
    "  const hit = await caches.default.match(KEY);\n" +
    "  if (hit) return hit;\n" +
    "  await caches.default.put(KEY, new Response(PAGE, { headers: HEADERS }));\n" +
    "  return new Response(PAGE, { headers: HEADERS });\n" +
    "} };\n",
);

console.log(
  JSON.stringify({
    base: edge.base,
    notices,
    long: LONG_ID,
    cold: COLD_ID,
    coldVersions: COLD_VERSIONS,
    floors: { constant: constant.base, cache: cacheOnly.base },
  }),
);
process.stdin.resume();
process.stdin.on("end", async () => {
  await Promise.all([edge.stop(), constant.mf.dispose(), cacheOnly.mf.dispose()]);
  process.exit(0);
});
