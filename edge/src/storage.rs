//! D1: the record of every published version (`migrations/0001_versions.sql`, with who published
//! it from `0002_keys.sql`).
//!
//! What D1 really does matters here. A D1 database is one SQLite database behind a single writer:
//! each statement runs atomically, one after another. So the next version number is computed *inside*
//! the `INSERT` (`SELECT COALESCE(MAX(number), 0) + 1 …`): two concurrent publishes of one notice
//! become consecutive versions, never the same number, never a gap. A read-then-write in two awaits
//! would race (another request runs between them) and lose versions to primary-key conflicts.
//!
//! Bindings are `JsValue`s: numbers must be bound as `f64`/`i32` (an `i64` becomes a BigInt, which
//! D1 refuses), `NULL` as `JsValue::NULL`. Rows come back as JS objects, numbers as JS numbers.

use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, Env, Result};

use seloste_schema::api::NoticeId;
use seloste_schema::changelog::PAGE_SIZE;
use seloste_schema::{ChangeLog, Date, Notice, Text, Version};

use crate::feed::Entry;
use crate::html::IndexEntry;
use crate::submission::Submission;

/// The D1 binding's name in `wrangler.toml`.
pub const BINDING: &str = "DB";

/// The published versions of every notice.
pub struct Store {
    db: D1Database,
}

/// What a page needs to know before deciding whether it must render: which version, and which
/// languages it has (to choose one, and so the cache key).
#[derive(Debug, Clone)]
pub struct Head {
    pub number: u32,
    pub languages: Vec<String>,
}

/// A version with its pin: the SHA-256 of its canonical JSON, computed from the JSON text as
/// stored ([`seloste_schema::pin::stored_version_hash`]), so it never depends on how a later
/// release would serialise the notice.
#[derive(Debug, Clone)]
pub struct Pinned {
    pub version: Version,
    pub hash: String,
}

/// A version without its notice: the API's list of versions.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VersionInfo {
    pub number: u32,
    pub published: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    pub summary: Text,
    /// When the edge received it (RFC 3339 UTC): `published` is as the organisation stated it.
    pub received_at: String,
    /// The key that published it; absent for the operator token and for versions published
    /// before keys existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// That key's label (`operator` for the operator token).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_label: Option<String>,
    /// The stated publication date is before the day the edge received it: readers see the date
    /// as the organisation stated it, and when it really arrived.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub backdated: bool,
}

/// When the edge received a version (the feed shows it beside the stated date).
#[derive(Debug, Clone, Deserialize)]
pub struct Receipt {
    pub number: f64,
    pub received_at: String,
}

/// The outcome of [`Store::append`].
#[derive(Debug)]
pub enum Appended {
    /// Stored as this version number.
    Number(u32),
    /// Refused: the latest version was published on this later date.
    BeforeLatest(Date),
    /// Refused: the request's `base` is no longer the latest version, which is this one (`0`: the
    /// notice has none).
    Outdated(u32),
    /// Refused: another publish took the number at the same moment, even after retrying.
    Conflict,
}

#[derive(Deserialize)]
struct HeadRow {
    number: f64,
    languages: Option<String>,
}

#[derive(Deserialize)]
struct VersionRow {
    number: f64,
    published: String,
    effective: Option<String>,
    summary: String,
    document: Option<String>,
}

#[derive(Deserialize)]
struct InfoRow {
    number: f64,
    published: String,
    effective: Option<String>,
    summary: String,
    received_at: String,
    key_id: Option<String>,
    key_label: Option<String>,
}

#[derive(Deserialize)]
struct CountRow {
    n: f64,
}

#[derive(Deserialize)]
struct IndexRow {
    notice: String,
    number: f64,
    published: String,
    title: Option<String>,
    main_language: Option<String>,
    organisation: Option<String>,
}

#[derive(Deserialize)]
struct FeedRow {
    number: f64,
    published: String,
    summary: String,
    received_at: String,
    title: Option<String>,
    author: Option<String>,
}

#[derive(Deserialize)]
struct PinRow {
    number: f64,
}

/// Versions whose pins are written per statement while filling in missing ones.
const PIN_BATCH: u32 = 20;

#[derive(Deserialize)]
struct NumberRow {
    number: f64,
}

#[derive(Deserialize)]
struct LatestRow {
    number: Option<f64>,
    published: Option<String>,
}

impl Store {
    pub fn open(env: &Env) -> Result<Self> {
        Ok(Store {
            db: env.d1(BINDING)?,
        })
    }

    /// Whether the database answers at all (for `/healthz`).
    pub async fn ping(&self) -> Result<()> {
        self.db
            .prepare("SELECT 1 AS one")
            .first::<serde_json::Value>(None)
            .await?;
        Ok(())
    }

