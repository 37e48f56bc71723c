//! The prose of `BENCHMARKS.md`: what each figure is and how it was measured. Kept beside the
//! code that measures it, so a change of method changes the explanation in the same commit.

pub const INTRO: &str = "# Benchmarks

Written by `cargo xtask bench` (about 10 minutes on a two-core machine; it needs wrk, nginx and
Chrome or Chromium, found on PATH or through `WRK`, `NGINX` and `CHROME`). Do not edit by hand: run
it again.

**How to read these figures.** Every figure is measured in one run beside its anchor, interleaved
round by round (subject, anchor, subject, anchor, …; 3 rounds, the median of each), so that a busy
machine slows both alike and the **ratio** stays fair. The table below says what the machine was:
its CPU, how many cores the run could use, and how busy it was (the load average at the start and
at the end; a load above the number of cores means other work ran beside the benchmark). Absolute
figures move between runs and machines; ratios move much less. No figure is asserted anywhere:
`cargo xtask test` checks behaviour, never timing.

## Machine and versions
";

pub const EDGE: &str = "
## Edge throughput and latency

The edge is the built worker (`edge/build/`, `worker-build --release`) in workerd through
Miniflare (`tests/bench/edge.mjs`, as the edge tests run it; no `wrangler dev` proxy in front), on a
local D1 database with every example published. The anchor is nginx (one worker process, like the
worker's one isolate thread; `sendfile`, keep-alive) serving **the same HTML bytes** the edge
served, as static files: the physical limit for \"serve this page\" on this machine (the floors
below are the runtime's own limit). Load: `wrk -t1
-c16 -d5s --latency` over loopback. wrk, the server and the rest share the machine's cores (see
above).

Pages measured:
";

pub const FLOORS: &str = "
**Against the runtime's floors.** Two workers of a few lines run in the same workerd beside the
edge (`tests/bench/edge.mjs`): one answers every request with the latest page's bytes from a
constant (the least any worker can do: the runtime's floor for \"answer with these bytes\"), one
answers from the Cache API only (`caches.default.match`, what a worker that keeps nothing in
memory pays at best). The edge's cached pages come from the isolate's memory: the latest version
number is held for the freshness window (10 s, `edge/README.md`), versions and rendered pages
for as long as the isolate lives (bounded in bytes), so a hit reads neither D1 nor the Cache API.
The goal: cached pages at ≥ 0.8 of the constant worker. Same load, same rounds (constant, Cache
API, latest, `/v/1`, nginx).
";

pub const RENDER: &str = "
## Render cost

Natively (criterion, `benches/benches/render.rs`, release build): parse the file, validate it
(errors and completeness findings), and server-render the full page with the widget's Yew
components, as `seloste render` and the edge's uncached path do. `synthetic-10x` is the largest
example with each repeating list (purposes, data subjects, retention rules, security measures,
free sections, register description) ten times over: hundreds of items.
";

pub const CPU: &str = "
**The edge's own cost per uncached render, inside workerd.** Workers freeze `Date.now()` and
`performance.now()` during execution, and workerd reports no CPU time locally, so the worker cannot
time itself. Method: serial requests (`wrk -c1`, one at a time, so no queueing), alternating
rounds of cache hits (the largest example's latest page, from the isolate's memory) and cache
misses: the same notice published as 1200 versions (`bench/cold`, its title numbered), and a wrk
script (`COLD_LUA` in `xtask/src/bench/wrk.rs`) asking each request for a version page never
rendered before (a fresh number per request and per round), 3 rounds; the difference of the
median latencies is what a miss adds: the Cache API read that misses, reading the version from
D1, parsing and hashing it, rendering the page and putting it in the Cache API. It is therefore
an upper bound on the render's CPU time, measured in the real runtime (wasm in V8), and a loose
one: locally Miniflare implements the Cache API and D1 as Durable Objects writing to disk, so the
cache put and the D1 read are wall time, not the worker's CPU. The Workers free plan allows 10 ms
of CPU per request; the aim is well under 1 ms.
";

pub const WIDGET: &str = "
## Widget

Transfer size of what a reader's browser downloads for the widget (`widget/dist/`, as
`cargo xtask build` prints it; gzip level 9 and brotli quality 11 by Node's zlib), and the worker's
own wasm for reference (not sent to readers). Goal (issue 13): the widget at most 100 KB brotli;
`cargo xtask build` fails above its budget (`xtask/src/widget.rs`).
";

pub const WIDGET_TIME: &str = "
**Time to a readable notice**, headless Chrome or Chromium (the one in the table above, driven by playwright-core,
`tests/bench/widget.mjs`; flags `--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
--disable-background-networking --disable-component-update --disable-sync`, a fresh user-data-dir)
over loopback. A host page on another origin records `performance.now()` in an inline script just
before the measured tag, and a 1 ms polling loop records when the notice's `<h1>` exists: in the
widget's shadow root for `<script async src=EDGE/widget/seloste.js data-notice=…>` (the loader
fetches the notice the edge already rendered, `…/fragment`, and shows it; the wasm comes after),
or in the document of an `<iframe>` of the edge's own HTML page for the same notice (the
reference). The edge forbids framing its pages
(`frame-ancestors 'none'`), so the host server forwards the iframe's requests to the edge and drops
only that header and `X-Frame-Options`. Each load is a new tab with the HTTP cache disabled (a first
visit); 20 loads of each, alternating, after one warm-up load of each. Bytes before readable: every
response body that finished loading before the notice was readable, brotli-compressed (quality
11), as a reader on a real edge would download it. Goals (issue 13): the widget at most the
iframe's time (ratio ≤ 1.0) and at most 20 KB brotli before it is readable.
";

pub const GROWTH: &str = "
## How cost grows

Criterion (`benches/benches/growth.rs`), natively: rendering the notice page of a notice 1× to 100×
the largest example, and rendering the change log page and the Atom feed of a history of 1 to 1000
versions (built from the bilingual example's three versions in turn, so every diff has content).
\"Per unit\" divides by the notice multiple or the number of versions: constant means linear
growth, falling means sublinear. The change log shows one page of 20 versions (`ChangeLog` in
`schema/src/changelog.rs`, `?from=N` for older pages) and the Atom feed the latest 50 versions
(`edge/src/feed.rs`), so neither grows without bound.
";

pub const LONG: &str = "
**In the edge.** The same pages at the edge, for the bilingual example (3 versions) and for a
notice with 1000 published versions (a small notice whose title changes every version), serial
requests as above, both cached (they are kept like the notice pages, under the latest version's
number: a miss loads from D1 only the versions it shows, `Store::range`, one page of the change
log and the version before it, or the feed's newest 50), so the ratio between the two columns is
what a long history still costs a reader at the edge.
";

pub const OUTRO: &str = "
## Notes

- Figures are medians; p99 under load, with fewer cores than processes, mostly measures scheduling.
- The edge runs locally: no network, no TLS, no Cloudflare cache in front. On Cloudflare the
  Cache API is per data centre and the first reader of a page in each data centre pays the miss.
- Reproduce: `cargo xtask bench` (everything), or `cargo bench -p seloste-benches` (criterion
  only; results in `target/criterion/`).
";
