package io.waymark.platform.crm.connector;

public enum CrmPriority { LOW, MEDIUM, HIGH, URGENT }
