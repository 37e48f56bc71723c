-- Every published version of every notice: the durable record behind the public pages.
--
-- Append-only. A version is numbered 1, 2, 3, … per notice without gaps; the edge assigns the
-- number inside the INSERT itself (`SELECT COALESCE(MAX(number), 0) + 1 …`), which D1 runs as one
-- atomic statement, so concurrent publishes become consecutive versions. The primary key refuses
-- a duplicate number even if that were ever to go wrong, and the triggers below refuse any change
-- to, or removal of, a published version.
CREATE TABLE versions (
    -- `organisation/notice`, the notice's id and URL path.
    notice      TEXT    NOT NULL,
    number      INTEGER NOT NULL CHECK (number >= 1),
    -- YYYY-MM-DD: the day the version was published (an import may give its real, earlier date).
    published   TEXT    NOT NULL,
    -- YYYY-MM-DD or NULL: the day it takes effect, when that differs.
    effective   TEXT,
    -- JSON `{"fi": "…", …}`: what changed, in the reader's words.
    summary     TEXT    NOT NULL,
    -- The whole notice document as JSON.
    document    TEXT    NOT NULL,
    -- The server's own clock when it accepted the version (RFC 3339, UTC), whatever `published` says.
    received_at TEXT    NOT NULL,
    PRIMARY KEY (notice, number)
) WITHOUT ROWID;

CREATE TRIGGER versions_are_immutable BEFORE UPDATE ON versions
BEGIN
    SELECT RAISE(ABORT, 'published versions are immutable');
END;

CREATE TRIGGER versions_are_never_deleted BEFORE DELETE ON versions
BEGIN
    SELECT RAISE(ABORT, 'published versions are never deleted');
END;
