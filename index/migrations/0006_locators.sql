-- Version 6: locators. Where in its source a quote stands beyond its character offsets: the
-- page (and column) of a PDF, the start and end time of a transcript's turn. JSON, as in
-- `clip --json`: {"page":4}, {"page":4,"column":2}, {"start":"00:14:03.000","end":"00:14:09.500"}.
ALTER TABLE quote ADD COLUMN locator TEXT;
