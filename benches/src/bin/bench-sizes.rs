//! Prints the size in bytes of what the growth benchmarks render (tab-separated:
//! `group`, `parameter`, `bytes`), for BENCHMARKS.md's "how cost grows" table.
//!
//! `bench-sizes notice K ID` instead prints the notice K times the largest example, with id `ID`,
//! for `cargo xtask bench` to publish to the edge.

use seloste_benches::{
    long_history, render_feed, render_history, render_notice, scaled_notice, scaled_notice_json,
    HISTORY_LENGTHS, NOTICE_SCALES,
};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [cmd, k, id] = &args[..] {
        if cmd == "notice" {
            let mut v: serde_json::Value =
                serde_json::from_str(&scaled_notice_json(k.parse().expect("K"))).unwrap();
            v["id"] = id.as_str().into();
            println!("{v}");
            return;
        }
    }
    for k in NOTICE_SCALES {
        println!(
            "notice-size\t{k}\t{}",
            render_notice(&scaled_notice(k)).len()
        );
    }
    for n in HISTORY_LENGTHS {
        let h = long_history(n);
        println!("history-page\t{n}\t{}", render_history(&h).len());
        println!("atom-feed\t{n}\t{}", render_feed(&h).len());
    }
}
