//! The measurements themselves, each interleaved with its anchor (see `bench.rs`).

use std::path::Path;
use std::process::Command;

use super::report::{Compared, Figures, Floors, Growth, Serial};
use super::servers::{self, Nginx};
use super::wrk::Run;
use super::wrk::{self, Load};
use crate::cmd::{self, output, root, Context, Result};
use crate::widget;

/// Rounds of every interleaved comparison; each figure is the median over them.
const ROUNDS: usize = 3;

/// The edge paths measured.
pub struct Paths {
    pub latest: String,
    pub version: String,
    pub synthetic: String,
    /// The notice with a long history (its id, no leading slash).
    pub long: String,
    /// A notice with a short history (3 versions).
    pub short: String,
    /// The largest example as `cold_versions` versions (its id, no leading slash).
    pub cold: String,
    pub cold_versions: u32,
    /// The floors' base URLs (they answer every path with the latest page's bytes).
    pub constant: String,
    pub cache_only: String,
}

/// nginx serving the bytes the edge serves for the latest and the version page, and its URLs.
pub struct StaticCopy {
    _nginx: Nginx,
    pub latest: String,
    pub version: String,
}

/// Copies the edge's pages (exactly as served) into nginx's root and starts nginx on them.
pub fn nginx_copy(edge: &str, paths: &Paths, dir: &Path, port: u16) -> Result<StaticCopy> {
    cmd::step("starting nginx with the edge's pages as static files");
    for (file, path) in [("latest.html", &paths.latest), ("v1.html", &paths.version)] {
        let body = servers::get(edge, path)?;
        let to = dir.join("html").join(file);
        cmd::write(&to, body)?;
    }
    let nginx = Nginx::start(dir, port)?;
    let base = format!("http://127.0.0.1:{port}");
    Ok(StaticCopy {
        _nginx: nginx,
        latest: format!("{base}/latest.html"),
        version: format!("{base}/v1.html"),
    })
}

/// Throughput and latency of cached pages against the floors (a constant worker, a Cache-API-only
/// worker) and nginx; the cost of one uncached render; the change log and the feed of a long
/// history.
pub fn edge(f: &mut Figures, edge: &str, nginx: &StaticCopy, p: &Paths, dir: &Path) -> Result {
    let lua = dir.join("cold.lua");
    cmd::write(&lua, wrk::COLD_LUA)?;
    for path in [&p.latest, &p.version, &p.synthetic] {
        f.page_bytes
            .push((path.clone(), servers::get(edge, path)?.len()));
    }
    // Warm the edge's caches, workerd's JIT and the floors before any round.
    let warm = Load {
        connections: 4,
        seconds: 2,
    };
    for url in [&p.latest, &p.version, &p.synthetic] {
        wrk::run(&format!("{edge}{url}"), warm, None)?;
    }
    for floor in [&p.constant, &p.cache_only] {
        wrk::run(&format!("{floor}{}", p.latest), warm, None)?;
    }

    cmd::step("cached pages vs the floors and nginx (wrk, interleaved rounds)");
    let mut runs: [Vec<Run>; 6] = Default::default();
    for _ in 0..ROUNDS {
        let urls = [
            format!("{}{}", p.constant, p.latest),
            format!("{}{}", p.cache_only, p.latest),
            format!("{edge}{}", p.latest),
            format!("{edge}{}", p.version),
            nginx.latest.clone(),
            nginx.version.clone(),
        ];
        for (i, url) in urls.iter().enumerate() {
            runs[i].push(wrk::run(url, wrk::THROUGHPUT, None)?);
        }
    }
    f.warm
        .push(Compared::new("latest notice page", &runs[2], &runs[4]));
    f.warm.push(Compared::new(
        "immutable version page (/v/1)",
        &runs[3],
        &runs[5],
    ));
    f.floors = Some(Floors {
        constant: wrk::median(&runs[0]),
        cache_only: wrk::median(&runs[1]),
        latest: wrk::median(&runs[2]),
        version: wrk::median(&runs[3]),
        nginx: wrk::median(&runs[4]),
    });

    cmd::step("one uncached render: serial latency, miss minus hit");
    // Each miss request asks for a version page of the largest example never rendered before
    // (`/bench/cold/v/{n}`, a fresh n per request and per round); each hit, the same notice's
    // latest page, held in the isolate's memory.
    let per_round = p.cold_versions / ROUNDS as u32;
    let (mut hit, mut miss) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS as u32 {
        hit.push(wrk::run(&format!("{edge}{}", p.latest), wrk::SERIAL, None)?);
        let arg = format!("/{}/v/ {} {}", p.cold, round * per_round + 1, per_round);
        miss.push(wrk::run(
            &format!("{edge}/"),
            wrk::SERIAL_MISS,
            Some((&lua, &arg)),
        )?);
    }
    f.serial.push(Serial {
        name: "largest example".into(),
        bench: "render/capricode-viestintaratkaisut".into(),
        hit: wrk::median(&hit),
        miss: wrk::median(&miss),
    });

    cmd::step("change log and Atom feed: 3 versions vs a long history (serial, cached)");
    let long = format!("/{}", p.long);
    for (name, suffix) in [
        ("change log page, cached", "/history"),
        ("Atom feed, cached", "/feed.atom"),
    ] {
        let (mut short, mut many) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            short.push(wrk::run(
                &format!("{edge}{}{suffix}", p.short),
                wrk::SERIAL,
                None,
            )?);
            many.push(wrk::run(
                &format!("{edge}{long}{suffix}"),
                wrk::SERIAL,
                None,
            )?);
        }
        let bytes = servers::get(edge, &format!("{long}{suffix}"))?.len();
        f.long
            .push((name.into(), wrk::median(&short), wrk::median(&many), bytes));
    }
    Ok(())
}

