package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

/** A campaign's identity. */
public record CampaignId(@JsonValue long value) {

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
