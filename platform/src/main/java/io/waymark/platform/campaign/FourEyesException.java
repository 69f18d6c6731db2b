package io.waymark.platform.campaign;

/** The person deciding an approval created the campaign: someone else must decide (HTTP 403). */
public class FourEyesException extends RuntimeException {

  public FourEyesException(String message) {
    super(message);
  }
}
