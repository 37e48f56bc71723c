// The seed examples (examples/*.json, transcribed from real notices), published to the edge the way
// `cargo xtask dev` does (single notices as version 1, histories version by version with their real
// dates): the page of each shows every fact of its original text, in each of its languages, and
// passes the Nu HTML Checker.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { EXAMPLE_FILES, collapse, decode, freshEdge, nuErrors, pageText, publishExamples } from "./helpers.mjs";

/**
 * Values that are codes, not text (the schema's vocabulary enums, ids, ISO 8601 durations): pages
 * show them as translated labels (or not at all), never verbatim.
 */
const CODE_KEYS = new Set([
  "$schema", "id", "languages", "format", "acts_as", "role", "legal_bases",
  "special_category_conditions", "safeguard", "rights", "kind",
]);
/** ISO 8601 durations (`P24M`, `max_duration`, `min_duration`): pages write them out in words. */
const ISO_DURATION = /^P(\d+[YMWD])+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const files = EXAMPLE_FILES;

/** The ways a page may write the date `iso` in `lang`. */
function dateForms(iso, lang) {
  const [, y, m, d] = iso.match(ISO_DATE);
  return [iso, `${+d}.${+m}.${y}`, `${+d} ${EN_MONTHS[+m - 1]} ${y}`];
}

/**
 * Every fact of a notice as the page in `lang` must show it: each string value, in `lang` for
 * translated text, as is for names, numbers and addresses. Returns [path, alternatives].
 */
function facts(notice, lang) {
  const langs = new Set(notice.languages);
  const out = [];
  const walk = (v, path, key) => {
    if (typeof v === "string") {
      if (CODE_KEYS.has(key) || ISO_DURATION.test(v)) return;
      const s = collapse(v);
      if (s) out.push([path, ISO_DATE.test(s) ? dateForms(s, lang) : [s]]);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, key));
    } else if (v && typeof v === "object") {
      const keys = Object.keys(v);
      if (keys.length && keys.every((k) => langs.has(k))) {
        // Translated text: the page in `lang` shows the `lang` translation (or, lacking it, another).
        walk(v[lang] ?? Object.values(v)[0], `${path}.${lang}`, null);
        return;
      }
      for (const k of keys) walk(v[k], path ? `${path}.${k}` : k, k);
    }
  };
  walk(notice, "", null);
  return out;
}

/** What a page shows of `s`: its text, or an attribute value (a link's target, `mailto:`…). */
function shows(html, text, alternatives) {
  const attrs = decode(html);
  return alternatives.some((s) => text.includes(s) || attrs.includes(`"${s}"`) || attrs.includes(`:${s}"`));
}

let edge;
/** For each file: its id and the versions as published: [{number, notice, summary}]. */
let published;
const pages = {};

before(async () => {
  edge = await freshEdge("examples");
  published = await publishExamples(edge);
});
after(() => edge?.stop());

describe("seed examples", () => {
  test("there are examples to check", () => {
    assert.ok(files.length > 0, "examples/*.json");
  });

  for (const file of files) {
    test(`${file}: every fact of the original appears on its page, in every language`, async () => {
      const { id, versions } = published.get(file);
      for (const [i, v] of versions.entries()) {
        const latest = i === versions.length - 1;
        for (const lang of v.notice.languages) {
          const path = latest ? `/${id}?lang=${lang}` : `/${id}/v/${v.number}?lang=${lang}`;
          const r = await fetch(edge.url(path));
          assert.equal(r.status, 200, path);
          const html = await r.text();
          pages[`${file} ${path}`] = html;
          const text = pageText(html);
          const missing = facts(v.notice, lang).filter(([, alts]) => !shows(html, text, alts));
          assert.deepEqual(
            missing.map(([p, alts]) => `${p}: ${alts[0]}`),
            [],
            `${path} lacks these facts of ${file}`,
          );
        }
      }
    });

    test(`${file}: history, feed and API hold every version`, async () => {
      const { id, versions } = published.get(file);
      const lang = versions[0].notice.languages[0];
      const history = await fetch(edge.url(`/${id}/history?lang=${lang}`));
      assert.equal(history.status, 200);
      const html = await history.text();
      pages[`${file} history`] = html;
      const text = pageText(html);
      for (const v of versions) {
        const summary = collapse(v.summary[lang] ?? Object.values(v.summary)[0]);
        assert.ok(text.includes(summary), `history shows version ${v.number}'s summary`);
      }
      const feed = await (await fetch(edge.url(`/${id}/feed.atom`))).text();
      assert.equal(feed.match(/<entry>/g).length, versions.length);
      const api = await (await fetch(edge.url(`/api/v1/notices/${id}/history`))).json();
      assert.deepEqual(api.versions.map((v) => v.notice), versions.map((v) => v.notice));
    });
  }

  test("every example page passes the Nu HTML Checker", async () => {
    const errors = await nuErrors(pages, "examples-vnu");
    assert.deepEqual(errors, []);
  });
});
