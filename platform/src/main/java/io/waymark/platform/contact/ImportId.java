package io.waymark.platform.contact;

import com.fasterxml.jackson.annotation.JsonValue;

/** A background CSV import; a UUID, in JSON a plain string. */
public record ImportId(@JsonValue String value) {

  @Override
  public String toString() {
    return value;
  }
}
