-- Five columns hold JSON that the bot writes once and that is only ever read back whole (parsed by
-- the bot, or shown as text) or read with ->>: classification.scores and .evidence,
-- triage_item.decision, outbox.payload and audit_log.detail. As jsonb every insert parsed and
-- re-encoded each value on the server (a backfill writes some 4 KB of it per comment); as json the
-- text is checked and kept as sent. Values read back are the same JSON (keys in the order written,
-- no space added after ':' and ','); a statement still writing jsonb (CAST(... AS jsonb), the
-- retention purge's '{}'::jsonb) is converted on assignment.
ALTER TABLE classification
    ALTER COLUMN scores TYPE json USING scores::json,
    ALTER COLUMN evidence TYPE json USING evidence::json;
ALTER TABLE triage_item ALTER COLUMN decision TYPE json USING decision::json;
ALTER TABLE outbox ALTER COLUMN payload TYPE json USING payload::json;
ALTER TABLE audit_log ALTER COLUMN detail TYPE json USING detail::json;

-- Readers (item page, subject access export) call evidence_with_rules with the column as it is.
CREATE FUNCTION evidence_with_rules(version text, evidence json) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT evidence_with_rules(version, evidence::jsonb)
$$;

-- V6's index on the open items' order (priority, due_by, id) served only TriageStore.itemsInQueue
-- (the `queue` command), which now orders by V7's key (priority, coalesce(due_by, 'infinity'),
-- id), the queue page's order: same items, same order, read from V7's index. Every new triage item
-- paid for an entry in both.
DROP INDEX triage_item_open_order_idx;
