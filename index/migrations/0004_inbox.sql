-- Version 4: the inbox. Pages sent from the browser (the extension, through `onrecord
-- browser-host`) wait here, as the reader saw them, until they are reviewed and clipped or
-- dismissed. Nothing here is searchable until it is clipped.
CREATE TABLE inbox (
    id           INTEGER PRIMARY KEY,
    url          TEXT,
    title        TEXT,
    html         TEXT NOT NULL,
    received_at  TEXT NOT NULL
);
