package io.waymark.platform.crm;

/** How urgent a lead task is; a task takes the highest of its tags' priorities. */
public enum LeadPriority { LOW, MEDIUM, HIGH, URGENT }