/// What `tests/bench/widget.mjs` measures, per load: milliseconds to a readable notice and the
/// bytes (brotli) downloaded before it, for the widget and for the edge's page in an iframe.
#[derive(serde::Deserialize)]
pub struct Loads {
    pub widget: Vec<f64>,
    pub iframe: Vec<f64>,
    pub widget_bytes: Vec<f64>,
    pub iframe_bytes: Vec<f64>,
}

/// Time to a readable notice in headless Chrome, widget vs the edge's page in an iframe (20 loads
/// of each; used by the full run and by `cargo xtask bench widget`).
pub fn loads(edge: &str, notice: &str, chrome: &Path) -> Result<Loads> {
    cmd::step("widget vs iframe in headless Chrome (20 loads each, alternating)");
    let out = output(
        Command::new("node")
            .arg(root().join("tests/bench/widget.mjs"))
            .args([edge, notice, "20"])
            .current_dir(root())
            .env("CHROME", chrome),
    )
    .context("tests/bench/widget.mjs failed")?;
    serde_json::from_str(out.trim())
        .with_context(|| format!("tests/bench/widget.mjs printed `{}`", out.trim()))
}

/// The widget's figures for BENCHMARKS.md.
pub fn widget(f: &mut Figures, edge: &str, notice: &str) -> Result {
    f.widget_loads = Some(loads(edge, notice, &super::programs().chrome)?);
    Ok(())
}

/// Transfer sizes of the widget bundle and the worker.
pub fn sizes(f: &mut Figures) -> Result {
    let dist = root().join("widget/dist");
    f.widget_sizes = widget::measure(&[&dist.join("seloste.js"), &dist.join("seloste_bg.wasm")])?;
    f.worker_size = widget::measure(&[&super::worker_wasm()])?.pop();
    Ok(())
}

/// The criterion benchmarks (benches/), run after the servers have stopped, and the sizes of
/// what the growth benchmarks render.
pub fn criterion(f: &mut Figures) -> Result {
    cmd::step("criterion benchmarks (cargo bench -p seloste-benches)");
    cmd::run(cmd::cargo().args(["bench", "--quiet", "-p", "seloste-benches"]))?;
    let dir = root().join("target/criterion");
    let mut render: Vec<(String, f64)> = std::fs::read_dir(dir.join("render"))
        .context("target/criterion/render")?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("new/estimates.json").is_file())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            Some((name.clone(), median_ns(&dir.join("render").join(&name))?))
        })
        .collect();
    render.sort_by(|a, b| a.0.cmp(&b.0));
    f.render = render;
    let sizes = output(&mut Command::new(&f.sizes_bin)).context("bench-sizes failed")?;
    for line in sizes.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [group, param, bytes] = cols[..] {
            f.growth.push(Growth {
                group: group.into(),
                param: param.parse().unwrap_or(0),
                ns: median_ns(&dir.join(group).join(param)).unwrap_or(f64::NAN),
                bytes: bytes.parse().unwrap_or(0),
            });
        }
    }
    Ok(())
}

/// Criterion's median estimate (nanoseconds) of the benchmark in `dir`.
pub fn median_ns(dir: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join("new/estimates.json")).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}
