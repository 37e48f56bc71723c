//! The figures of one run and `BENCHMARKS.md` made from them.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::wrk::{self, Run};
use crate::cmd::{self, root, Result};
use crate::widget::Size;

/// A subject and its anchor, each the median of interleaved rounds.
pub struct Compared {
    pub name: String,
    pub edge: Run,
    pub nginx: Run,
}

impl Compared {
    pub fn new(name: &str, edge: &[Run], nginx: &[Run]) -> Self {
        Compared {
            name: name.into(),
            edge: wrk::median(edge),
            nginx: wrk::median(nginx),
        }
    }
}

/// Cached pages beside the runtime's floors: the median of each, from the same interleaved rounds.
pub struct Floors {
    /// A worker answering the page's bytes from a constant.
    pub constant: Run,
    /// A worker answering them from the Cache API only.
    pub cache_only: Run,
    pub latest: Run,
    pub version: Run,
    pub nginx: Run,
}

/// Serial latency of cache hits and misses of one page, and the native criterion benchmark of
/// the same render.
pub struct Serial {
    pub name: String,
    pub bench: String,
    pub hit: Run,
    pub miss: Run,
}

/// One point of a growth curve: render time (criterion median) and output size.
pub struct Growth {
    pub group: String,
    pub param: u64,
    pub ns: f64,
    pub bytes: u64,
}

pub struct Figures {
    pub sizes_bin: PathBuf,
    pub machine: Vec<(&'static str, String)>,
    pub page_bytes: Vec<(String, usize)>,
    pub warm: Vec<Compared>,
    pub floors: Option<Floors>,
    pub serial: Vec<Serial>,
    /// Name, 3-version notice, long history, bytes at the long history.
    pub long: Vec<(String, Run, Run, usize)>,
    pub widget_sizes: Vec<Size>,
    pub worker_size: Option<Size>,
    pub widget_loads: Option<super::measure::Loads>,
    pub render: Vec<(String, f64)>,
    pub growth: Vec<Growth>,
    /// The editor's figures (`bench/editor.rs`).
    pub editor: Option<super::editor::Figures>,
}

impl Figures {
    /// Empty figures, with the machine and the versions of everything measured.
    pub fn new(sizes_bin: &Path) -> Result<Figures> {
        Ok(Figures {
            sizes_bin: sizes_bin.to_path_buf(),
            machine: machine(),
            page_bytes: Vec::new(),
            warm: Vec::new(),
            floors: None,
            serial: Vec::new(),
            long: Vec::new(),
            widget_sizes: Vec::new(),
            worker_size: None,
            widget_loads: None,
            render: Vec::new(),
            growth: Vec::new(),
            editor: None,
        })
    }

    /// Adds the load average at the end of the run: with the one at the start, it shows how busy
    /// the machine was while it was measured.
    pub fn machine_after(&mut self) {
        self.machine
            .insert(3, ("load average at end (1, 5, 15 min)", load_average()));
    }
}

/// The first line a command prints on stdout or stderr, whatever its exit status.
fn version(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| {
            let text = [o.stdout, o.stderr].concat();
            String::from_utf8_lossy(&text)
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('['))
                .unwrap_or("?")
                .to_owned()
        })
        .unwrap_or_else(|_| "not found".into())
}

fn npm_version(package: &str) -> String {
    let path = root()
        .join("node_modules")
        .join(package)
        .join("package.json");
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|p| p["version"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// The 1, 5 and 15 minute load averages (Linux and macOS), or `?`.
fn load_average() -> String {
    if let Ok(l) = std::fs::read_to_string("/proc/loadavg") {
        return l.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    }
    // macOS: `{ 1.23 1.10 0.98 }`
    cmd::output(Command::new("sysctl").args(["-n", "vm.loadavg"]))
        .map(|s| {
            s.trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
                .to_owned()
        })
        .unwrap_or_else(|| "?".into())
}

/// The CPU's model name (Linux and macOS), or `?`.
fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .or_else(|| cmd::output(Command::new("sysctl").args(["-n", "machdep.cpu.brand_string"])))
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "?".into())
}

