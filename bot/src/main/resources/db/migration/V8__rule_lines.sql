-- Each matched rule used to be stored in full in every classification's evidence (1.9 KB a
-- comment on average, most of it the same few hundred rule lines over and over, compressed and
-- TOASTed on every insert). A rules version's lines are now stored once here, and evidence entries
-- carry {"ref": "file:line", "matched": [...], "weight": w}; entries written before, or whose rule
-- has no file:line, keep {"rule": "...", ...}. Rule lines come from the config files: they never
-- hold anything a commenter wrote (the matched words stay in the evidence, where the retention
-- purge clears them).
CREATE TABLE rule_line (
    rules_version text NOT NULL,
    ref           text NOT NULL,
    rule          text NOT NULL,
    PRIMARY KEY (rules_version, ref)
);

-- The evidence as it reads in full: each {"ref": ...} entry with its rule's text, in the order
-- stored, so readers (item page, subject access export) see what was stored before V8.
CREATE FUNCTION evidence_with_rules(version text, evidence jsonb) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_object_agg(l.label, (
           SELECT coalesce(jsonb_agg(
                    CASE WHEN x.e ? 'ref'
                         THEN jsonb_build_object('rule', coalesce(r.rule, x.e ->> 'ref'),
                                                 'matched', x.e -> 'matched',
                                                 'weight', x.e -> 'weight')
                         ELSE x.e END
                    ORDER BY x.n), '[]'::jsonb)
             FROM jsonb_array_elements(l.rules) WITH ORDINALITY AS x(e, n)
             LEFT JOIN rule_line r
                    ON r.rules_version = coalesce(version, '') AND r.ref = x.e ->> 'ref')),
         '{}'::jsonb)
    FROM jsonb_each(evidence) AS l(label, rules)
$$;
