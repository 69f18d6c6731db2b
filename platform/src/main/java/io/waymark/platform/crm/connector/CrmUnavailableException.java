package io.waymark.platform.crm.connector;

public class CrmUnavailableException extends RuntimeException {
  public CrmUnavailableException(String message) {
    super(message);
  }
}
