-- Version 3: a quotation said or written together ("Jane Roe and John Doe wrote") has, beside
-- its speaker, the others who said it, in the order the text names them. They are speakers
-- like any other (merged by name and alias), so `speaker:` finds the quote under each.
CREATE TABLE quote_co_speaker (
    quote_id    INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    speaker_id  INTEGER NOT NULL REFERENCES speaker(id),
    PRIMARY KEY (quote_id, position)
) WITHOUT ROWID;
CREATE INDEX quote_co_speaker_speaker ON quote_co_speaker(speaker_id);