/// The machine as measured at the start of the run: what the figures were measured on, whatever
/// machine that is.
fn machine() -> Vec<(&'static str, String)> {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let p = super::programs();
    vec![
        ("date (UTC)", version("date", &["-u", "+%Y-%m-%d %H:%M"])),
        ("CPU", format!("{}, {cores} cores available", cpu_model())),
        ("load average at start (1, 5, 15 min)", load_average()),
        ("OS", version("uname", &["-sr"])),
        ("rustc", version("rustc", &["--version"])),
        ("node", version("node", &["--version"])),
        ("workerd (npm)", npm_version("workerd")),
        ("miniflare (npm)", npm_version("miniflare")),
        ("wrk", version(&p.wrk.to_string_lossy(), &["-v"])),
        ("nginx", version(&p.nginx.to_string_lossy(), &["-v"])),
        (
            "Chrome",
            version(&p.chrome.to_string_lossy(), &["--version"]),
        ),
        ("playwright-core (npm)", npm_version("playwright-core")),
    ]
}

fn ms(v: f64) -> String {
    if v < 1.0 {
        format!("{:.0} µs", v * 1000.0)
    } else {
        format!("{v:.2} ms")
    }
}

fn ns(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else if v < 1e6 {
        format!("{:.0} µs", v / 1e3)
    } else {
        format!("{:.2} ms", v / 1e6)
    }
}

/// A ratio, with enough digits to tell small ones apart, and its inverse when below 1.
fn ratio(r: f64) -> String {
    if r >= 0.995 {
        format!("{r:.2}")
    } else {
        format!("{r:.4} (1/{:.0})", 1.0 / r)
    }
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1024.0)
}

