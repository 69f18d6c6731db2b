-- journey: the step ledger. Every job a worker ran, with what came of it, so ops can see where each instance is and
-- why it ended, in embedded and cluster mode alike (the engine's own history is not needed).
-- outcome: COMPLETED, BPMN_ERROR (detail: the error code and message), FAILED (retried later; detail: the reason)
-- or INCIDENT (no retries left: the job waits for ops).
CREATE TABLE journey_step (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  process_instance_key  BIGINT        NOT NULL,
  process_id            VARCHAR(191)  NOT NULL,
  process_version       INT           NOT NULL,
  element_id            VARCHAR(191)  NOT NULL,
  job_type              VARCHAR(100)  NOT NULL,
  job_key               BIGINT        NOT NULL,
  outcome               VARCHAR(16)   NOT NULL,
  detail                VARCHAR(1000),
  retries_left          INT           NOT NULL,
  duration_ms           BIGINT        NOT NULL,
  recorded_at           DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_journey_step_instance ON journey_step (process_instance_key, id);
CREATE INDEX ix_journey_step_outcome ON journey_step (outcome, recorded_at);
