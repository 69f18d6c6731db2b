package io.waymark.platform.crm.connector;

public class CrmRejectedException extends RuntimeException {
  public CrmRejectedException(String message) {
    super(message);
  }
}
