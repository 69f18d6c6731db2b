package io.waymark.platform.crm.connector;

public interface CrmConnector {
  String system();

  CrmTaskRef upsertTask(CrmTaskRequest request);
}
