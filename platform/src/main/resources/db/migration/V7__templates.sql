-- template: versioned message templates (SMS and email). One script for H2 (MODE=MySQL) and MySQL 8.4 / MariaDB 10.11.
-- A template's key, channel, message class and brand never change; its versions carry the content. Only a DRAFT
-- changes; at most one version per template is APPROVED (the one that is sent), the rest are DRAFT or RETIRED.
CREATE TABLE message_template (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  template_key    VARCHAR(80)   NOT NULL,
  name            VARCHAR(200)  NOT NULL,
  channel         VARCHAR(8)    NOT NULL,
  message_class   VARCHAR(32)   NOT NULL,
  brand           VARCHAR(64)   NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_message_template_key UNIQUE (template_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- approved_marker is 1 while the version is APPROVED and NULL otherwise: the unique key on (template_id,
-- approved_marker) lets the database hold one approved version per template (NULLs never collide)
CREATE TABLE message_template_version (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  template_id     BIGINT        NOT NULL,
  version_no      INT           NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  approved_marker INT,
  subject         VARCHAR(255),
  body            VARCHAR(8000) NOT NULL,
  max_segments    INT,
  follow_up       INT           NOT NULL DEFAULT 0,
  created_at      DATETIME(6)   NOT NULL,
  updated_at      DATETIME(6)   NOT NULL,
  approved_by     VARCHAR(100),
  approved_at     DATETIME(6),
  retired_by      VARCHAR(100),
  retired_at      DATETIME(6),
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_message_template_version UNIQUE (template_id, version_no),
  CONSTRAINT uk_message_template_approved UNIQUE (template_id, approved_marker),
  CONSTRAINT fk_message_template_version_template FOREIGN KEY (template_id) REFERENCES message_template (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
