-- governance: the people who use Waymark's UI, their roles, and the append-only audit log. One script for H2
-- (MODE=MySQL) and MySQL 8.4 / MariaDB 10.11.
-- password_hash is a DelegatingPasswordEncoder value ({bcrypt}$2a$...): never a plain password.
CREATE TABLE app_user (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  username        VARCHAR(64)   NOT NULL,
  display_name    VARCHAR(100)  NOT NULL,
  email           VARCHAR(254),
  password_hash   VARCHAR(255)  NOT NULL,
  enabled         BOOLEAN       NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_app_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- a user may hold several roles: DESIGNER, APPROVER, SALES_REP, OPS, COMPLIANCE, ADMIN
CREATE TABLE app_user_role (
  user_id         BIGINT        NOT NULL,
  role            VARCHAR(16)   NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- every governance action: who (actor: a username, 'api' for machine clients, 'system'), when, what (action, e.g.
-- campaign.approval.decided), on what (subject type and id), the state before and after as JSON text (VARCHAR: one
-- schema for H2 and MySQL; longer states are stored as {"truncated":true,...}), and a sentence.
-- Only ever inserted: the application has no update or delete for it.
CREATE TABLE audit_entry (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  at              DATETIME(6)   NOT NULL,
  actor           VARCHAR(100)  NOT NULL,
  action          VARCHAR(64)   NOT NULL,
  subject_type    VARCHAR(32)   NOT NULL,
  subject_id      VARCHAR(128)  NOT NULL,
  before_state    VARCHAR(4000),
  after_state     VARCHAR(4000),
  detail          VARCHAR(1000),
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_audit_entry_at ON audit_entry (at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX ix_audit_entry_action ON audit_entry (action, at);
CREATE INDEX ix_audit_entry_subject ON audit_entry (subject_type, subject_id, at);
