package io.waymark.platform.template;

/** How a template's message travels. */
public enum Channel { SMS, EMAIL }
