-- crm: hot-lead routing (teams, people, rules: replaced as a whole, validated first), the lead inbox (one task per
-- hot-lead signal a journey hands over), its history, and escalations. One script for H2 (MODE=MySQL) and MySQL 8.4 /
-- MariaDB 10.11.

-- the routing document's head: its fallback team and who last replaced it
CREATE TABLE crm_routing (
  id              INT           NOT NULL,
  fallback_team   VARCHAR(64)   NOT NULL,
  updated_by      VARCHAR(100)  NOT NULL,
  updated_at      DATETIME(6)   NOT NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- a sales team: its manager (told of a first breach) and team lead (owner after a second breach), both people below;
-- assignments counts the leads given to its reps (read and raised under the row's lock: the round robin's clock)
CREATE TABLE crm_team (
  id              VARCHAR(64)   NOT NULL,
  name            VARCHAR(200)  NOT NULL,
  manager_id      VARCHAR(64)   NOT NULL,
  team_lead_id    VARCHAR(64)   NOT NULL,
  assignments     BIGINT        NOT NULL DEFAULT 0,
  position        INT           NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- a person leads can be routed to: kind REP (in a team, round robin) or MANAGER (manager or team lead only).
-- working_hours e.g. "MON-FRI 09:00-17:30" in time_zone; empty: always working. last_assigned_seq (the team's
-- assignments count when the person last took a lead) drives round robin; last_assigned_at is when, for people.
CREATE TABLE crm_person (
  id                  VARCHAR(64)   NOT NULL,
  name                VARCHAR(200)  NOT NULL,
  email               VARCHAR(254)  NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  team_id             VARCHAR(64),
  time_zone           VARCHAR(64),
  working_hours       VARCHAR(255),
  available           BOOLEAN       NOT NULL,
  hubspot_owner_id    VARCHAR(64),
  salesforce_user_id  VARCHAR(64),
  last_assigned_at    DATETIME(6),
  last_assigned_seq   BIGINT,
  position            INT           NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_crm_person_team ON crm_person (team_id, available);

-- owner rules, tried in order: ACCOUNT_OWNER (the contact's owner) or TEAM (round robin in team_id when every
-- criterion given matches)
CREATE TABLE crm_routing_rule (
  position        INT           NOT NULL,
  name            VARCHAR(100)  NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  team_id         VARCHAR(64),
  region          VARCHAR(64),
  product_line    VARCHAR(64),
  language        VARCHAR(16),
  tag             VARCHAR(32),
  PRIMARY KEY (position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- one hot-lead task. source_key ("job:<key>") makes a redelivered create-crm-task job find its task instead of making
-- a second. status OPEN | ACCEPTED | CONTACTED. crm_sync NONE (no CRM configured) | PENDING (to do or retrying, next at
-- crm_next_attempt_at) | SYNCED | REJECTED (the CRM refused for good; crm_last_error says why). An attempt claims the
-- task until crm_claimed_until, so that two attempts never call the CRM for one task at once.
CREATE TABLE crm_lead_task (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  source_key            VARCHAR(100)   NOT NULL,
  contact_id            BIGINT         NOT NULL,
  journey_run_id        BIGINT,
  process_instance_key  BIGINT,
  signal_type           VARCHAR(16)    NOT NULL,
  signal_text           VARCHAR(1000),
  signal_message_id     BIGINT,
  signal_event_type     VARCHAR(100),
  conversation          VARCHAR(8000),
  tags                  VARCHAR(255)   NOT NULL,
  priority              VARCHAR(8)     NOT NULL,
  product_line          VARCHAR(64),
  owner_id              VARCHAR(64)    NOT NULL,
  team_id               VARCHAR(64),
  routed_by             VARCHAR(255)   NOT NULL,
  status                VARCHAR(16)    NOT NULL,
  sla                   VARCHAR(32)    NOT NULL,
  due_at                DATETIME(6)    NOT NULL,
  escalation_level      INT            NOT NULL DEFAULT 0,
  created_at            DATETIME(6)    NOT NULL,
  accepted_at           DATETIME(6),
  accepted_by           VARCHAR(64),
  accepted_via          VARCHAR(16),
  time_to_accept_ms     BIGINT,
  contacted_at          DATETIME(6),
  contact_opted_out_at  DATETIME(6),
  crm_system            VARCHAR(16),
  crm_external_id       VARCHAR(64),
  crm_sync              VARCHAR(16)    NOT NULL,
  crm_attempts          INT            NOT NULL DEFAULT 0,
  crm_next_attempt_at   DATETIME(6),
  crm_claimed_until     DATETIME(6),
  crm_last_error        VARCHAR(1000),
  version               BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_crm_lead_task_source UNIQUE (source_key),
  CONSTRAINT uk_crm_lead_task_external UNIQUE (crm_system, crm_external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_crm_lead_task_owner ON crm_lead_task (owner_id, status, due_at);
CREATE INDEX ix_crm_lead_task_contact ON crm_lead_task (contact_id, status);
CREATE INDEX ix_crm_lead_task_sync ON crm_lead_task (crm_sync, crm_next_attempt_at);

-- what happened to a task: CREATED, ESCALATED, REASSIGNED, ACCEPTED, CONTACTED, CRM_SYNCED, CRM_FAILED,
-- CRM_REJECTED, CONTACT_OPTED_OUT; who (a person id, a CRM, or "system"), the owner it left the task with (CREATED,
-- ESCALATED, REASSIGNED) and the detail
CREATE TABLE crm_task_event (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  task_id         BIGINT         NOT NULL,
  at              DATETIME(6)    NOT NULL,
  kind            VARCHAR(24)    NOT NULL,
  actor           VARCHAR(100)   NOT NULL,
  owner_id        VARCHAR(64),
  detail          VARCHAR(1000),
  PRIMARY KEY (id),
  CONSTRAINT fk_crm_task_event_task FOREIGN KEY (task_id) REFERENCES crm_lead_task (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_crm_task_event_task ON crm_task_event (task_id, id);

-- staff notifications (an escalation to a manager) have no contact
ALTER TABLE email_message MODIFY contact_id BIGINT NULL;

-- journey: instances of sub-journeys (a call activity's child, e.g. hot-lead-handoff) that work for a journey run, so
-- that the run's steps include theirs
CREATE TABLE journey_sub_instance (
  process_instance_key  BIGINT        NOT NULL,
  journey_run_id        BIGINT        NOT NULL,
  process_id            VARCHAR(191)  NOT NULL,
  linked_at             DATETIME(6)   NOT NULL,
  PRIMARY KEY (process_instance_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_journey_sub_instance_run ON journey_sub_instance (journey_run_id);
