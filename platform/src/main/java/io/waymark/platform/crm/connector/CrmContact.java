package io.waymark.platform.crm.connector;

import io.waymark.platform.support.InvalidInputException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contact a task is about, as the connectors need it: the phone (E.164, the key Waymark knows every contact by)
 * to find the CRM's record when its id is not known, names and email for the task's text, and {@code attributes}
 * that may already carry the CRM's id ({@value #HUBSPOT_CONTACT_ID}, {@value #SALESFORCE_WHO_ID}).
 */
public record CrmContact(long waymarkContactId, String phone, String email, String firstName, String lastName,
    Map<String, String> attributes) {

  /** Attribute holding the HubSpot contact id (a number). */
  public static final String HUBSPOT_CONTACT_ID = "hubspotContactId";
  /** Attribute holding the Salesforce Contact or Lead id the task is about ({@code WhoId}). */
  public static final String SALESFORCE_WHO_ID = "salesforceWhoId";

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  public CrmContact {
    if (phone != null && !E164.matcher(phone).matches()) {
      throw new InvalidInputException("phone", "'" + phone + "' is not an E.164 number (+ and 2 to 15 digits)");
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The attribute's value, null when absent or blank. */
  String attribute(String name) {
    String value = attributes.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** First and last name as far as known, else null. */
  String displayName() {
    String name = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip()))
        .strip();
    return name.isEmpty() ? null : name;
  }
}
