package io.waymark.platform.campaign;

/**
 * What was asked cannot be done in the state things are in (HTTP 409): a second decision on an approval, a decision
 * after it expired, cancelling a completed campaign. The message says why and what to do instead.
 */
public class CampaignConflictException extends RuntimeException {

  public CampaignConflictException(String message) {
    super(message);
  }
}
