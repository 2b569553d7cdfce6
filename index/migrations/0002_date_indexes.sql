-- Version 2: indexes for reading by date. A speaker's timeline is read in date order (the title a
-- speaker held on a quote's date), and quotes are listed by the date they were said.
CREATE INDEX affiliation_speaker_from ON affiliation(speaker_id, valid_from);
CREATE INDEX quote_said_on ON quote(said_on);
