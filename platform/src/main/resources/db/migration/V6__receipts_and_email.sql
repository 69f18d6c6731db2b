-- messaging: delivery receipts and SMTP email.
-- The outbound ledger learns the final delivery status (DELIVERED / UNDELIVERED / FAILED, or UNKNOWN when no
-- receipt came in time and the provider could not tell), the provider's error code and when the receipt arrived.
ALTER TABLE outbound_message ADD COLUMN error_code VARCHAR(16);
ALTER TABLE outbound_message ADD COLUMN receipt_at DATETIME(6);
CREATE INDEX ix_outbound_message_provider_id ON outbound_message (provider_message_id);
CREATE INDEX ix_outbound_message_status_sent ON outbound_message (status, sent_at);

-- every delivery receipt as it arrived (audit trail), once per provider message id and status; a receipt for an
-- unknown message id is kept as an orphan (outbound_message_id null)
CREATE TABLE delivery_receipt (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  provider              VARCHAR(32)   NOT NULL,
  provider_message_id   VARCHAR(64)   NOT NULL,
  status                VARCHAR(32)   NOT NULL,
  error_code            VARCHAR(16),
  outbound_message_id   BIGINT,
  source                VARCHAR(16)   NOT NULL,
  received_at           DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_delivery_receipt UNIQUE (provider, provider_message_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_delivery_receipt_message ON delivery_receipt (outbound_message_id);

-- email over SMTP: the row is written (QUEUED) before the SMTP call and marked SENT after it; the Message-ID is
-- derived from the idempotency key so that a resend after a crash is recognisable as the same email
ALTER TABLE email_message ADD COLUMN message_id VARCHAR(255);
ALTER TABLE email_message ADD COLUMN sent_at DATETIME(6);
