// The Worker's entry (built to `build/index.js`; worker-build's module, the Rust worker, becomes
// `build/rust.mjs`): the fast path of `src/fast.rs`. A notice page or a widget fragment the Rust
// side answered and said may be kept is answered again from here, in the isolate's memory, without
// entering the wasm: the same body and the same headers, until the time Rust gave (the latest
// version's freshness window). A request with a query matches only what Rust kept for that exact
// query; one without, only what it kept for the bare URL or the same `Accept-Language`. Everything
// else — another method, `If-None-Match`, a path or a variant Rust has not handed over — goes to
// Rust unchanged.

import Rust from "./rust.mjs";

export * from "./rust.mjs";

/** Bytes of body kept at most; the oldest kept page goes first. */
const BUDGET = 8 * 1024 * 1024;

/** path → Map(variant → {body, headers, from, until}); variants as `src/fast.rs` names them. */
const pages = new Map();
let used = 0;
// Each page is kept ready to send: its body encoded once, its headers one `Headers` object (a hit
// copies both inside the runtime instead of converting them from JavaScript values again).
const utf8 = new TextEncoder();

function weigh(variants) {
  let n = 0;
  for (const page of variants.values()) n += page.body.byteLength;
  return n;
}

function drop(path) {
  const variants = pages.get(path);
  if (variants === undefined) return;
  used -= weigh(variants);
  pages.delete(path);
}

// The two functions the Rust side calls (src/fast.rs).
globalThis.selosteFast = {
  /**
   * `variant` is "" when the bare URL chose the answer, `q:` + the exact query when the URL with
   * that query did, else the Accept-Language key (`-` or `al:…`).
   */
  keep(path, variant, from, until, body, headers) {
    const bytes = utf8.encode(body);
    if (bytes.byteLength > BUDGET) return;
    const kept = new Headers(headers);
    let variants = pages.get(path);
    if (variants === undefined) {
      variants = new Map();
    } else {
      // Re-inserted at the end: the most recently kept page is the last to go.
      used -= weigh(variants);
      pages.delete(path);
      // For the bare URL, a page chosen by the URL alone and one chosen by the header never mix
      // (the first would hide the others); answers to a query are looked up apart and stay.
      if (variant === "") {
        for (const key of variants.keys()) if (!key.startsWith("q:")) variants.delete(key);
      } else if (!variant.startsWith("q:")) {
        variants.delete("");
      }
    }
    variants.set(variant, { body: bytes, headers: kept, from, until });
    pages.set(path, variants);
    used += weigh(variants);
    for (const oldest of pages.keys()) {
      if (used <= BUDGET) break;
      drop(oldest);
    }
  },
  forget(path) {
    drop(path);
  },
};

/** The kept answer to `request`, or undefined. */
function kept(request) {
  const method = request.method;
  if (method !== "GET" && method !== "HEAD") return undefined;
  const headers = request.headers;
  if (headers.has("if-none-match")) return undefined;
  // Split as `fast::path_and_query` splits it: the path from the first `/` after `//`, the query
  // after the first `?`.
  const url = request.url;
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const mark = url.indexOf("?", start);
  const variants = pages.get(mark < 0 ? url.slice(start) : url.slice(start, mark));
  if (variants === undefined) return undefined;
  let page;
  if (mark >= 0) {
    // A query: only what Rust kept for this very query, never the bare URL's answer.
    page = variants.get(`q:${url.slice(mark + 1)}`);
  } else {
    page = variants.get("");
    if (page === undefined) {
      const accept = headers.get("accept-language");
      page = variants.get(accept === null ? "-" : `al:${accept}`);
    }
  }
  if (page === undefined) return undefined;
  const now = Date.now();
  if (now < page.from || now >= page.until) return undefined;
  return new Response(page.body, { headers: page.headers });
}

export default {
  fetch(request, env, ctx) {
    return kept(request) ?? new Rust(ctx, env).fetch(request);
  },
};
