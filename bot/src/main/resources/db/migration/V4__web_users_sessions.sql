-- The web triage app: who may sign in, their open sessions, and failed sign-ins for throttling.

-- A team member. The role decides which queues they see and which actions they may take.
CREATE TABLE web_user (
    username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    role          text        NOT NULL
        CHECK (role IN ('comms', 'foi', 'pals', 'quality', 'safeguarding', 'admin')),
    -- pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>; null for users who sign in by SSO.
    password_hash text,
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A signed-in browser. Only a hash of the cookie's token is kept, so a read of this table does
-- not give anyone a usable session; the CSRF token is the per-session synchronizer token.
CREATE TABLE web_session (
    token_hash   text PRIMARY KEY,
    username     text        NOT NULL REFERENCES web_user (username) ON DELETE CASCADE,
    csrf_token   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);

CREATE INDEX web_session_expiry_idx ON web_session (expires_at);

-- Failed sign-ins, counted per username and address to slow down password guessing.
CREATE TABLE login_attempt (
    id        bigserial PRIMARY KEY,
    username  text        NOT NULL,
    address   text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX login_attempt_lookup_idx ON login_attempt (username, address, at);

-- The FOI team takes a case through to a response and closes it.
ALTER TABLE foi_case DROP CONSTRAINT foi_case_status_check;
ALTER TABLE foi_case ADD CONSTRAINT foi_case_status_check
    CHECK (status IN ('open', 'clarification_sought', 'answered', 'refused', 'withdrawn', 'not_foi',
                      'responded', 'closed'));