/// The report. Prose that explains a method lives in `report_text.rs`, beside the numbers.
pub fn markdown(f: &Figures) -> String {
    let mut md = String::new();
    let mut p = |s: String| {
        md.push_str(&s);
        md.push('\n');
    };
    p(super::text::INTRO.into());
    p("| | |\n|---|---|".into());
    for (k, v) in &f.machine {
        p(format!("| {k} | {v} |"));
    }

    p(super::text::EDGE.into());
    for (path, bytes) in &f.page_bytes {
        p(format!("- `{path}`: {bytes} bytes of HTML"));
    }
    p("\n| page (cache warm) | edge req/s | nginx req/s | edge / nginx | edge p50 | nginx p50 | edge p99 | nginx p99 |\n|---|---:|---:|---:|---:|---:|---:|---:|".into());
    for c in &f.warm {
        p(format!(
            "| {} | {:.0} | {:.0} | **{}** | {} | {} | {} | {} |",
            c.name,
            c.edge.rps,
            c.nginx.rps,
            ratio(c.edge.rps / c.nginx.rps),
            ms(c.edge.p50),
            ms(c.nginx.p50),
            ms(c.edge.p99),
            ms(c.nginx.p99)
        ));
    }
    if let Some(fl) = &f.floors {
        p(super::text::FLOORS.into());
        p("| server (the same page) | req/s | p50 | p99 | vs constant worker | vs Cache-API worker |\n|---|---:|---:|---:|---:|---:|".into());
        for (name, r) in [
            ("worker answering from a constant (floor)", &fl.constant),
            ("worker answering from the Cache API only", &fl.cache_only),
            ("**Seloste, latest notice page, cached**", &fl.latest),
            ("**Seloste, `/v/1`, cached**", &fl.version),
            ("nginx, static file", &fl.nginx),
        ] {
            p(format!(
                "| {name} | {:.0} | {} | {} | **{}** | {} |",
                r.rps,
                ms(r.p50),
                ms(r.p99),
                ratio(r.rps / fl.constant.rps),
                ratio(r.rps / fl.cache_only.rps)
            ));
        }
    }

    p(super::text::RENDER.into());
    p("| example (parse + validate + render a full page) | native median |\n|---|---:|".into());
    for (name, v) in &f.render {
        p(format!("| `{name}` | {} |", ns(*v)));
    }
    p(super::text::CPU.into());
    p("| notice | serial p50, cache hit | serial p50, cache miss | miss − hit (≈ one uncached render in workerd, upper bound) | same render natively | share of the 10 ms free-plan CPU limit |\n|---|---:|---:|---:|---:|---:|".into());
    for s in &f.serial {
        let extra = s.miss.p50 - s.hit.p50;
        let native = f
            .render
            .iter()
            .find(|(n, _)| s.bench.ends_with(n.as_str()))
            .map(|x| x.1);
        p(format!(
            "| {} | {} | {} | **{}** | {} | {:.0} % |",
            s.name,
            ms(s.hit.p50),
            ms(s.miss.p50),
            ms(extra),
            native.map_or("—".into(), ns),
            extra / 10.0 * 100.0
        ));
    }

    p(super::text::WIDGET.into());
    p("| file | raw | gzip | brotli |\n|---|---:|---:|---:|".into());
    for s in f.widget_sizes.iter().chain(f.worker_size.iter()) {
        p(format!(
            "| `{}` | {} | {} | {} |",
            s.name,
            kb(s.raw as f64),
            kb(s.gzip as f64),
            kb(s.brotli as f64)
        ));
    }
    let sum = |g: fn(&Size) -> u64| f.widget_sizes.iter().map(g).sum::<u64>() as f64;
    p(format!(
        "| **widget total (JS + wasm)** | **{}** | **{}** | **{}** |",
        kb(sum(|s| s.raw)),
        kb(sum(|s| s.gzip)),
        kb(sum(|s| s.brotli))
    ));
    if let Some(l) = &f.widget_loads {
        p(widget_time(l));
    }

    if let Some(editor) = &f.editor {
        p(super::editor::markdown(editor));
    }

    p(super::text::GROWTH.into());
    for (group, title, unit) in [
        (
            "notice-size",
            "Notice page against notice size",
            "× largest example",
        ),
        (
            "history-page",
            "Change log page (one page) against history length",
            "versions",
        ),
        ("atom-feed", "Atom feed against history length", "versions"),
    ] {
        p(format!("\n**{title}**\n\n| {unit} | render (median) | per unit | HTML/XML size |\n|---:|---:|---:|---:|"));
        for g in f.growth.iter().filter(|g| g.group == group) {
            p(format!(
                "| {} | {} | {} | {} |",
                g.param,
                ns(g.ns),
                ns(g.ns / g.param as f64),
                kb(g.bytes as f64)
            ));
        }
        let pts: Vec<&Growth> = f.growth.iter().filter(|g| g.group == group).collect();
        if let [.., a, b] = pts[..] {
            let k = (b.param as f64 / a.param as f64).ln();
            p(format!(
                "\nFrom {} to {} {unit}: time × {:.1}, size × {:.1}; observed exponent of time {:.2} (1 = linear, 0 = constant).",
                a.param,
                b.param,
                b.ns / a.ns,
                b.bytes as f64 / a.bytes as f64,
                (b.ns / a.ns).ln() / k
            ));
        }
    }
    p(super::text::LONG.into());
    p("| page | 3 versions: serial p50 | 1000 versions: serial p50 | ratio | size at 1000 |\n|---|---:|---:|---:|---:|".into());
    for (name, short, long, bytes) in &f.long {
        p(format!(
            "| {name} | {} | {} | {:.1} | {} |",
            ms(short.p50),
            ms(long.p50),
            long.p50 / short.p50,
            kb(*bytes as f64)
        ));
    }
    p(super::text::OUTRO.into());
    md
}

/// The table of the widget's time to a readable notice and the bytes before it, beside the iframe.
fn widget_time(l: &super::measure::Loads) -> String {
    let m = |v: &[f64]| wrk::median_of(v.to_vec());
    let p90 = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v.get(v.len() * 9 / 10).copied().unwrap_or(f64::NAN)
    };
    let (w, i) = (m(&l.widget), m(&l.iframe));
    let row = |name: &str, v: &[f64], bytes: &[f64], ratio: String| {
        format!(
            "| {name} | {} | {} | {} | {ratio} | {} |",
            v.len(),
            ms(m(v)),
            ms(p90(v)),
            kb(m(bytes))
        )
    };
    [
        super::text::WIDGET_TIME.to_owned(),
        "| | loads | median | p90 | vs iframe | bytes before readable (brotli, median) |\n\
         |---|---:|---:|---:|---:|---:|"
            .to_owned(),
        row(
            "widget (script tag → notice readable)",
            &l.widget,
            &l.widget_bytes,
            format!("**{:.2}**", w / i),
        ),
        row(
            "edge's HTML page in an iframe (reference)",
            &l.iframe,
            &l.iframe_bytes,
            "1.00".to_owned(),
        ),
    ]
    .join("\n")
}
