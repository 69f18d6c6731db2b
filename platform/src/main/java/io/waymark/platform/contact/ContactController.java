package io.waymark.platform.contact;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.waymark.platform.support.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact API.
 * <ul>
 * <li>{@code POST /api/v1/contacts} upserts one contact ({@link ContactRequest}) and answers with the stored contact:
 * 201 (and {@code Location}) when the number was new, 200 otherwise. Bad input: 400 naming the field; unknown JSON
 * properties are bad input too.</li>
 * <li>{@code GET /api/v1/contacts/{phone}} with the number URL-encoded, E.164 ({@code %2B14155550100}) or as typed
 * (read with {@code ?country=}, default {@code waymark.contacts.default-country}): the contact, 404 if unknown, 400
 * naming {@code phone} if it is no valid number.</li>
 * </ul>
 */
@RestController
class ContactController {

  private final ContactDirectory contacts;
  private final ContactProperties properties;

  ContactController(ContactDirectory contacts, ContactProperties properties) {
    this.contacts = contacts;
    this.properties = properties;
  }

  @PostMapping("/api/v1/contacts")
  ResponseEntity<ContactResponse> upsert(@Valid @RequestBody ContactRequest request) {
    request.rejectUnknownProperties();
    ContactDirectory.Upserted upserted;
    try {
      upserted = contacts.save(request.toDetails());
    } catch (ContactDirectory.ConcurrentContactCreationException raced) {
      // the same new number arrived twice at once: the second attempt finds the contact the first one created
      upserted = contacts.save(request.toDetails());
    }
    ContactResponse body = ContactResponse.of(upserted.contact());
    if (upserted.created()) {
      URI location = URI.create("/api/v1/contacts/" + URLEncoder.encode(body.phone(), StandardCharsets.UTF_8));
      return ResponseEntity.created(location).body(body);
    }
    return ResponseEntity.ok(body);
  }

  @GetMapping("/api/v1/contacts/{phone}")
  ResponseEntity<ContactResponse> find(@PathVariable String phone, @RequestParam(required = false) String country) {
    String e164 = PhoneNumbers.toE164(phone, ContactRules.blank(country) ? properties.defaultCountry() : country);
    return contacts.findByPhone(e164).map(ContactResponse::of).map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** One contact as posted; see {@link ContactDetails} for the merge rules. */
  record ContactRequest(
      @NotBlank String phone,
      String country,
      String firstName,
      String lastName,
      String email,
      String locale,
      String region,
      String timeZone,
      String lifecycleStage,
      String owner,
      List<String> topics,
      Map<String, String> attributes,
      @JsonAnySetter Map<String, Object> unknown) {

    void rejectUnknownProperties() {
      if (unknown != null && !unknown.isEmpty()) {
        String name = unknown.keySet().iterator().next();
        throw new InvalidInputException(name, "is not a contact property (phone, country, firstName, lastName, "
            + "email, locale, region, timeZone, lifecycleStage, owner, topics, attributes)");
      }
    }

    ContactDetails toDetails() {
      return new ContactDetails(phone, country, firstName, lastName, email, locale, region, timeZone, lifecycleStage,
          owner, topics, attributes);
    }
  }

  /** A stored contact: {@code timeZone} is null when the number spans several zones and nothing else decides. */
  record ContactResponse(
      long id,
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

    static ContactResponse of(ContactView c) {
      return new ContactResponse(c.id().value(), c.phone(), c.firstName(), c.lastName(), c.email(), c.locale(),
          c.region(), c.timeZone(), c.lifecycleStage(), c.owner(), c.topics(), c.attributes());
    }
  }
}
