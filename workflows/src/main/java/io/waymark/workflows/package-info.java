/**
 * Waymark's journeys as models: the BPMN files under {@code bpmn/}, and the names other code relies on
 * (job types, messages, process ids). Free of Spring and of the engine client.
 */
package io.waymark.workflows;
