package io.waymark.workers;

import io.camunda.client.api.response.ActivatedJob;

/** Idempotency keys derived from a job: stable across redeliveries of the same job, distinct per loop iteration. */
public final class JobKeys {

  private JobKeys() {
  }

  /**
   * {@code zeebe:<process instance>:<element id>:<element instance>}. A redelivered job carries the same element
   * instance; a loop or a second visit of the element gets a new one.
   */
  public static String idempotencyKey(ActivatedJob job) {
    return "zeebe:" + job.getProcessInstanceKey() + ":" + job.getElementId() + ":" + job.getElementInstanceKey();
  }
}
