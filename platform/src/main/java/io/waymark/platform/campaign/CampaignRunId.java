package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

/** One run's identity; its string form is the correlation key of {@code campaign-cancelled}. */
public record CampaignRunId(@JsonValue long value) {

  public static CampaignRunId parse(String text) {
    return new CampaignRunId(Long.parseLong(text));
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
