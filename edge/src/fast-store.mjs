// What the Worker's entry (`src/entry.js`) keeps of the answers Rust handed over (`src/fast.rs`):
// a store bounded in bytes and in variants per path, with no runtime API in it, so that
// `tests/edge/fast-store.test.mjs` checks its rules directly in Node.
//
// path → Map(variant → {body, headers, from, until}); variants as `src/fast.rs` names them: ""
// when the bare URL chose the answer, `q:` + the exact query when the URL with that query did,
// else the Accept-Language key (`-` or `al:…`). `body` is anything with a `byteLength`; `headers`
// is kept as given.

export class Store {
  /**
   * @param {number} budget bytes of body kept at most; the least recently kept path goes first
   * @param {number} variantsPerPath answers kept at most for one path; its oldest goes first, so
   *   that requests varying only a query or a header (which anyone can send) cannot take more
   *   than one path's share of the budget from the other paths
   */
  constructor(budget, variantsPerPath) {
    this.budget = budget;
    this.variantsPerPath = variantsPerPath;
    this.pages = new Map();
    this.used = 0;
  }

  keep(path, variant, from, until, body, headers) {
    if (body.byteLength > this.budget) return;
    let variants = this.pages.get(path);
    if (variants === undefined) {
      variants = new Map();
    } else {
      // Re-inserted at the end: the most recently kept path is the last to go.
      this.used -= weigh(variants);
      this.pages.delete(path);
      // For the bare URL, a page chosen by the URL alone and one chosen by the header never mix
      // (the first would hide the others); answers to a query are looked up apart and stay.
      if (variant === "") {
        for (const key of variants.keys()) if (!key.startsWith("q:")) variants.delete(key);
      } else if (!variant.startsWith("q:")) {
        variants.delete("");
      }
    }
    variants.delete(variant);
    variants.set(variant, { body, headers, from, until });
    for (const oldest of variants.keys()) {
      if (variants.size <= this.variantsPerPath) break;
      variants.delete(oldest);
    }
    this.pages.set(path, variants);
    this.used += weigh(variants);
    for (const oldest of this.pages.keys()) {
      if (this.used <= this.budget) break;
      this.forget(oldest);
    }
  }

  forget(path) {
    const variants = this.pages.get(path);
    if (variants === undefined) return;
    this.used -= weigh(variants);
    this.pages.delete(path);
  }

  /**
   * The answer kept for `path` at `now`: with a `query` (the text after `?`, possibly empty) only
   * the one kept for that very query, never the bare URL's; without, the bare URL's, else the one
   * for this `acceptLanguage` (null when the request has none).
   */
  lookup(path, query, acceptLanguage, now) {
    const variants = this.pages.get(path);
    if (variants === undefined) return undefined;
    let page;
    if (query !== null) {
      page = variants.get(`q:${query}`);
    } else {
      page = variants.get("") ?? variants.get(acceptLanguage === null ? "-" : `al:${acceptLanguage}`);
    }
    if (page === undefined || now < page.from || now >= page.until) return undefined;
    return page;
  }
}

function weigh(variants) {
  let n = 0;
  for (const page of variants.values()) n += page.body.byteLength;
  return n;
}
