//! `cargo xtask bench edge`: only the cached pages against the floors, printed (BENCHMARKS.md is
//! left as it is). The same interleaved rounds as the full run's edge section, on an edge with
//! only the examples published, so that a change to the hit path can be measured in a minute.

use super::servers::Edge;
use super::wrk::{self, Load, Run};
use crate::cmd::{self, root, Context, Result};
use crate::edge;
use crate::profile::Profile;

/// Rounds: more than the full run's, as this is the figure being worked on.
const ROUNDS: usize = 5;

pub fn run(notice: &str) -> Result {
    edge::build(Profile::Release)?;
    let dir = root().join("target/bench-edge");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).context("target/bench-edge")?;
    let latest = format!("/{notice}");
    let version = format!("/{notice}/v/1");
    let edge = Edge::start_with(&dir, &[], 0, Some(0), &latest)?;
    let urls = [
        (
            "constant worker (floor)",
            format!("{}{latest}", edge.constant),
        ),
        ("Cache-API worker", format!("{}{latest}", edge.cache_only)),
        ("latest notice page", format!("{}{latest}", edge.base)),
        (
            "immutable version page (/v/1)",
            format!("{}{version}", edge.base),
        ),
    ];
    let warm = Load {
        connections: 4,
        seconds: 2,
    };
    for (_, url) in &urls {
        wrk::run(url, warm, None)?;
    }
    cmd::step(&format!(
        "cached pages vs the floors (wrk -c{}, {} s, {ROUNDS} interleaved rounds)",
        wrk::THROUGHPUT.connections,
        wrk::THROUGHPUT.seconds
    ));
    let mut runs: Vec<Vec<Run>> = vec![Vec::new(); urls.len()];
    for round in 0..ROUNDS {
        let mut line = Vec::new();
        for (i, (_, url)) in urls.iter().enumerate() {
            let r = wrk::run(url, wrk::THROUGHPUT, None)?;
            line.push(format!("{:.0}", r.rps));
            runs[i].push(r);
        }
        eprintln!("round {}: {} req/s", round + 1, line.join(" / "));
    }
    report(&urls.map(|(name, _)| name), &runs);
    drop(edge);
    Ok(())
}

fn report(names: &[&str], runs: &[Vec<Run>]) {
    let floor = wrk::median(&runs[0]).rps;
    eprintln!(
        "\n{:<32} {:>9} {:>9} {:>9} {:>12}",
        "server (the same page)", "req/s", "p50 ms", "p99 ms", "vs constant"
    );
    for (name, rs) in names.iter().zip(runs) {
        let m = wrk::median(rs);
        eprintln!(
            "{name:<32} {:>9.0} {:>9.2} {:>9.2} {:>12.2}",
            m.rps,
            m.p50,
            m.p99,
            m.rps / floor
        );
    }
    // Per round as well: each round's ratio is measured within seconds of its own floor.
    for (name, rs) in names.iter().zip(runs).skip(2) {
        let per_round: Vec<String> = rs
            .iter()
            .zip(&runs[0])
            .map(|(r, f)| format!("{:.2}", r.rps / f.rps))
            .collect();
        eprintln!("{name}: per round vs constant {}", per_round.join(" "));
    }
}
