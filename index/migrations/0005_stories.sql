-- Version 5: stories. A story is what a reporter is working on (a piece, an investigation); a
-- quote belongs to any number of them. Deleting a story keeps its quotes.
CREATE TABLE story (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    -- Lower-cased, whitespace-collapsed name: two stories never differ only in case.
    name_key    TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE quote_story (
    quote_id  INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
    story_id  INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, story_id)
) WITHOUT ROWID;
CREATE INDEX quote_story_story ON quote_story(story_id);
