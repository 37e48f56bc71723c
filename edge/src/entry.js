// The Worker's entry (built to `build/index.js`; worker-build's module, the Rust worker, becomes
// `build/rust.mjs`): the fast path of `src/fast.rs`. A notice page or a widget fragment the Rust
// side answered and said may be kept is answered again from here, in the isolate's memory, without
// entering the wasm: the same body and the same headers, until the time Rust gave (the latest
// version's freshness window). A request with a query matches only what Rust kept for that exact
// query; one without, only what it kept for the bare URL or the same `Accept-Language`. Everything
// else — another method, `If-None-Match`, a path or a variant Rust has not handed over — goes to
// Rust unchanged.

import Rust from "./rust.mjs";
import { Store } from "./fast-store.mjs";

export * from "./rust.mjs";

/** Bytes of body kept at most; the least recently kept path goes first. */
const BUDGET = 8 * 1024 * 1024;
/** Answers kept at most per path (a notice's page in a few `Accept-Language`s, its fragments). */
const VARIANTS_PER_PATH = 16;

const store = new Store(BUDGET, VARIANTS_PER_PATH);
// Each answer is kept ready to send: its body encoded once, its headers one `Headers` object (a
// hit copies both inside the runtime instead of converting them from JavaScript values again).
const utf8 = new TextEncoder();

// The two functions the Rust side calls (src/fast.rs).
globalThis.selosteFast = {
  keep(path, variant, from, until, body, headers) {
    store.keep(path, variant, from, until, utf8.encode(body), new Headers(headers));
  },
  forget(path) {
    store.forget(path);
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
  const page = store.lookup(
    mark < 0 ? url.slice(start) : url.slice(start, mark),
    mark < 0 ? null : url.slice(mark + 1),
    headers.get("accept-language"),
    Date.now(),
  );
  return page && new Response(page.body, { headers: page.headers });
}

export default {
  fetch(request, env, ctx) {
    return kept(request) ?? new Rust(ctx, env).fetch(request);
  },
};
