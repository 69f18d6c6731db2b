-- Contacts: lifecycle stage, owner, topics of interest and where the time zone came from; CSV import bookkeeping.
-- One script for H2 (MODE=MySQL) and MySQL 8.4 / MariaDB 10.11; one ALTER per column so that both accept it.

ALTER TABLE contact ADD COLUMN lifecycle_stage VARCHAR(16);
ALTER TABLE contact ADD COLUMN owner VARCHAR(100);
-- topic codes ([a-z0-9][a-z0-9-]*), sorted, comma-separated; NULL for none
ALTER TABLE contact ADD COLUMN topics VARCHAR(1000);
-- EXPLICIT, STATE or NUMBER; an explicit zone is only ever replaced by another explicit one
ALTER TABLE contact ADD COLUMN time_zone_source VARCHAR(16);
-- zones stored before this column existed were explicit or the number's own; keep them as they are
UPDATE contact SET time_zone_source = 'EXPLICIT' WHERE time_zone IS NOT NULL;

-- contact: the import rows already applied to a contact (SHA-256 of the row's contact columns), so that importing
-- the same file again changes nothing and reports UNCHANGED
CREATE TABLE contact_import_fingerprint (
  contact_id    BIGINT        NOT NULL,
  fingerprint   CHAR(64)      NOT NULL,
  applied_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (contact_id, fingerprint)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- contact: background CSV imports with their progress; a RUNNING import whose heartbeat stops is shown as FAILED
CREATE TABLE contact_import (
  id                 VARCHAR(36)   NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  file_name          VARCHAR(255),
  total_rows         INT           NOT NULL,
  processed_rows     INT           NOT NULL,
  imported_rows      INT           NOT NULL,
  updated_rows       INT           NOT NULL,
  unchanged_rows     INT           NOT NULL,
  rejected_rows      INT           NOT NULL,
  consent_rejected_rows INT        NOT NULL,
  warned_rows        INT           NOT NULL,
  failure            VARCHAR(1000),
  started_at         DATETIME(6)   NOT NULL,
  heartbeat_at       DATETIME(6)   NOT NULL,
  finished_at        DATETIME(6),
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- contact: the rows of a background import that were rejected or carry warnings (clean rows are only counted)
CREATE TABLE contact_import_issue (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  import_id          VARCHAR(36)   NOT NULL,
  line_number        BIGINT        NOT NULL,
  external_id        VARCHAR(191),
  outcome            VARCHAR(16)   NOT NULL,
  phone              VARCHAR(16),
  time_zone          VARCHAR(64),
  problem_field      VARCHAR(100),
  problem            VARCHAR(1000),
  warnings           VARCHAR(2000),
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_contact_import_issue_import ON contact_import_issue (import_id, line_number);
