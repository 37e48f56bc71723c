//! How cost grows: the notice page against notice size (1× to 100× the largest example), and the
//! change log and the Atom feed against history length (1 to 1000 versions). Sizes of the output
//! are reported by `src/bin/bench-sizes.rs`; BENCHMARKS.md puts both side by side.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use seloste_benches::{
    long_history, render_feed, render_history, render_notice, scaled_notice, HISTORY_LENGTHS,
    NOTICE_SCALES,
};

fn notice_size(c: &mut Criterion) {
    let mut g = c.benchmark_group("notice-size");
    g.sampling_mode(SamplingMode::Flat);
    for k in NOTICE_SCALES {
        let notice = scaled_notice(k);
        g.bench_with_input(BenchmarkId::from_parameter(k), &notice, |b, n| {
            b.iter(|| render_notice(n).len())
        });
    }
    g.finish();
}

fn history_length(c: &mut Criterion) {
    for (group, render) in [
        ("history-page", render_history as fn(&_) -> String),
        ("atom-feed", render_feed),
    ] {
        let mut g = c.benchmark_group(group);
        g.sampling_mode(SamplingMode::Flat);
        for n in HISTORY_LENGTHS {
            let h = long_history(n);
            g.bench_with_input(BenchmarkId::from_parameter(n), &h, |b, h| {
                b.iter(|| render(h).len())
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    // Flat sampling and few samples: the largest inputs take tens of milliseconds per iteration.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10);
    targets = notice_size, history_length
}
criterion_main!(benches);
