-- How each account's polling is going (rate limits, failures in a row) and how the account itself
-- is doing against the closure criteria of 002 §10.1 (inactivity, low frequency, low interest).

ALTER TABLE account
    -- The platform asked us to wait: no poll before this time.
    ADD COLUMN rate_limited_until   timestamptz,
    ADD COLUMN last_error_at        timestamptz,
    ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0;

-- The platform's figures for our own account, read at most once a day. The figures are those of
-- the last successful read; checked_at and error say how the last attempt went.
CREATE TABLE account_health (
    account_id         text PRIMARY KEY REFERENCES account (id),
    followers          integer,
    posts_last_8_weeks integer,
    last_original_post timestamptz,
    account_created_at timestamptz,
    measured_at        timestamptz,
    first_checked_at   timestamptz NOT NULL,
    checked_at         timestamptz NOT NULL,
    error              text
);
