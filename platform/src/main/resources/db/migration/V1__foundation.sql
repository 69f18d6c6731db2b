-- Waymark foundation schema. One script for H2 (MODE=MySQL) and MySQL 8.4 / MariaDB 10.11.
-- Each module owns its tables; no foreign keys cross module boundaries (ids do).

-- contact
CREATE TABLE contact (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  phone         VARCHAR(16)  NOT NULL,
  first_name    VARCHAR(100),
  last_name     VARCHAR(100),
  email         VARCHAR(254),
  locale        VARCHAR(35),
  region        VARCHAR(64),
  time_zone     VARCHAR(64),
  attributes    VARCHAR(4000),
  created_at    DATETIME(6)  NOT NULL,
  updated_at    DATETIME(6)  NOT NULL,
  version       BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_contact_phone UNIQUE (phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- consent: append-only ledger; the current state per contact and topic is the latest row
CREATE TABLE consent_record (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  contact_id         BIGINT        NOT NULL,
  phone              VARCHAR(16)   NOT NULL,
  kind               VARCHAR(16)   NOT NULL,
  topic              VARCHAR(64)   NOT NULL,
  channel            VARCHAR(32)   NOT NULL,
  disclosure_text    VARCHAR(2000),
  source_ref         VARCHAR(191),
  occurred_at        DATETIME(6)   NOT NULL,
  recorded_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_consent_record_contact_topic ON consent_record (contact_id, topic, occurred_at);

-- messaging: the outbound ledger, one row per send under its idempotency key, written before the provider call
CREATE TABLE outbound_message (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  idempotency_key       VARCHAR(191)  NOT NULL,
  contact_id            BIGINT        NOT NULL,
  phone                 VARCHAR(16)   NOT NULL,
  body                  VARCHAR(1600) NOT NULL,
  topic                 VARCHAR(64)   NOT NULL,
  message_class         VARCHAR(32)   NOT NULL,
  status                VARCHAR(16)   NOT NULL,
  provider              VARCHAR(32),
  provider_message_id   VARCHAR(64),
  failure_reason        VARCHAR(500),
  process_instance_key  BIGINT,
  element_id            VARCHAR(255),
  created_at            DATETIME(6)   NOT NULL,
  sent_at               DATETIME(6),
  version               BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_outbound_message_key UNIQUE (idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_outbound_message_contact ON outbound_message (contact_id, created_at);

-- messaging: what the sandbox SMS provider recorded (embedded mode's device simulator)
CREATE TABLE sandbox_message (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  direction             VARCHAR(8)    NOT NULL,
  phone                 VARCHAR(16)   NOT NULL,
  body                  VARCHAR(1600) NOT NULL,
  client_ref            VARCHAR(191),
  provider_message_id   VARCHAR(64)   NOT NULL,
  recorded_at           DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_sandbox_message_sid UNIQUE (provider_message_id),
  CONSTRAINT uk_sandbox_message_ref UNIQUE (client_ref)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- messaging: every inbound SMS, from known and unknown senders
CREATE TABLE inbound_message (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  provider              VARCHAR(32)   NOT NULL,
  provider_message_id   VARCHAR(64)   NOT NULL,
  from_phone            VARCHAR(16)   NOT NULL,
  body                  VARCHAR(1600) NOT NULL,
  contact_id            BIGINT,
  received_at           DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_inbound_message_sid UNIQUE (provider, provider_message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_inbound_message_contact ON inbound_message (contact_id, received_at);

-- messaging: email, idempotent like SMS; in embedded mode this table is the outbox
CREATE TABLE email_message (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  idempotency_key       VARCHAR(191)  NOT NULL,
  contact_id            BIGINT        NOT NULL,
  to_address            VARCHAR(254)  NOT NULL,
  subject               VARCHAR(255)  NOT NULL,
  body                  VARCHAR(8000) NOT NULL,
  status                VARCHAR(16)   NOT NULL,
  created_at            DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_email_message_key UNIQUE (idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- journey: deployed versions of each journey
CREATE TABLE journey_definition (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  process_id        VARCHAR(191)  NOT NULL,
  name              VARCHAR(255),
  version           INT           NOT NULL,
  definition_key    BIGINT        NOT NULL,
  resource_name     VARCHAR(255)  NOT NULL,
  deployed_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_journey_definition_key UNIQUE (definition_key),
  CONSTRAINT uk_journey_definition_version UNIQUE (process_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- journey: one run per trigger event (idempotent per event id), tied to its process instance once started
CREATE TABLE journey_run (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  event_id              VARCHAR(191)  NOT NULL,
  event_type            VARCHAR(100)  NOT NULL,
  process_id            VARCHAR(191)  NOT NULL,
  contact_id            BIGINT        NOT NULL,
  status                VARCHAR(16)   NOT NULL,
  variables             VARCHAR(4000) NOT NULL,
  process_instance_key  BIGINT,
  definition_key        BIGINT,
  definition_version    INT,
  outcome               VARCHAR(64),
  requested_at          DATETIME(6)   NOT NULL,
  started_at            DATETIME(6),
  ended_at              DATETIME(6),
  version               BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_journey_run_event UNIQUE (event_id),
  CONSTRAINT uk_journey_run_instance UNIQUE (process_instance_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_journey_run_process_status ON journey_run (process_id, status);
CREATE INDEX ix_journey_run_contact ON journey_run (contact_id, status);

-- Spring Modulith's JPA event publication registry (the transactional outbox between modules and to the engine)
CREATE TABLE event_publication (
  id                CHAR(36)      NOT NULL,
  listener_id       VARCHAR(512)  NOT NULL,
  event_type        VARCHAR(512)  NOT NULL,
  serialized_event  VARCHAR(4000) NOT NULL,
  publication_date  DATETIME(6)   NOT NULL,
  completion_date   DATETIME(6),
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_event_publication_incomplete ON event_publication (completion_date, publication_date);
