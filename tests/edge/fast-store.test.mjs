// The rules of the fast path's store (edge/src/fast-store.mjs), checked directly in Node: what a
// request may be answered with, and the bounds that keep any flood of requests from taking the
// isolate's memory (bytes in all, answers per path). The store behind the running worker is
// checked end to end by fastpath.test.mjs and fastpath-fragment.test.mjs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Store } from "../../edge/src/fast-store.mjs";

/** A body of `n` bytes, marked so a test can tell which one came back. */
const body = (n, mark = "") => Object.assign(new Uint8Array(n), { mark });
const FOREVER = Infinity;

describe("what a request is answered with", () => {
  test("a bare URL gets the bare answer, else its Accept-Language's; a query only its own", () => {
    const s = new Store(1 << 20, 16);
    s.keep("/a/b", "", 0, FOREVER, body(10, "bare"), {});
    s.keep("/a/f", "q:lang=fi", 0, FOREVER, body(10, "fi"), {});
    s.keep("/a/f", "al:sv", 0, FOREVER, body(10, "sv"), {});
    s.keep("/a/f", "-", 0, FOREVER, body(10, "none"), {});
    assert.equal(s.lookup("/a/b", null, "fi", 5).body.mark, "bare");
    assert.equal(s.lookup("/a/b", "lang=fi", null, 5), undefined, "a query never gets the bare answer");
    assert.equal(s.lookup("/a/b", "", null, 5), undefined, "nor does a lone `?`");
    assert.equal(s.lookup("/a/f", "lang=fi", "sv", 5).body.mark, "fi");
    assert.equal(s.lookup("/a/f", "lang=en", null, 5), undefined);
    assert.equal(s.lookup("/a/f", null, "sv", 5).body.mark, "sv");
    assert.equal(s.lookup("/a/f", null, null, 5).body.mark, "none");
    assert.equal(s.lookup("/a/f", null, "en", 5), undefined);
    assert.equal(s.lookup("/elsewhere", null, null, 5), undefined);
  });

  test("only from `from` until before `until`", () => {
    const s = new Store(1 << 20, 16);
    s.keep("/p", "", 100, 200, body(1), {});
    assert.equal(s.lookup("/p", null, null, 99), undefined);
    assert.ok(s.lookup("/p", null, null, 100));
    assert.ok(s.lookup("/p", null, null, 199));
    assert.equal(s.lookup("/p", null, null, 200), undefined);
  });

  test("the bare answer and the header's never mix; answers to queries stay beside either", () => {
    const s = new Store(1 << 20, 16);
    s.keep("/p", "al:fi", 0, FOREVER, body(1, "fi"), {});
    s.keep("/p", "q:x", 0, FOREVER, body(1, "x"), {});
    s.keep("/p", "", 0, FOREVER, body(1, "bare"), {});
    assert.equal(s.lookup("/p", null, "fi", 5).body.mark, "bare", "the header's answer is gone");
    assert.equal(s.lookup("/p", "x", null, 5).body.mark, "x");
    s.keep("/p", "al:sv", 0, FOREVER, body(1, "sv"), {});
    assert.equal(s.lookup("/p", null, "fi", 5), undefined, "the bare answer is gone");
    assert.equal(s.lookup("/p", null, "sv", 5).body.mark, "sv");
    assert.equal(s.used, 2);
  });

  test("keeping a variant again replaces it; forget drops every variant of a path", () => {
    const s = new Store(1 << 20, 16);
    s.keep("/p", "q:a", 0, FOREVER, body(5, "old"), {});
    s.keep("/p", "q:a", 0, FOREVER, body(7, "new"), {});
    assert.equal(s.lookup("/p", "a", null, 1).body.mark, "new");
    assert.equal(s.used, 7);
    s.keep("/p", "q:b", 0, FOREVER, body(3), {});
    s.keep("/q", "", 0, FOREVER, body(2), {});
    s.forget("/p");
    assert.equal(s.lookup("/p", "a", null, 1), undefined);
    assert.equal(s.lookup("/p", "b", null, 1), undefined);
    assert.ok(s.lookup("/q", null, null, 1));
    assert.equal(s.used, 2);
    s.forget("/never-kept");
    assert.equal(s.used, 2);
  });
});

describe("bounds", () => {
  test("bytes: the least recently kept paths go first, and never more than the budget is held", () => {
    const s = new Store(100, 16);
    for (let i = 0; i < 10; i++) s.keep(`/p${i}`, "", 0, FOREVER, body(30, `p${i}`), {});
    assert.ok(s.used <= 100, `holds ${s.used} bytes`);
    assert.equal(s.used, 90);
    for (const i of [7, 8, 9]) assert.ok(s.lookup(`/p${i}`, null, null, 1), `p${i} kept`);
    for (const i of [0, 1, 6]) assert.equal(s.lookup(`/p${i}`, null, null, 1), undefined, `p${i} gone`);
    // Kept again, a path becomes the most recent: the next eviction takes another.
    s.keep("/p7", "", 0, FOREVER, body(30, "p7 again"), {});
    s.keep("/p10", "", 0, FOREVER, body(30), {});
    assert.ok(s.lookup("/p7", null, null, 1));
    assert.equal(s.lookup("/p8", null, null, 1), undefined);
  });

  test("bytes: an answer larger than the whole budget is not kept and evicts nothing", () => {
    const s = new Store(100, 16);
    s.keep("/small", "", 0, FOREVER, body(40), {});
    s.keep("/huge", "", 0, FOREVER, body(101), {});
    assert.equal(s.lookup("/huge", null, null, 1), undefined);
    assert.ok(s.lookup("/small", null, null, 1));
    assert.equal(s.used, 40);
  });

  test("variants: a flood of queries on one path keeps only its latest few and leaves the others", () => {
    const s = new Store(1 << 20, 4);
    s.keep("/other", "", 0, FOREVER, body(10, "other"), {});
    s.keep("/n/f", "q:lang=fi", 0, FOREVER, body(10, "fi"), {});
    for (let i = 0; i < 1000; i++) s.keep("/n/f", `q:lang=x${i}`, 0, FOREVER, body(10), {});
    assert.equal(s.used, 10 + 4 * 10, "the path holds four answers");
    assert.equal(s.lookup("/n/f", "lang=fi", null, 1), undefined, "its oldest went");
    for (const i of [996, 997, 998, 999]) assert.ok(s.lookup("/n/f", `lang=x${i}`, null, 1));
    assert.equal(s.lookup("/other", null, null, 1).body.mark, "other", "another path keeps its answer");
  });
});
