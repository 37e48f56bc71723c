// The change log in workerd: the `…/changes` API the widget reads (computed on the edge, in the
// reader's language, a page at a time) and the paginated history pages.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { fetchPage, freshEdge, getJson, notice, publishOk } from "./helpers.mjs";

const ID = "testi/muutokset";
const VERSIONS = 23; // more than one page (20)
let edge;

before(async () => {
  edge = await freshEdge("changes");
  for (let n = 1; n <= VERSIONS; n++) {
    await publishOk(edge, ID, {
      notice: notice(ID, { title: { fi: `Seloste ${n}`, en: `Notice ${n}` } }),
      summary: { fi: `Muutos ${n}`, en: `Change ${n}` },
      published: `2021-01-${String(n).padStart(2, "0")}`,
    });
  }
});
after(() => edge?.stop());

test("the change log API: newest first, with the diff from the version before, in the asked language", async () => {
  const r = await getJson(edge, `/api/v1/notices/${ID}/changes?lang=en`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("access-control-allow-origin"), "*");
  const log = r.json;
  assert.equal(log.id, ID);
  assert.equal(log.lang, "en");
  assert.equal(log.total, VERSIONS);
  assert.equal(log.title, `Notice ${VERSIONS}`);
  assert.equal(log.entries.length, 20);
  assert.deepEqual(log.entries.slice(0, 3).map((e) => e.number), [23, 22, 21]);
  assert.equal(log.entries[0].summary, "Change 23");
  assert.equal(log.entries[0].published, "2021-01-23");
  const general = log.entries[0].changes.sections[0];
  assert.equal(general.section, "general");
  assert.equal(general.heading, "General");
  assert.deepEqual(general.changes[0].changed.fields[0], { field: "Title", old: "Notice 22", new: "Notice 23" });
  assert.equal(log.older, 3);
  assert.equal(log.newer, undefined);
});

test("older pages, and a language the notice lacks falls back to one it has", async () => {
  const page = (await getJson(edge, `/api/v1/notices/${ID}/changes?lang=sv&from=3`)).json;
  assert.equal(page.lang, "fi");
  assert.deepEqual(page.entries.map((e) => e.number), [3, 2, 1]);
  assert.equal(page.entries[2].changes, undefined, "the first version has nothing before it");
  assert.equal(page.older, undefined);
  assert.equal(page.newer, 23);
});

test("history pages are paginated, with links between the pages", async () => {
  // fetchPage asserts the security headers of both pages.
  const { r: first, html } = await fetchPage(edge, `/${ID}/history?lang=en`);
  assert.equal(first.status, 200);
  assert.equal((html.match(/class="version"/g) || []).length, 20);
  assert.match(html, new RegExp(`href="/${ID}/history\\?from=3"`));
  const { r: olderPage, html: older } = await fetchPage(edge, `/${ID}/history?from=3&lang=en`);
  assert.equal(olderPage.status, 200);
  assert.equal((older.match(/class="version"/g) || []).length, 3);
  assert.match(older, /Version 1/);
  assert.doesNotMatch(older, /Version 4\b/);
});

test("a notice never published has no change log", async () => {
  const r = await getJson(edge, `/api/v1/notices/testi/ei-ole/changes`);
  assert.equal(r.status, 404);
});
