-- The outbox sender's bookkeeping: an entry that failed too often stops being retried and waits,
-- visible, for a person (failed_at); a sent entry keeps what the receiving end called it (the email
-- Message-ID, or the platform's id of the posted reply).
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE outbox ADD COLUMN delivery_ref text;

-- What the sender claims on each run: not sent, not given up on, soonest first.
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_due_idx ON outbox (available_at) WHERE sent_at IS NULL AND failed_at IS NULL;

-- What a person must look at: entries the sender gave up on.
CREATE INDEX outbox_failed_idx ON outbox (failed_at) WHERE failed_at IS NOT NULL AND sent_at IS NULL;
