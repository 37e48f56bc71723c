-- Publishing keys, one organisation each, and who published every version.
--
-- A key is stored only as the SHA-256 hash of its 256 random bits (hex): the key itself is shown
-- once when created and never written anywhere. Keys are never deleted and never changed, except
-- to note when one was last used and, once, when it was revoked (the triggers below).
CREATE TABLE keys (
    -- A short random id, public: shown beside the versions the key published.
    id           TEXT NOT NULL PRIMARY KEY,
    -- The organisation (first part of a notice id) whose notices the key may publish.
    org          TEXT NOT NULL,
    label        TEXT NOT NULL,
    -- Lower-case hex SHA-256 of the key.
    key_hash     TEXT NOT NULL UNIQUE,
    -- RFC 3339 UTC, the edge's clock.
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

CREATE INDEX keys_by_org ON keys (org, created_at);

CREATE TRIGGER keys_are_never_deleted BEFORE DELETE ON keys
BEGIN
    SELECT RAISE(ABORT, 'keys are never deleted; revoke them');
END;

CREATE TRIGGER keys_change_only_use_and_revocation BEFORE UPDATE ON keys
WHEN NEW.id IS NOT OLD.id
  OR NEW.org IS NOT OLD.org
  OR NEW.label IS NOT OLD.label
  OR NEW.key_hash IS NOT OLD.key_hash
  OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NOT OLD.revoked_at)
BEGIN
    SELECT RAISE(ABORT, 'a key changes only its last use and, once, its revocation');
END;

-- Who published each version: the key's id and label as they were (NULL id for the operator
-- token, whose label is 'operator'). Versions published before this migration keep NULL in both;
-- the versions table stays append-only and immutable (0001's triggers).
ALTER TABLE versions ADD COLUMN key_id TEXT;
ALTER TABLE versions ADD COLUMN key_label TEXT;
