//! Render cost: parse + validate + server-render a full page, for every example and for a large
//! synthetic notice (10× the largest example: hundreds of items). Natively; the edge's own cost in
//! workerd is measured by `cargo xtask bench` (see BENCHMARKS.md).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use seloste_benches::{examples, full_render, scaled_notice_json};

fn render(c: &mut Criterion) {
    let mut g = c.benchmark_group("render");
    for (name, json) in examples() {
        let name = name.trim_end_matches(".json");
        g.bench_function(name, |b| {
            b.iter(|| full_render(std::hint::black_box(&json)))
        });
    }
    let big = scaled_notice_json(10);
    g.bench_function("synthetic-10x", |b| {
        b.iter(|| full_render(std::hint::black_box(&big)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    // Short windows: the figures are medians of many iterations already, and `cargo xtask bench`
    // must stay within minutes on a busy 2-core machine.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = render
}
criterion_main!(benches);
