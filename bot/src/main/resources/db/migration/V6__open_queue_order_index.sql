-- The queue page lists open items by priority, then due-by: with this partial index PostgreSQL
-- walks them in order and stops after a page, instead of sorting every open item (measured with
-- 100,000 items: ~90 ms a query before).
CREATE INDEX triage_item_open_order_idx
    ON triage_item (priority, due_by, id)
    WHERE status NOT IN ('done', 'dismissed');
