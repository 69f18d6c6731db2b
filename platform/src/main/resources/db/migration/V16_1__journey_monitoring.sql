-- journey: what the Journeys and Monitoring views need.
-- journey_step.element_instance_key: the element instance the job belonged to, so that ops can retry a step that ran
-- out of retries (the instance is modified: that element instance terminated, which resolves its incident, and the
-- element activated again); null for steps recorded before this column existed.
-- journey_step.resolved_at: when ops retried the incident or cancelled its instance (null: still open).
-- journey_definition.bpmn_xml: the deployed BPMN, drawn in the browser (null for versions recorded before).
ALTER TABLE journey_step ADD COLUMN element_instance_key BIGINT;
ALTER TABLE journey_step ADD COLUMN resolved_at DATETIME(6);
ALTER TABLE journey_definition ADD COLUMN bpmn_xml LONGTEXT;
