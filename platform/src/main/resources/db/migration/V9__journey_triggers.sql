-- journey: settings per journey (not per version): paused by whom and when, whether a contact may be in the
-- journey more than once at a time (the BPMN property "reentry" of the latest deployed version) and the event
-- attributes it needs (its property "requiredAttributes", comma-separated dotted paths)
CREATE TABLE journey_setting (
  process_id        VARCHAR(191)  NOT NULL,
  paused            BOOLEAN       NOT NULL DEFAULT FALSE,
  paused_by         VARCHAR(100),
  paused_at         DATETIME(6),
  allows_reentry    BOOLEAN       NOT NULL DEFAULT FALSE,
  required_attributes VARCHAR(1000),
  version           BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (process_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- a contact is in a journey at most once at a time: live_key is "<process id>:<contact id>" while a run of a
-- journey without re-entry is live, null otherwise; the unique constraint settles two events arriving at once
ALTER TABLE journey_run ADD COLUMN live_key VARCHAR(255);
ALTER TABLE journey_run ADD CONSTRAINT uk_journey_run_live UNIQUE (live_key);

-- events that steer running journeys: published to the engine as a message per correlation key, idempotent per
-- event id (the same id is never a run and a message)
CREATE TABLE journey_message (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  event_id          VARCHAR(191)  NOT NULL,
  event_type        VARCHAR(100)  NOT NULL,
  message_name      VARCHAR(100)  NOT NULL,
  contact_id        BIGINT        NOT NULL,
  correlation_keys  VARCHAR(1000) NOT NULL,
  variables         VARCHAR(4000) NOT NULL,
  time_to_live      BIGINT        NOT NULL,
  received_at       DATETIME(6)   NOT NULL,
  published_at      DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT uk_journey_message_event UNIQUE (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
