-- Every triage item paid for an entry in V1's triage_item_queue_listing_idx (status, priority,
-- due_by), although the only reader that needs it, the queue page filtered by one status, never
-- asks for 'new' that way cheaply enough to matter: new items are the open items, which V7's
-- triage_item_open_keyset_idx already walks in the page's order. This partial index holds only
-- items a person has moved on (in progress, waiting, done, dismissed), in the page's order
-- (priority, due-by with none last, id), so a backfill of new items writes nothing to it, and a
-- status page reads its 50 items in order instead of sorting every item of that status.
CREATE INDEX triage_item_worked_idx
    ON triage_item (status, priority, (coalesce(due_by, 'infinity'::timestamptz)), id)
    WHERE status <> 'new';

DROP INDEX triage_item_queue_listing_idx;
