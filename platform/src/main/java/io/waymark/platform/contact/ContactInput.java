package io.waymark.platform.contact;

import java.util.List;
import java.util.Map;

/**
 * {@link ContactDetails} after {@link ContactRules}: the phone in E.164, every other value valid or null (absent),
 * {@code timeZone} an IANA id given explicitly, {@code topics} null when not given, attributes without blanks.
 */
record ContactInput(
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
