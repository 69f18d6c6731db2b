/**
 * The embedded engine: with {@code waymark.engine.embedded.enabled=true} Waymark runs a real, durable single-node
 * Zeebe broker (the {@code io.camunda:camunda-zeebe} distribution) as a managed child process, so a single jar needs
 * no separately installed engine. Its state lives under {@code ${waymark.data-dir}/zeebe} and survives restarts.
 */
package io.waymark.engine;
