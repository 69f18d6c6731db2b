package io.waymark.platform.template;

/**
 * Where a template version stands: a {@link #DRAFT} may be edited, an {@link #APPROVED} version may be sent (at most
 * one per template), a {@link #RETIRED} version is kept for the record and can be neither edited nor sent.
 */
public enum TemplateStatus { DRAFT, APPROVED, RETIRED }
