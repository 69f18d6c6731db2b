-- messaging: a message that asks a question ("Reply 1 if you want to start within 2 weeks, 2 for later") keeps its
-- answers (JSON: answer key -> reply class), so the contact's reply "1" is read as that class
ALTER TABLE outbound_message ADD COLUMN answers VARCHAR(500);
CREATE INDEX ix_outbound_message_contact_created ON outbound_message (contact_id, created_at);

-- messaging: when the latest attempt to send a still QUEUED message began. A second attempt (a redelivered or
-- duplicated job) that finds an attempt younger than the send's longest possible duration stands back instead of
-- sending too; an older one is taken over (reconciled with the provider first)
ALTER TABLE outbound_message ADD COLUMN attempt_started_at DATETIME(6);
