-- Consent you can defend: full evidence on every ledger line, revocations with their raw text, the suppression
-- list (do-not-contact) and keyword double opt-in. The ledger stays append-only.

ALTER TABLE consent_record ADD COLUMN brand VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE consent_record ADD COLUMN disclosure_version VARCHAR(64);
ALTER TABLE consent_record ADD COLUMN source_url VARCHAR(2000);
ALTER TABLE consent_record ADD COLUMN source_ip VARCHAR(45);
ALTER TABLE consent_record ADD COLUMN user_agent VARCHAR(500);
ALTER TABLE consent_record ADD COLUMN keyword_message_id VARCHAR(200);
ALTER TABLE consent_record ADD COLUMN agent_id VARCHAR(100);
-- revocations: the words the contact used, when they reached us, when we processed them, what we answered
ALTER TABLE consent_record ADD COLUMN raw_text VARCHAR(1600);
ALTER TABLE consent_record ADD COLUMN received_at DATETIME(6);
ALTER TABLE consent_record ADD COLUMN confirmation_text VARCHAR(1600);
CREATE INDEX ix_consent_record_source ON consent_record (contact_id, source_ref);

-- do-not-contact: an active entry (lifted_at null) wins over any opt-in; entries are lifted, never deleted
CREATE TABLE suppression_entry (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  phone         VARCHAR(16)   NOT NULL,
  reason        VARCHAR(500)  NOT NULL,
  source        VARCHAR(100)  NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  lifted_at     DATETIME(6),
  lifted_reason VARCHAR(500),
  version       BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_suppression_entry_phone ON suppression_entry (phone, lifted_at);

-- keyword sign-up: JOIN -> disclosure + "Reply YES to confirm" -> YES within the window records the opt-in
CREATE TABLE keyword_signup (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  phone                 VARCHAR(16)   NOT NULL,
  brand                 VARCHAR(64)   NOT NULL,
  keyword               VARCHAR(32)   NOT NULL,
  topics                VARCHAR(500)  NOT NULL,
  keyword_message_id    VARCHAR(64)   NOT NULL,
  prompt_text           VARCHAR(1600) NOT NULL,
  status                VARCHAR(16)   NOT NULL,
  started_at            DATETIME(6)   NOT NULL,
  expires_at            DATETIME(6)   NOT NULL,
  confirmed_message_id  VARCHAR(64),
  confirmed_at          DATETIME(6),
  version               BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_keyword_signup_phone ON keyword_signup (phone, status, expires_at);

-- inbound messages keep how they were classified
ALTER TABLE inbound_message ADD COLUMN reply_class VARCHAR(16);
ALTER TABLE inbound_message ADD COLUMN matched_rule VARCHAR(200);
ALTER TABLE inbound_message ADD COLUMN answer_text VARCHAR(1600);
ALTER TABLE inbound_message ADD COLUMN to_phone VARCHAR(32);
