-- link: short links, minted per recipient when a template with {link:<url>} is rendered, and every visit of one.
-- code is random (unguessable); target is the destination with its UTM parameters; message_key is the outbound
-- ledger's idempotency key of the SMS that carries the link and position its place in the text, so a repeated
-- render of the same message mints nothing new. A template version may set its links' lifetime (hours; null: the
-- configured default, 72 hours).
CREATE TABLE short_link (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  code                  VARCHAR(32)   NOT NULL,
  target                VARCHAR(2000) NOT NULL,
  contact_id            BIGINT        NOT NULL,
  process_id            VARCHAR(191),
  process_instance_key  BIGINT,
  message_key           VARCHAR(191),
  position              INT           NOT NULL,
  template_key          VARCHAR(80),
  variant               VARCHAR(64),
  created_at            DATETIME(6)   NOT NULL,
  expires_at            DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_short_link_code UNIQUE (code),
  CONSTRAINT uk_short_link_message UNIQUE (message_key, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_short_link_contact ON short_link (contact_id, created_at);

-- kind: CLICK (a person) or PREVIEW (a messaging app's link-preview bot, known by its user agent)
CREATE TABLE link_click (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  link_id               BIGINT        NOT NULL,
  code                  VARCHAR(32)   NOT NULL,
  contact_id            BIGINT        NOT NULL,
  process_instance_key  BIGINT,
  message_key           VARCHAR(191),
  kind                  VARCHAR(8)    NOT NULL,
  user_agent            VARCHAR(500),
  clicked_at            DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_link_click_contact ON link_click (contact_id, clicked_at);
CREATE INDEX ix_link_click_instance ON link_click (process_instance_key);
CREATE INDEX ix_link_click_time ON link_click (clicked_at);

ALTER TABLE message_template_version ADD COLUMN link_expiry_hours INT;
