/**
 * Waymark's domain. Every direct sub-package is a Spring Modulith application module with a public facade,
 * value records and events; entities, repositories and adapters stay package-private. {@code ModularityTests}
 * verifies the boundaries.
 */
package io.waymark.platform;
