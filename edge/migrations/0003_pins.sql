-- Version pins: the SHA-256 of each version's canonical JSON (schema/src/pin.rs), so that a URL
-- naming a hash (`/{org}/{notice}/sha256/{hex}`) finds its version with one indexed read.
--
-- The hash is a function of the version row (number, dates, summary, document), so this table
-- only indexes what `versions` already holds: the edge writes a version's pin right after
-- appending it, and pins missing for versions stored before this migration (or after a crash
-- between the two statements) are written when a hash is first looked up. Like every record
-- here, pins are append-only: never changed, never deleted.
CREATE TABLE pins (
    notice TEXT    NOT NULL,
    number INTEGER NOT NULL,
    -- Lower-case hex.
    sha256 TEXT    NOT NULL,
    PRIMARY KEY (notice, number)
) WITHOUT ROWID;

CREATE UNIQUE INDEX pins_by_hash ON pins (notice, sha256);

CREATE TRIGGER pins_are_immutable BEFORE UPDATE ON pins
BEGIN
    SELECT RAISE(ABORT, 'pins are immutable');
END;

CREATE TRIGGER pins_are_never_deleted BEFORE DELETE ON pins
BEGIN
    SELECT RAISE(ABORT, 'pins are never deleted');
END;
