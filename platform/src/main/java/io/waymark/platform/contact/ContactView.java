package io.waymark.platform.contact;

import java.util.List;
import java.util.Map;

/**
 * A stored contact as other modules see it; {@code phone} is E.164. {@code timeZone} is null when neither the
 * contact, its state nor its number decides one (the number spans several zones); {@code topics} are sorted.
 */
public record ContactView(
    ContactId id,
    String phone,
    String firstName,
    String lastName,
    String email,
    String locale,
    String region,
    String timeZone,
    String lifecycleStage,
    String owner,
    List<String> topics,
    Map<String, String> attributes) {
}
