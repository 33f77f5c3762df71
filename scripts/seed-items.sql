-- Fills a triage database with :items synthetic triage items for the web load test
-- (psql -v items=100000 -f scripts/seed-items.sql). Texts are varied but invented.
INSERT INTO account (id, platform, handle) VALUES ('load', 'replay', 'LoadTest')
    ON CONFLICT (id) DO NOTHING;

INSERT INTO comment (platform, external_id, account_id, author_key, author_handle, author_name,
                     text, created_at, fetched_at, url, raw_payload)
SELECT 'replay', 'load-' || g, 'load', 'a' || (g % 5000), 'user_' || (g % 5000), 'User ' || (g % 5000),
       (ARRAY['Waited four hours in A&E with my dad, nobody told us anything',
              'Thank you to the midwives on the delivery suite, amazing care',
              'How many agency nurses did the trust pay for last year? FOI please',
              'The GP phone line rang out for an hour again this morning',
              'My mum has not been given a drink since last night on ward 9'])[1 + g % 5]
           || ' #' || g,
       now() - (g % 20160) * interval '1 minute', now() - (g % 20160) * interval '1 minute',
       'https://example.org/load/' || g, '{}'
FROM generate_series(1, :items) AS g
ON CONFLICT (platform, external_id) DO NOTHING;

INSERT INTO classification (comment_id, labels, review_labels, scores, evidence, rules_version)
SELECT c.id,
       string_to_array((ARRAY['negative', 'positive', 'foi_request', 'negative',
                              'negative,patient_safety'])[1 + (c.id % 5)], ','),
       ARRAY[]::text[], '{}'::jsonb, '{}'::jsonb, 'load'
FROM comment c WHERE c.account_id = 'load'
ON CONFLICT (comment_id) DO NOTHING;

INSERT INTO triage_item (comment_id, queues, actions, priority, due_by, status, decision)
SELECT c.id,
       string_to_array((ARRAY['COMMS', 'COMMS', 'FOI', 'COMMS', 'COMMS,PALS,QUALITY'])
                       [1 + (c.id % 5)], ','),
       ARRAY['ACKNOWLEDGE_AND_THANK'],
       (ARRAY['NORMAL', 'LOW', 'HIGH', 'NORMAL', 'URGENT'])[1 + (c.id % 5)]::triage_priority,
       c.fetched_at + interval '3 days',
       (ARRAY['new', 'new', 'in_progress', 'done', 'new'])[1 + (c.id % 5)],
       '{}'::jsonb
FROM comment c WHERE c.account_id = 'load'
ON CONFLICT (comment_id) DO NOTHING;

ANALYZE comment, classification, triage_item;
SELECT count(*) AS triage_items FROM triage_item;
