package io.waymark.platform.campaign;

/** No campaign, run or approval has this id (HTTP 404). */
public class CampaignNotFoundException extends RuntimeException {

  public CampaignNotFoundException(String what) {
    super(what);
  }
}
