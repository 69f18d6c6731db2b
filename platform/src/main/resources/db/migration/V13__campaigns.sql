-- campaign: sends to a segment, now, at an instant or on a cron schedule. One script for H2 (MODE=MySQL) and MySQL 8.4
-- / MariaDB 10.11.
-- schedule_type NOW | AT (start_at) | RECURRING (cron in zone). next_fire_at is the next instant the scheduler starts a
-- run for (null: none left); status ACTIVE | COMPLETED (a one-off whose run ended) | CANCELLED.
CREATE TABLE campaign (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  name            VARCHAR(100)  NOT NULL,
  segment_id      BIGINT        NOT NULL,
  template_key    VARCHAR(80)   NOT NULL,
  topic           VARCHAR(64)   NOT NULL,
  brand           VARCHAR(64),
  schedule_type   VARCHAR(16)   NOT NULL,
  start_at        DATETIME(6),
  cron            VARCHAR(100),
  zone            VARCHAR(64),
  status          VARCHAR(16)   NOT NULL,
  created_by      VARCHAR(100)  NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  next_fire_at    DATETIME(6),
  cancelled_by    VARCHAR(100),
  cancelled_at    DATETIME(6),
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_campaign_due ON campaign (status, next_fire_at);

-- one execution of a campaign (a recurring campaign has many): at most one per campaign and fire time, so that two
-- Waymark instances never start the same fire twice. status REQUESTED | RUNNING | ENDED | SKIPPED (a fire that
-- started nothing: outcome PREVIOUS_RUN_LIVE or MISSED). template_version is pinned when the audience is resolved:
-- what the approver sees is what is sent.
CREATE TABLE campaign_run (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  campaign_id           BIGINT        NOT NULL,
  fire_time             DATETIME(6)   NOT NULL,
  status                VARCHAR(16)   NOT NULL,
  send_not_after        DATETIME(6)   NOT NULL,
  process_instance_key  BIGINT,
  template_version      INT,
  audience_size         INT,
  batch_count           INT,
  approval_required     BOOLEAN,
  approval_reason       VARCHAR(255),
  resolved_at           DATETIME(6),
  outcome               VARCHAR(64),
  requested_at          DATETIME(6)   NOT NULL,
  started_at            DATETIME(6),
  ended_at              DATETIME(6),
  cancel_requested_at   DATETIME(6),
  version               BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_campaign_run_fire UNIQUE (campaign_id, fire_time),
  CONSTRAINT uk_campaign_run_instance UNIQUE (process_instance_key),
  CONSTRAINT fk_campaign_run_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_campaign_run_status ON campaign_run (campaign_id, status);

-- a run's audience snapshot, written page by page as the segment is resolved, numbered in batches; and what became of
-- each member: PENDING, SENT (message_id: the outbound ledger row), SUPPRESSED, FAILED (reason), DEFERRED (until
-- deferred_until, sent by a later attempt). A member is in a run once.
CREATE TABLE campaign_audience (
  run_id          BIGINT        NOT NULL,
  contact_id      BIGINT        NOT NULL,
  batch_number    INT           NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  message_id      BIGINT,
  reason          VARCHAR(255),
  deferred_until  DATETIME(6),
  updated_at      DATETIME(6),
  PRIMARY KEY (run_id, contact_id),
  CONSTRAINT fk_campaign_audience_run FOREIGN KEY (run_id) REFERENCES campaign_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_campaign_audience_batch ON campaign_audience (run_id, batch_number, contact_id);
CREATE INDEX ix_campaign_audience_status ON campaign_audience (run_id, status);

-- sign-off of a large or sensitive run: one request per run, open until expires_at. status PENDING | APPROVED |
-- REJECTED | EXPIRED | WITHDRAWN (the run ended otherwise, e.g. cancelled). A decision is final.
CREATE TABLE approval_request (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  run_id          BIGINT        NOT NULL,
  campaign_id     BIGINT        NOT NULL,
  reason          VARCHAR(255)  NOT NULL,
  audience_size   INT           NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  requested_at    DATETIME(6)   NOT NULL,
  expires_at      DATETIME(6)   NOT NULL,
  decided_by      VARCHAR(100),
  decided_at      DATETIME(6),
  decision_reason VARCHAR(1000),
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_approval_request_run UNIQUE (run_id),
  CONSTRAINT fk_approval_request_run FOREIGN KEY (run_id) REFERENCES campaign_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_approval_request_status ON approval_request (status, expires_at);

-- scheduled segment entry (waymark.journeys.schedules): one row per schedule and fire time, claimed by one Waymark
-- instance at a time (claimed_until), with the keyset cursor of the members submitted so far, so that an interrupted
-- fire goes on where it stopped. status RUNNING | DONE.
CREATE TABLE journey_schedule_fire (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  schedule_key    VARCHAR(191)  NOT NULL,
  fire_time       DATETIME(6)   NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  cursor_contact  BIGINT,
  submitted       INT           NOT NULL DEFAULT 0,
  started         INT           NOT NULL DEFAULT 0,
  refused         INT           NOT NULL DEFAULT 0,
  claimed_until   DATETIME(6)   NOT NULL,
  started_at      DATETIME(6)   NOT NULL,
  finished_at     DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT uk_journey_schedule_fire UNIQUE (schedule_key, fire_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