    /// The latest version's number and languages, `None` if the notice was never published.
    pub async fn latest_head(&self, id: &NoticeId) -> Result<Option<Head>> {
        let row = self
            .db
            .prepare(
                "SELECT number, json_extract(document, '$.languages') AS languages \
                 FROM versions WHERE notice = ?1 ORDER BY number DESC LIMIT 1",
            )
            .bind(&[id.to_string().into()])?
            .first::<HeadRow>(None)
            .await?;
        Ok(row.map(head))
    }

    /// Version `n`'s number and languages, `None` if it does not exist.
    pub async fn version_head(&self, id: &NoticeId, n: u32) -> Result<Option<Head>> {
        let row = self
            .db
            .prepare(
                "SELECT number, json_extract(document, '$.languages') AS languages \
                 FROM versions WHERE notice = ?1 AND number = ?2",
            )
            .bind(&[id.to_string().into(), number(n)])?
            .first::<HeadRow>(None)
            .await?;
        Ok(row.map(head))
    }

    /// Version `n` with its notice.
    pub async fn version(&self, id: &NoticeId, n: u32) -> Result<Option<Version>> {
        Ok(self.pinned(id, n).await?.map(|p| p.version))
    }

    /// Version `n` with its notice and its pin.
    pub async fn pinned(&self, id: &NoticeId, n: u32) -> Result<Option<Pinned>> {
        let row = self
            .db
            .prepare(
                "SELECT number, published, effective, summary, document \
                 FROM versions WHERE notice = ?1 AND number = ?2",
            )
            .bind(&[id.to_string().into(), number(n)])?
            .first::<VersionRow>(None)
            .await?;
        row.map(pinned).transpose()
    }

    /// The number of the version of `id` whose pin is `hash`, if there is one. Pins missing from
    /// the index (versions stored before it existed) are written first, a batch at a time.
    pub async fn number_of_hash(&self, id: &NoticeId, hash: &str) -> Result<Option<u32>> {
        if let Some(n) = self.indexed_hash(id, hash).await? {
            return Ok(Some(n));
        }
        if !self.index_missing_pins(id).await? {
            return Ok(None);
        }
        self.indexed_hash(id, hash).await
    }

    async fn indexed_hash(&self, id: &NoticeId, hash: &str) -> Result<Option<u32>> {
        let row = self
            .db
            .prepare("SELECT number FROM pins WHERE notice = ?1 AND sha256 = ?2")
            .bind(&[id.to_string().into(), hash.into()])?
            .first::<PinRow>(None)
            .await?;
        Ok(row.map(|r| r.number as u32))
    }

    /// Writes the pins of every version of `id` that has none; whether there were any.
    async fn index_missing_pins(&self, id: &NoticeId) -> Result<bool> {
        let mut any = false;
        loop {
            let rows = self
                .db
                .prepare(
                    "SELECT number, published, effective, summary, document FROM versions v \
                     WHERE notice = ?1 AND NOT EXISTS \
                       (SELECT 1 FROM pins p WHERE p.notice = v.notice AND p.number = v.number) \
                     ORDER BY number LIMIT ?2",
                )
                .bind(&[id.to_string().into(), number(PIN_BATCH)])?
                .all()
                .await?
                .results::<VersionRow>()?;
            if rows.is_empty() {
                return Ok(any);
            }
            any = true;
            for r in rows {
                let n = r.number as u32;
                self.write_pin(id, n, &row_hash(&r)?).await?;
            }
        }
    }

    /// Records version `n`'s pin (once: a second write of the same pin is ignored).
    pub async fn write_pin(&self, id: &NoticeId, n: u32, hash: &str) -> Result<()> {
        self.db
            .prepare("INSERT OR IGNORE INTO pins (notice, number, sha256) VALUES (?1, ?2, ?3)")
            .bind(&[id.to_string().into(), number(n), hash.into()])?
            .run()
            .await?;
        Ok(())
    }

    /// Versions `first..=last`, oldest first: what one page of the change log or the feed needs,
    /// so their cost does not grow with the length of the history.
    pub async fn range(&self, id: &NoticeId, first: u32, last: u32) -> Result<Vec<Version>> {
        let rows = self
            .db
            .prepare(
                "SELECT number, published, effective, summary, document \
                 FROM versions WHERE notice = ?1 AND number BETWEEN ?2 AND ?3 ORDER BY number",
            )
            .bind(&[id.to_string().into(), number(first), number(last)])?
            .all()
            .await?
            .results::<VersionRow>()?;
        rows.into_iter().map(version).collect()
    }

