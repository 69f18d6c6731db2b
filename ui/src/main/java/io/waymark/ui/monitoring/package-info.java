/** The Monitoring view for ops: instances, steps, failures with retry, cancel, throughput, health. */
package io.waymark.ui.monitoring;
