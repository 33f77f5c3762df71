-- The triage bot's schema: what was fetched, what the classifier and router made of it, the work
-- the teams do on it, and the side effects waiting to be sent.

-- One corporate presence on one platform, with where its last poll got to and how it went.
CREATE TABLE account (
    id              text PRIMARY KEY,
    platform        text        NOT NULL,
    handle          text,
    cursor          text,
    last_poll_at    timestamptz,
    last_success_at timestamptz,
    last_error      text,
    comments_seen   bigint      NOT NULL DEFAULT 0,
    healthy         boolean     NOT NULL DEFAULT true
);

-- A member of the public, with running totals the persistent-user rule and the UI read.
CREATE TABLE author (
    id              bigserial PRIMARY KEY,
    platform        text        NOT NULL,
    author_key      text        NOT NULL,
    handle          text,
    display_name    text,
    comment_count   integer     NOT NULL DEFAULT 0,
    negative_count  integer     NOT NULL DEFAULT 0,
    offensive_count integer     NOT NULL DEFAULT 0,
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    UNIQUE (platform, author_key)
);

CREATE TABLE comment (
    id            bigserial PRIMARY KEY,
    platform      text        NOT NULL CHECK (platform <> ''),
    external_id   text        NOT NULL CHECK (external_id <> ''),
    account_id    text        NOT NULL REFERENCES account (id),
    author_key    text,
    author_handle text,
    author_name   text,
    text          text        NOT NULL,
    created_at    timestamptz,
    fetched_at    timestamptz NOT NULL DEFAULT now(),
    url           text,
    in_reply_to   text,
    -- As received: a platform payload may be broken JSON, and we keep it to show what came in.
    raw_payload   text,
    UNIQUE (platform, external_id)
);

-- Author history: an author's comments on one platform, in time order.
CREATE INDEX comment_author_history_idx
    ON comment (platform, author_key, (coalesce(created_at, fetched_at)))
    WHERE author_key IS NOT NULL;

CREATE TABLE classification (
    comment_id    bigint PRIMARY KEY REFERENCES comment (id),
    labels        text[]      NOT NULL,
    review_labels text[]      NOT NULL,
    scores        jsonb       NOT NULL,
    evidence      jsonb       NOT NULL,
    rules_version text,
    classified_at timestamptz NOT NULL DEFAULT now()
);

-- Declared most urgent first, so ORDER BY priority puts urgent work at the top.
CREATE TYPE triage_priority AS ENUM ('URGENT', 'HIGH', 'NORMAL', 'LOW');

CREATE TABLE triage_item (
    id             bigserial PRIMARY KEY,
    comment_id     bigint          NOT NULL UNIQUE REFERENCES comment (id),
    queues         text[]          NOT NULL,
    actions        text[]          NOT NULL,
    priority       triage_priority NOT NULL,
    due_by         timestamptz,
    status         text            NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'in_progress', 'waiting', 'done', 'dismissed')),
    assignee       text,
    notes          text,
    reply_template text,
    reply_draft    text,
    decision       jsonb           NOT NULL,
    created_at     timestamptz     NOT NULL DEFAULT now(),
    updated_at     timestamptz     NOT NULL DEFAULT now()
);

CREATE INDEX triage_item_queue_listing_idx ON triage_item (status, priority, due_by);
CREATE INDEX triage_item_queues_idx ON triage_item USING gin (queues);

-- FOI references are numbered from one sequence; the year in the reference is the year received.
CREATE SEQUENCE foi_reference_seq;

CREATE TABLE foi_case (
    id                    bigserial PRIMARY KEY,
    reference             text        NOT NULL UNIQUE,
    comment_id            bigint      NOT NULL UNIQUE REFERENCES comment (id),
    received_at           timestamptz NOT NULL,
    due_date              date        NOT NULL,
    requester_name        text,
    real_name_discernible boolean     NOT NULL,
    address_present       boolean     NOT NULL,
    description_present   boolean     NOT NULL,
    status                text        NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'clarification_sought', 'answered', 'refused', 'withdrawn', 'not_foi')),
    created_at            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX foi_case_status_due_idx ON foi_case (status, due_date);

CREATE TABLE media_enquiry (
    id            bigserial PRIMARY KEY,
    comment_id    bigint      NOT NULL UNIQUE REFERENCES comment (id),
    outlet        text,
    journalist    text,
    nature        text,
    deadline_text text,
    deadline      timestamptz,
    status        text        NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'in_progress', 'responded', 'declined', 'closed')),
    response      text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Side effects (emails, replies) wait here for the sender job, so a crash neither loses nor
-- repeats one: the idempotency key makes a second write of the same effect a no-op.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL,
    destination     text        NOT NULL,
    idempotency_key text        NOT NULL UNIQUE,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    available_at    timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text
);

CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE sent_at IS NULL;

CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    action    text        NOT NULL,
    entity    text        NOT NULL,
    entity_id text,
    detail    jsonb
);

CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- The audit log is evidence of what was done: once written, a row is never changed or removed.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
