package io.waymark.platform.contact;

import java.util.Map;

/** A stored contact as other modules see it; {@code phone} is E.164. */
public record ContactView(
    ContactId id,
    String phone,
    String firstName,
    String lastName,
    String email,
    String locale,
    String region,
    String timeZone,
    Map<String, String> attributes) {
}
