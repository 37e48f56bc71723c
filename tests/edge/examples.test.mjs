// The examples (examples/*.json: five transcribed from real notices, one fictional history),
// published to the edge the way `cargo xtask dev` does (single notices as version 1, histories
// version by version with their real dates): the page of each shows every fact of the notice as
// visible text, in each of its languages (vocabulary codes as their labels, link targets as real
// links), and passes the Nu HTML Checker.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { EXAMPLE_FILES, ROOT, atom, collapse, fetchPage, freshEdge, nuErrors, parseXmlStrict, publishExamples } from "./helpers.mjs";

/**
 * The vocabulary (legal bases, special-category conditions, rights, safeguards, roles, kinds) by
 * the notice field that holds its codes: {field: {code: {fi, sv, en, article}}}. Written by the
 * Rust side (tests/vocabulary.rs checks it against seloste_schema::vocab), not copied by hand.
 */
const VOCABULARY = JSON.parse(readFileSync(join(ROOT, "tests/golden/vocabulary.json"), "utf8"));
/** Values that are not facts for a reader: the document's own bookkeeping. */
const META_KEYS = new Set(["$schema", "id", "languages", "format"]);
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
 * translated text, as is for names, numbers and addresses, a vocabulary code as its label in
 * `lang`, a link target as a link. Returns [path, {text: alternatives} | {href}].
 */
function facts(notice, lang) {
  const langs = new Set(notice.languages);
  const out = [];
  const walk = (v, path, key) => {
    if (typeof v === "string") {
      if (META_KEYS.has(key) || ISO_DURATION.test(v)) return;
      if (key in VOCABULARY) {
        const term = VOCABULARY[key][v];
        assert.ok(term, `${path}: ${v} is not a code of the ${key} vocabulary`);
        out.push([path, { text: [term[lang] ?? term.en] }]);
        return;
      }
      if (key === "href") {
        out.push([path, { href: v }]);
        return;
      }
      const s = collapse(v);
      if (s) out.push([path, { text: ISO_DATE.test(s) ? dateForms(s, lang) : [s] }]);
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

/**
 * Whether the page shows `fact`: as visible text (tags dropped, entities decoded), or, for a link
 * target, as the `href` of a link.
 */
function shows(html, text, fact) {
  if (fact.href) return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].some(([, h]) => h.replace(/&amp;/g, "&") === fact.href);
  return fact.text.some((s) => text.includes(s));
}

let edge;
/** For each file: its id and the versions as published: [{number, notice, summary}]. */
let published;

before(async () => {
  edge = await freshEdge("examples");
  published = await publishExamples(edge);
});
after(() => edge?.stop());

describe("examples", () => {
  test("there are examples to check", () => {
    assert.ok(files.length > 0, "examples/*.json");
  });

  for (const file of files) {
    test(`${file}: every fact appears on its page as visible text, in every language`, async () => {
      const { id, versions } = published.get(file);
      for (const [i, v] of versions.entries()) {
        const latest = i === versions.length - 1;
        for (const lang of v.notice.languages) {
          const path = latest ? `/${id}?lang=${lang}` : `/${id}/v/${v.number}?lang=${lang}`;
          const { r, html, text } = await fetchPage(edge, path);
          assert.equal(r.status, 200, path);
          const all = facts(v.notice, lang);
          const missing = all.filter(([, fact]) => !shows(html, text, fact));
          assert.deepEqual(
            missing.map(([p, fact]) => `${p}: ${fact.href ?? fact.text[0]}`),
            [],
            `${path} lacks these facts of ${file}`,
          );
        }
      }
    });

    test(`${file}: history, feed and API hold every version`, async () => {
      const { id, versions } = published.get(file);
      const lang = versions[0].notice.languages[0];
      const { r: history, html, text } = await fetchPage(edge, `/${id}/history?lang=${lang}`);
      assert.equal(history.status, 200);
      for (const v of versions) {
        const summary = collapse(v.summary[lang] ?? Object.values(v.summary)[0]);
        assert.ok(text.includes(summary), `history shows version ${v.number}'s summary`);
      }
      const feed = parseXmlStrict(await (await fetch(edge.url(`/${id}/feed.atom`))).text());
      assert.equal(atom(feed, "entry").length, versions.length);
      const api = await (await fetch(edge.url(`/api/v1/notices/${id}/history`))).json();
      assert.deepEqual(api.versions.map((v) => v.notice), versions.map((v) => v.notice));
    });
  }

  test("every example page passes the Nu HTML Checker", async () => {
    const pages = {};
    for (const { id, versions } of published.values()) {
      for (const v of versions) {
        for (const lang of v.notice.languages) {
          for (const path of [`/${id}/v/${v.number}?lang=${lang}`, `/${id}/history?lang=${lang}`]) {
            const { r, html } = await fetchPage(edge, path);
            assert.equal(r.status, 200, path);
            pages[path] = html;
          }
        }
      }
      pages[`/${id}`] = (await fetchPage(edge, `/${id}`)).html;
    }
    const errors = await nuErrors(pages, "examples-vnu");
    assert.deepEqual(errors, []);
  });
});
