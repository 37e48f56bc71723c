//! The server's clock. Inside a Worker, `Date.now()` is the time of the request's arrival (the
//! runtime freezes it during execution, against timing attacks), which is exactly what a publish
//! records as its `received_at`.

use seloste_schema::Date;

/// Milliseconds since the Unix epoch, as the runtime reports them.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> u64 {
    worker::Date::now().as_millis()
}

/// The UTC calendar day of a Unix time in milliseconds.
pub fn utc_date(ms: u64) -> Date {
    let t = utc(ms);
    Date::from_ymd(t.year(), t.month() as u8, t.day()).expect("a real day")
}

/// RFC 3339 UTC with milliseconds: `2025-06-01T12:34:56.789Z`.
pub fn rfc3339(ms: u64) -> String {
    let t = utc(ms);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        ms % 1000
    )
}

/// Whether a version stated as published on `published` (YYYY-MM-DD) was received later
/// (`received_at`, RFC 3339): then readers are told both.
pub fn backdated(published: &str, received_at: &str) -> bool {
    received_at.get(..10).is_some_and(|day| published < day)
}

fn utc(ms: u64) -> time::OffsetDateTime {
    let secs = i64::try_from(ms / 1000).unwrap_or(0);
    time::OffsetDateTime::from_unix_timestamp(secs).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_unix_milliseconds_to_utc() {
        // 2024-02-29T23:59:59.123Z
        let ms = 1_709_251_199_123;
        assert_eq!(utc_date(ms).to_string(), "2024-02-29");
        assert_eq!(rfc3339(ms), "2024-02-29T23:59:59.123Z");
        assert_eq!(utc_date(0).to_string(), "1970-01-01");
    }

    #[test]
    fn a_version_is_backdated_when_stated_before_the_day_it_arrived() {
        assert!(backdated("2019-01-01", "2025-06-01T12:00:00.000Z"));
        assert!(!backdated("2025-06-01", "2025-06-01T23:59:59.999Z"));
        assert!(!backdated("2025-06-01", ""));
    }
}
