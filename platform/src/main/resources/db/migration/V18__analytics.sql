-- analytics: experiments (variants and holdouts per contact, recorded at entry), conversions with their attribution,
-- and the segments each SMS was billed as. One script for H2 (MODE=MySQL) and MySQL 8.4 / MariaDB 10.11.

-- an experiment a journey declares in its BPMN process properties (experiment, variants). variants is the
-- normalised spec ("control:45, discount:45, holdout:10", weights summing to 100); active: the journey's newest
-- deployed version declares it (a journey runs at most one active experiment)
CREATE TABLE experiment (
  id                VARCHAR(64)   NOT NULL,
  process_id        VARCHAR(191)  NOT NULL,
  variants          VARCHAR(1000) NOT NULL,
  active            BOOLEAN       NOT NULL,
  created_at        DATETIME(6)   NOT NULL,
  updated_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_experiment_process ON experiment (process_id, active);

-- a contact's variant in an experiment: one per experiment and contact (the unique key settles two entries at once),
-- made at the contact's first entry (journey_run_id) and kept on re-entry, even when the weights change later
CREATE TABLE experiment_assignment (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  experiment_id     VARCHAR(64)   NOT NULL,
  contact_id        BIGINT        NOT NULL,
  variant           VARCHAR(64)   NOT NULL,
  process_id        VARCHAR(191)  NOT NULL,
  journey_run_id    BIGINT        NOT NULL,
  assigned_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_experiment_assignment UNIQUE (experiment_id, contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_experiment_assignment_time ON experiment_assignment (experiment_id, assigned_at);

-- every run that entered an experiment's journey, with the variant it ran (the contact's assignment): reports count
-- contacts (assignments), the metrics' variant filter selects runs through this table
CREATE TABLE experiment_entry (
  journey_run_id    BIGINT        NOT NULL,
  experiment_id     VARCHAR(64)   NOT NULL,
  contact_id        BIGINT        NOT NULL,
  variant           VARCHAR(64)   NOT NULL,
  process_id        VARCHAR(191)  NOT NULL,
  entered_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (journey_run_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_experiment_entry_contact ON experiment_entry (experiment_id, contact_id);

-- a conversion event (order.completed, appointment.attended, meeting.booked), once per event id, with the SMS it is
-- attributed to (attribution_rule e.g. "last-touch:P7D": the contact's latest SMS sent within 7 days before it;
-- "none": no SMS in the window, all attribution columns null). amount in currency (null: the event had no value)
CREATE TABLE conversion (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  event_id              VARCHAR(191)  NOT NULL,
  event_type            VARCHAR(100)  NOT NULL,
  contact_id            BIGINT        NOT NULL,
  amount                DECIMAL(19,4),
  currency              VARCHAR(3),
  occurred_at           DATETIME(6)   NOT NULL,
  recorded_at           DATETIME(6)   NOT NULL,
  attribution_rule      VARCHAR(64)   NOT NULL,
  outbound_message_id   BIGINT,
  process_id            VARCHAR(191),
  journey_run_id        BIGINT,
  process_instance_key  BIGINT,
  template_key          VARCHAR(80),
  variant               VARCHAR(64),
  PRIMARY KEY (id),
  CONSTRAINT uk_conversion_event UNIQUE (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_conversion_contact ON conversion (contact_id, occurred_at);
CREATE INDEX ix_conversion_message ON conversion (outbound_message_id);
CREATE INDEX ix_conversion_time ON conversion (occurred_at);

-- messaging: the SMS segments a message is billed as (GSM-7 / UCS-2 counting), written with the ledger row; null on
-- rows recorded before this column existed (analytics counts those from the body)
ALTER TABLE outbound_message ADD COLUMN segments INT;
CREATE INDEX ix_outbound_message_sent ON outbound_message (sent_at);
CREATE INDEX ix_outbound_message_instance ON outbound_message (process_instance_key);
CREATE INDEX ix_link_click_message ON link_click (message_key);
CREATE INDEX ix_crm_lead_task_created ON crm_lead_task (created_at);
