-- Version 7: one outbox entry for a run of new quotes. A bulk import queues quote_id through
-- last_quote_id in one row (at most 10,000 ids) instead of a row a quote: ten million rows to
-- write, and then to trim, for an import of ten million quotes. Other entries leave it NULL.
ALTER TABLE index_outbox ADD COLUMN last_quote_id INTEGER;
