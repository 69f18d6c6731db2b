package io.waymark.platform.crm.connector;

public record CrmTaskRef(String system, String externalId, boolean created) {
}
