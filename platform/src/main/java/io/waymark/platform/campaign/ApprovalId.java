package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

/** An approval request's identity; its string form is the correlation key of {@code approval-decided}. */
public record ApprovalId(@JsonValue long value) {

  public static ApprovalId parse(String text) {
    return new ApprovalId(Long.parseLong(text));
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
