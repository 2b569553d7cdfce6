-- OnRecord library schema, version 1. Never edit a shipped migration: add a new numbered file.

-- One row: who this library is. The index records the same id in its commit payload, so an index
-- that belongs to another library (a restored backup, a copied folder) is recognised and rebuilt.
CREATE TABLE library (
    id          TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
INSERT INTO library (id, created_at)
VALUES (lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE speaker (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    -- Lower-cased, accent-folded, whitespace-collapsed name: how speakers are merged.
    name_key    TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE speaker_alias (
    speaker_id  INTEGER NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    alias_key   TEXT NOT NULL UNIQUE
);
CREATE INDEX speaker_alias_speaker ON speaker_alias(speaker_id);

CREATE TABLE affiliation (
    id                        INTEGER PRIMARY KEY,
    speaker_id                INTEGER NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
    title                     TEXT,
    organization              TEXT,
    organization_description  TEXT,
    valid_from                TEXT,
    valid_to                  TEXT
);
CREATE INDEX affiliation_speaker ON affiliation(speaker_id);

CREATE TABLE source (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL DEFAULT 'article',
    title         TEXT,
    outlet        TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
    published     TEXT,
    url           TEXT,
    language      TEXT,
    text          TEXT,
    content_hash  TEXT,
    accessed      TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX source_content_hash ON source(content_hash) WHERE content_hash IS NOT NULL;
CREATE INDEX source_url ON source(url) WHERE url IS NOT NULL;
-- Sources without text or URL are told apart by title, outlet and date (see store::source_id_for).
CREATE INDEX source_identity ON source(outlet, published, title)
    WHERE url IS NULL AND content_hash IS NULL;

CREATE TABLE quote (
    id                        INTEGER PRIMARY KEY,
    text                      TEXT NOT NULL CHECK (length(text) > 0),
    speaker_id                INTEGER NOT NULL REFERENCES speaker(id),
    title                     TEXT,
    organization              TEXT,
    organization_description  TEXT,
    medium                    TEXT NOT NULL DEFAULT 'said',
    told_to                   TEXT,
    said_on                   TEXT,
    source_id                 INTEGER REFERENCES source(id),
    start_offset              INTEGER,
    end_offset                INTEGER,
    language                  TEXT NOT NULL DEFAULT 'en',
    notes                     TEXT,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL
);
CREATE INDEX quote_speaker ON quote(speaker_id);
CREATE INDEX quote_source ON quote(source_id);

CREATE TABLE quote_tag (
    quote_id  INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (quote_id, tag)
) WITHOUT ROWID;

-- Every change to what the search index shows appends the quote's id here, in the same
-- transaction as the change. The index records the last sequence it has applied in its commit
-- payload; opening the library replays whatever came after (a crash between the two commits).
CREATE TABLE index_outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id  INTEGER NOT NULL
);
