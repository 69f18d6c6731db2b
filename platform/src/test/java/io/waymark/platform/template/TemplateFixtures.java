package io.waymark.platform.template;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique keys and small builders for the template tests (they share one database). */
final class TemplateFixtures {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private TemplateFixtures() {
  }

  static String key(String name) {
    return "test." + name + "-" + NEXT.incrementAndGet();
  }

  static NewTemplate sms(String key, String messageClass, String body) {
    return new NewTemplate(key, null, Channel.SMS, messageClass, null, null, body, null, null);
  }

  static NewTemplate sms(String key, String messageClass, String body, Integer maxSegments, Boolean followUp,
      String brand) {
    return new NewTemplate(key, null, Channel.SMS, messageClass, brand, null, body, maxSegments, followUp);
  }

  static NewTemplate email(String key, String subject, String body) {
    return new NewTemplate(key, null, Channel.EMAIL, "transactional", null, subject, body, null, null);
  }

  static ContactView contact(String firstName, String locale, String timeZone) {
    return new ContactView(new ContactId(42), "+14155550100", firstName, "Lee", "maya@example.com", locale, "CA",
        timeZone, "lead", null, List.of("promotions"), Map.of("plan", "Gold"));
  }
}
