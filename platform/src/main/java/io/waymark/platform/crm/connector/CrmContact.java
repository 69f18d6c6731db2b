package io.waymark.platform.crm.connector;

public record CrmContact(long waymarkContactId, String phone, String email, String firstName, String lastName,
    java.util.Map<String, String> attributes) {
}
