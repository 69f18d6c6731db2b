package io.waymark.platform.crm.connector;

public interface CrmTaskCompletions {
  void completedInCrm(String system, String externalId, String completedBy);
}