    /// One page of the change log of `id` whose latest version is `latest`: just the versions the
    /// page shows (plus the one before them) and the latest version, never the whole history.
    pub async fn changelog(
        &self,
        id: &NoticeId,
        latest: u32,
        lang: &str,
        from: Option<u32>,
    ) -> Result<Option<ChangeLog>> {
        let (first, newest) = ChangeLog::window(latest, from, PAGE_SIZE);
        let window = self.range(id, first, newest).await?;
        let head = match window.last() {
            Some(v) if v.number == latest => v.clone(),
            _ => match self.version(id, latest).await? {
                Some(v) => v,
                None => return Ok(None),
            },
        };
        let receipts = self
            .receipts(id, first, newest)
            .await?
            .into_iter()
            .filter_map(|r| {
                let day = Date::parse(r.received_at.get(..10)?).ok()?;
                Some((r.number as u32, day))
            })
            .collect::<Vec<_>>();
        let mut log = ChangeLog::from_window(
            &id.to_string(),
            &head,
            &window,
            lang,
            from,
            PAGE_SIZE,
            seloste_widget::i18n::place,
        )
        .with_receipts(&receipts);
        crate::bounds::cap_changelog(&mut log, crate::bounds::MAX_CHANGES_PER_ENTRY);
        Ok(Some(log))
    }

    /// Every version's number, dates, summary and receipt, oldest first (no documents).
    pub async fn versions(&self, id: &NoticeId) -> Result<Vec<VersionInfo>> {
        let rows = self
            .db
            .prepare(
                "SELECT number, published, effective, summary, received_at, key_id, key_label \
                 FROM versions WHERE notice = ?1 ORDER BY number",
            )
            .bind(&[id.to_string().into()])?
            .all()
            .await?
            .results::<InfoRow>()?;
        rows.into_iter()
            .map(|r| {
                Ok(VersionInfo {
                    number: r.number as u32,
                    backdated: crate::clock::backdated(&r.published, &r.received_at),
                    published: date(&r.published)?,
                    effective: r.effective.as_deref().map(date).transpose()?,
                    summary: json(&r.summary)?,
                    received_at: r.received_at,
                    key_id: r.key_id,
                    key_label: r.key_label,
                })
            })
            .collect()
    }

