package io.waymark.platform.contact;

/** A contact's identity; its string form is the correlation key of every journey message about the contact. */
public record ContactId(long value) {

  public static ContactId parse(String text) {
    return new ContactId(Long.parseLong(text));
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
