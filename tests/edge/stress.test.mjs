// Bounded work in workerd: the largest notice the size limit allows (just under 512 KiB of JSON),
// published as a long history. Every page and API answer of it still answers; and a small notice's
// page, asked for while heavy pages of the large one are rendering, completes before they all do:
// the edge does not hold a normal reader behind heavy work. Facts about completion and order only,
// never timings.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { fetchPage, freshEdge, getJson, notice, publish, publishOk } from "./helpers.mjs";

const LIMIT = 512 * 1024;
const HEAVY = "raskas/seloste";
const LIGHT = "kevyt/seloste";
const VERSIONS = 12;
let edge;

/** The heavy notice's version n: purposes added until the publish body is just under the limit. */
function heavyBody(n) {
  const purposes = [];
  const body = () => ({
    notice: notice(HEAVY, { title: { fi: `Raskas seloste ${n}`, en: `Heavy notice ${n}` }, purposes }),
    summary: { fi: `Muutos ${n}`, en: `Change ${n}` },
  });
  const purpose = (i) => ({
    name: {
      fi: `Käsittelyn tarkoitus ${i} (versio ${n}): asiakassuhteen hoitaminen ja kehittäminen`,
      en: `Purpose ${i} (version ${n}): managing and developing the customer relationship`,
    },
    legal_bases: [i % 2 ? "contract" : "legitimate_interests"],
    ...(i % 2 ? {} : { legitimate_interest: { fi: `Oikeutettu etu ${i}`, en: `Legitimate interest ${i}` } }),
  });
  const size = () => Buffer.byteLength(JSON.stringify(body()));
  // Grow in steps, then one at a time, stopping below the limit.
  for (let step = 256; step >= 1; step = Math.floor(step / 4)) {
    for (;;) {
      const before = purposes.length;
      for (let k = 0; k < step; k++) purposes.push(purpose(purposes.length + 1));
      if (size() >= LIMIT - 64) {
        purposes.length = before;
        break;
      }
    }
  }
  return body();
}

before(async () => {
  edge = await freshEdge("stress");
  for (let n = 1; n <= VERSIONS; n++) {
    const body = heavyBody(n);
    const bytes = Buffer.byteLength(JSON.stringify(body));
    assert.ok(bytes > LIMIT - 4096 && bytes < LIMIT, `version ${n} is ${bytes} bytes`);
    await publishOk(edge, HEAVY, body);
  }
  await publishOk(edge, LIGHT, { notice: notice(LIGHT), summary: { fi: "Eka", en: "First" } });
});
after(() => edge?.stop());

test("one byte over the limit is refused; the largest allowed version was stored", async () => {
  const body = heavyBody(99);
  const text = JSON.stringify(body);
  const over = text.replace(/}$/, `${" ".repeat(LIMIT - Buffer.byteLength(text) + 1)}}`);
  assert.equal(Buffer.byteLength(over), LIMIT + 1);
  const r = await publish(edge, HEAVY, over, { headers: { connection: "close" } });
  assert.equal(r.status, 413);
  const { json } = await getJson(edge, `/api/v1/notices/${HEAVY}`);
  assert.equal(json.versions.length, VERSIONS);
});

test("every page and API answer of the largest notice with a long history answers", async () => {
  const pages = [`/${HEAVY}`, `/${HEAVY}/v/1`, `/${HEAVY}/v/${VERSIONS}`, `/${HEAVY}/history`, `/${HEAVY}/diff/1/${VERSIONS}`, `/${HEAVY}/diff/${VERSIONS - 1}/${VERSIONS}`];
  for (const path of pages) {
    const { r, html } = await fetchPage(edge, path);
    assert.equal(r.status, 200, path);
    assert.match(html, /<\/html>\n$/, `${path}: complete`);
  }
  const feed = await fetch(edge.url(`/${HEAVY}/feed.atom`));
  assert.equal(feed.status, 200);
  assert.equal((await feed.text()).match(/<entry>/g).length, VERSIONS);
  for (const path of [`/api/v1/notices/${HEAVY}`, `/api/v1/notices/${HEAVY}/versions/${VERSIONS}`, `/api/v1/notices/${HEAVY}/changes?lang=en`, `/${HEAVY}/v/1.jsonld`]) {
    const { status } = await getJson(edge, path);
    assert.equal(status, 200, path);
  }
  // Each change-log entry's diff is capped, ending with how many more changes the diff page has.
  const { json: log } = await getJson(edge, `/api/v1/notices/${HEAVY}/changes?lang=en`);
  const diffs = log.entries.filter((e) => e.changes);
  assert.equal(diffs.length, VERSIONS - 1);
  for (const e of diffs) {
    const changes = e.changes.sections.flatMap((s) => s.changes);
    assert.equal(changes.length, 101, `version ${e.number}: 100 changes and the line saying so`);
    assert.match(changes.at(-1).changed.item, /^… and \d+ more changes: see the comparison of the versions$/);
  }
  const fullDiff = await fetchPage(edge, `/${HEAVY}/diff/1/2?lang=en`);
  assert.ok(!fullDiff.html.includes("more changes: see the comparison"), "the diff page shows every change");
  // The whole history, a page at a time: 10 versions, then the rest.
  const numbers = [];
  let next = `/api/v1/notices/${HEAVY}/history`;
  let pages_ = 0;
  while (next) {
    const r = await fetch(edge.url(next));
    assert.equal(r.status, 200, next);
    const page = await r.json();
    assert.ok(page.versions.length <= 10, "at most 10 versions a page");
    numbers.push(...page.versions.map((v) => v.number));
    pages_ += 1;
    next = r.headers.get("link")?.match(/^<([^>]+)>; rel="next"$/)?.[1];
  }
  assert.equal(pages_, 2);
  assert.deepEqual(numbers, Array.from({ length: VERSIONS }, (_, i) => i + 1));
  const past = await fetch(edge.url(`/api/v1/notices/${HEAVY}/history?after=${VERSIONS}`));
  assert.equal(past.status, 404);
});

test("a small notice's page completes while heavy pages of the large one are still rendering", async () => {
  const order = [];
  const track = (name, path) =>
    fetch(edge.url(path)).then(async (r) => {
      await r.arrayBuffer();
      order.push(name);
      return r.status;
    });
  // Heavy: diffs never rendered before, each reading and diffing two versions of ~512 KiB.
  const heavy = [];
  for (let n = 2; n <= 7; n++) heavy.push(track(`heavy ${n}`, `/${HEAVY}/diff/1/${n}?lang=en`));
  // Then a normal reader's first visit to a small notice (nothing cached for it yet).
  const light = track("light", `/${LIGHT}/v/1?lang=en`);
  const statuses = await Promise.all([...heavy, light]);
  assert.ok(statuses.every((s) => s === 200), `all answered: ${statuses}`);
  const at = order.indexOf("light");
  assert.ok(at < order.length - 1, `the small page completed before the heavy ones all did: ${order.join(", ")}`);
});