    /// What the feed shows of versions `first..=last` (oldest first), with when each was received,
    /// and the latest one's organisation: the titles and summaries alone, never whole notices.
    pub async fn feed_entries(
        &self,
        id: &NoticeId,
        first: u32,
        last: u32,
    ) -> Result<(Vec<(Entry, String)>, String)> {
        let rows = self
            .db
            .prepare(
                "SELECT number, published, summary, received_at, \
                        json_extract(document, '$.title') AS title, \
                        json_extract(document, '$.organisation.name') AS author \
                 FROM versions WHERE notice = ?1 AND number BETWEEN ?2 AND ?3 ORDER BY number",
            )
            .bind(&[id.to_string().into(), number(first), number(last)])?
            .all()
            .await?
            .results::<FeedRow>()?;
        let author = rows
            .last()
            .and_then(|r| r.author.clone())
            .unwrap_or_default();
        let entries = rows
            .into_iter()
            .map(|r| {
                Ok((
                    Entry {
                        number: r.number as u32,
                        published: date(&r.published)?,
                        title: json(r.title.as_deref().unwrap_or("{}"))?,
                        summary: json(&r.summary)?,
                    },
                    r.received_at,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((entries, author))
    }

    /// When versions `first..=last` were received, oldest first.
    pub async fn receipts(&self, id: &NoticeId, first: u32, last: u32) -> Result<Vec<Receipt>> {
        self.db
            .prepare(
                "SELECT number, received_at FROM versions \
                 WHERE notice = ?1 AND number BETWEEN ?2 AND ?3 ORDER BY number",
            )
            .bind(&[id.to_string().into(), number(first), number(last)])?
            .all()
            .await?
            .results::<Receipt>()
    }

    /// Whether `id` has a version dated the day it was received (not an imported one): after
    /// that, only the operator may backdate.
    pub async fn has_current_version(&self, id: &NoticeId) -> Result<bool> {
        let row = self
            .db
            .prepare(
                "SELECT COUNT(*) AS n FROM versions \
                 WHERE notice = ?1 AND published >= substr(received_at, 1, 10)",
            )
            .bind(&[id.to_string().into()])?
            .first::<CountRow>(None)
            .await?;
        Ok(row.is_some_and(|r| r.n > 0.0))
    }

    /// Every notice with its latest version, by id.
    pub async fn index(&self) -> Result<Vec<IndexEntry>> {
        let rows = self
            .db
            .prepare(
                "SELECT v.notice, v.number, v.published, \
                        json_extract(v.document, '$.title') AS title, \
                        json_extract(v.document, '$.languages[0]') AS main_language, \
                        json_extract(v.document, '$.organisation.name') AS organisation \
                 FROM versions v \
                 JOIN (SELECT notice, MAX(number) AS latest FROM versions GROUP BY notice) l \
                   ON v.notice = l.notice AND v.number = l.latest \
                 ORDER BY v.notice",
            )
            .all()
            .await?
            .results::<IndexRow>()?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let title: Text = r
                    .title
                    .as_deref()
                    .and_then(|t| serde_json::from_str(t).ok())
                    .unwrap_or_default();
                IndexEntry {
                    title: title
                        .get(r.main_language.as_deref().unwrap_or("fi"))
                        .to_owned(),
                    id: r.notice,
                    organisation: r.organisation.unwrap_or_default(),
                    latest: r.number as u32,
                    published: r.published,
                }
            })
            .collect())
    }

    /// Appends a submission as the notice's next version, atomically: the number is `MAX + 1`,
    /// and the date rule (not before the latest version's) and the request's `base` (when given,
    /// still the latest number) are checked in the same statement, so that of two tabs publishing
    /// on the same base exactly one succeeds. `received_at` is the server's clock (RFC 3339);
    /// `key_id` and `key_label` say who published.
    pub async fn append(
        &self,
        id: &NoticeId,
        s: &Submission,
        received_at: &str,
        key_id: Option<&str>,
        key_label: &str,
    ) -> Result<Appended> {
        let statement = self
            .db
            .prepare(
                "INSERT INTO versions \
                   (notice, number, published, effective, summary, document, received_at, \
                    key_id, key_label) \
                 SELECT ?1, COALESCE(latest.number, 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 \
                 FROM (SELECT MAX(number) AS number, MAX(published) AS published \
                       FROM versions WHERE notice = ?1) AS latest \
                 WHERE (latest.published IS NULL OR latest.published <= ?2) \
                   AND (?9 IS NULL OR COALESCE(latest.number, 0) = ?9) \
                 RETURNING number",
            )
            .bind(&[
                id.to_string().into(),
                s.published.to_string().into(),
                s.effective()
                    .map_or(JsValue::NULL, |d| JsValue::from(d.to_string())),
                s.summary_json().into(),
                s.document_json().into(),
                received_at.into(),
                key_id.map_or(JsValue::NULL, JsValue::from),
                key_label.into(),
                s.request.base.map_or(JsValue::NULL, number),
            ])?;
        // D1 runs statements one at a time, so a conflict should never happen; should the
        // platform ever run two at once, the primary key refuses the duplicate and we try again.
        for _ in 0..3 {
            match statement.first::<NumberRow>(None).await {
                Ok(Some(row)) => return Ok(Appended::Number(row.number as u32)),
                Ok(None) => {
                    // Which rule refused it: the base first (the author must see the other
                    // change before anything else matters), then the date.
                    let latest = self
                        .db
                        .prepare(
                            "SELECT MAX(number) AS number, MAX(published) AS published \
                             FROM versions WHERE notice = ?1",
                        )
                        .bind(&[id.to_string().into()])?
                        .first::<LatestRow>(None)
                        .await?;
                    let number = latest.as_ref().and_then(|r| r.number).unwrap_or(0.0) as u32;
                    if s.request.base.is_some_and(|base| base != number) {
                        return Ok(Appended::Outdated(number));
                    }
                    return match latest.and_then(|r| r.published) {
                        Some(d) => Ok(Appended::BeforeLatest(date(&d)?)),
                        None => Ok(Appended::Conflict),
                    };
                }
                Err(e) if e.to_string().contains("UNIQUE constraint failed") => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(Appended::Conflict)
    }
}

fn number(n: u32) -> JsValue {
    JsValue::from(f64::from(n))
}

fn head(r: HeadRow) -> Head {
    Head {
        number: r.number as u32,
        languages: r
            .languages
            .as_deref()
            .and_then(|l| serde_json::from_str(l).ok())
            .unwrap_or_default(),
    }
}

fn pinned(r: VersionRow) -> Result<Pinned> {
    let hash = row_hash(&r)?;
    Ok(Pinned {
        version: version(r)?,
        hash,
    })
}

fn row_hash(r: &VersionRow) -> Result<String> {
    seloste_schema::pin::stored_version_hash(
        r.number as u32,
        &r.published,
        r.effective.as_deref(),
        &r.summary,
        r.document.as_deref().unwrap_or_default(),
    )
    .map_err(|e| worker::Error::RustError(format!("stored JSON: {e}")))
}

fn version(r: VersionRow) -> Result<Version> {
    let document = r.document.unwrap_or_default();
    let notice: Notice = json(&document)?;
    Ok(Version {
        number: r.number as u32,
        published: date(&r.published)?,
        effective: r.effective.as_deref().map(date).transpose()?,
        summary: json(&r.summary)?,
        notice,
    })
}

fn date(s: &str) -> Result<Date> {
    Date::parse(s).map_err(|e| worker::Error::RustError(format!("stored date: {e}")))
}

fn json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| worker::Error::RustError(format!("stored JSON: {e}")))
}
