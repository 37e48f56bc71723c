//! Load generation with wrk: one run, its figures, and medians over interleaved rounds.

use std::path::Path;
use std::process::Command;

use crate::cmd::{output, Context, Result};

/// What one wrk run reports.
#[derive(Debug, Clone, Copy, Default)]
pub struct Run {
    pub rps: f64,
    /// Latency percentiles, milliseconds.
    pub p50: f64,
    pub p99: f64,
}

/// How a run loads the server.
#[derive(Debug, Clone, Copy)]
pub struct Load {
    pub connections: u32,
    pub seconds: u32,
}

/// Throughput: 16 connections from one wrk thread, so that wrk takes one core and leaves the rest
/// to the server.
pub const THROUGHPUT: Load = Load {
    connections: 16,
    seconds: 5,
};

/// One request at a time: latency without queueing, for the cost of one request.
pub const SERIAL: Load = Load {
    connections: 1,
    seconds: 3,
};

/// Serial cache misses: short, so that no round asks for more pages than it has never-rendered
/// versions for (about 400 at a few milliseconds each).
pub const SERIAL_MISS: Load = Load {
    connections: 1,
    seconds: 1,
};

/// `wrk -t1 -cN -dS --latency URL`, with `script` (and its argument) when given.
pub fn run(url: &str, load: Load, script: Option<(&Path, &str)>) -> Result<Run> {
    let mut c = Command::new(&super::programs().wrk);
    c.args([
        "-t1",
        &format!("-c{}", load.connections),
        &format!("-d{}s", load.seconds),
        "--latency",
    ]);
    if let Some((lua, _)) = script {
        c.arg("-s").arg(lua);
    }
    c.arg(url);
    if let Some((_, args)) = script {
        c.arg("--").args(args.split(' '));
    }
    let out = output(&mut c).with_context(|| format!("wrk failed on {url}"))?;
    parse(&out).with_context(|| format!("cannot read wrk's output:\n{out}"))
}

fn parse(out: &str) -> Option<Run> {
    let mut run = Run::default();
    let mut non_2xx = false;
    for line in out.lines().map(str::trim) {
        if let Some(v) = line.strip_prefix("Requests/sec:") {
            run.rps = v.trim().parse().ok()?;
        } else if let Some(v) = line.strip_prefix("50%") {
            run.p50 = millis(v.trim())?;
        } else if let Some(v) = line.strip_prefix("99%") {
            run.p99 = millis(v.trim())?;
        } else if line.starts_with("Non-2xx") {
            non_2xx = true;
        }
    }
    (!non_2xx && run.rps > 0.0).then_some(run)
}

/// wrk's `123.45us`, `1.20ms`, `2.00s` in milliseconds.
fn millis(v: &str) -> Option<f64> {
    let (n, scale) = if let Some(n) = v.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    Some(n.parse::<f64>().ok()? * scale)
}

/// The median of each figure over several runs.
pub fn median(runs: &[Run]) -> Run {
    Run {
        rps: median_of(runs.iter().map(|r| r.rps).collect()),
        p50: median_of(runs.iter().map(|r| r.p50).collect()),
        p99: median_of(runs.iter().map(|r| r.p99).collect()),
    }
}

pub fn median_of(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

/// The Lua script that makes every request a real cache miss: request i asks for
/// `PREFIX(START + i)`, a version page never rendered before (the Cache API and the isolate's
/// memory key pages by version number), wrapping after COUNT. Arguments: `PREFIX START COUNT`.
pub const COLD_LUA: &str = r#"local prefix, start, count = "/", 1, 1
local n = 0
function init(args)
  prefix = args[1] or prefix
  start = tonumber(args[2]) or start
  count = tonumber(args[3]) or count
end
function request()
  local path = prefix .. (start + (n % count))
  n = n + 1
  return wrk.format("GET", path)
end
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wrk_output() {
        let out = "Running 5s test @ http://x\n  1 threads and 16 connections\n  Latency Distribution\n     50%  812.00us\n     75%    1.10ms\n     90%    1.50ms\n     99%    2.31ms\n  1000 requests in 5.00s\nRequests/sec:  19876.54\nTransfer/sec:     1.00MB\n";
        let r = parse(out).unwrap();
        assert_eq!(r.rps, 19876.54);
        assert!((r.p50 - 0.812).abs() < 1e-9 && (r.p99 - 2.31).abs() < 1e-9);
        assert!(parse(&format!("{out}  Non-2xx or 3xx responses: 3\n")).is_none());
    }

    #[test]
    fn medians() {
        assert_eq!(median_of(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median_of(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
