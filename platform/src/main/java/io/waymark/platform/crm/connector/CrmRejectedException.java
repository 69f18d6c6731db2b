package io.waymark.platform.crm.connector;

/**
 * The CRM refused the request for good (400, 401, 403, 404 on a write, several records with one external id): the
 * message names what was refused and the CRM's own error. Retrying the same request would fail the same way; fix the
 * data or the configuration. Never trips a circuit breaker.
 */
public class CrmRejectedException extends RuntimeException {

  private final String system;
  private final int status;

  public CrmRejectedException(String system, int status, String message) {
    super(system + " refused " + message);
    this.system = system;
    this.status = status;
  }

  public String system() {
    return system;
  }

  /** The HTTP status the CRM answered with (0 when the refusal was not an HTTP answer). */
  public int status() {
    return status;
  }
}
