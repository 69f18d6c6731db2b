-- messaging: what each outbound message rested on, so "why is this person getting this message?" has an answer:
-- the template version it was rendered from, the consent ledger line and the policy verdict at the moment of sending
ALTER TABLE outbound_message ADD COLUMN template_key VARCHAR(80);
ALTER TABLE outbound_message ADD COLUMN template_version INT;
ALTER TABLE outbound_message ADD COLUMN consent_record_id BIGINT;
ALTER TABLE outbound_message ADD COLUMN policy_verdict VARCHAR(16);
ALTER TABLE outbound_message ADD COLUMN policy_reason VARCHAR(32);
ALTER TABLE outbound_message ADD COLUMN decided_at DATETIME(6);
ALTER TABLE outbound_message ADD COLUMN brand VARCHAR(100);
