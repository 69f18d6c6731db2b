package io.waymark.platform.crm.connector;

/**
 * The CRM could not take the task now: 5xx, 429, a timeout, a refused connection, or its circuit breaker is open.
 * Nothing is wrong with the task: retry later (the inbox's task exists either way). Retrying is always safe, because
 * the connectors look for an earlier copy before they create one.
 */
public class CrmUnavailableException extends RuntimeException {

  private final String system;
  private final boolean retryNow;

  public CrmUnavailableException(String system, String message, Throwable cause) {
    this(system, message, cause, true);
  }

  public CrmUnavailableException(String system, String message) {
    this(system, message, null, true);
  }

  private CrmUnavailableException(String system, String message, Throwable cause, boolean retryNow) {
    super(system + " is unavailable: " + message, cause);
    this.system = system;
    this.retryNow = retryNow;
  }

  /**
   * A write whose answer was lost (read timeout, 5xx after the request was sent): the CRM may have created the task,
   * and its search may not show it for a few seconds, so the connector does not retry at once; a later attempt looks
   * for it first.
   */
  static CrmUnavailableException unconfirmed(String system, String message, Throwable cause) {
    return new CrmUnavailableException(system, message + " (the task may have been created; a later attempt looks "
        + "for it before creating one)", cause, false);
  }

  public String system() {
    return system;
  }

  /** Whether the connector's own short retry may try again at once. */
  boolean retryNow() {
    return retryNow;
  }
}
