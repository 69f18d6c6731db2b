package io.waymark.platform.template;

import static io.waymark.platform.template.TemplateFixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The templates Waymark ships, installed once at start and never overwritten. */
@SpringBootTest
class BundledTemplatesTests {

  static final Map<String, Object> VARIABLES = Map.of(
      "link", Map.of("url", "https://wmk.io/l/x1"),
      "appointment", Map.of("time", "2026-03-16T22:30:00Z"),
      "cart", Map.of("url", "https://shop.example/c/1"),
      "offer", Map.of("code", "SAVE20"),
      "order", Map.of("number", "A-1001", "trackingUrl", "https://t.example/A1001"));

  @Autowired MessageTemplates templates;
  @Autowired BundledTemplates bundled;

  @Test
  void installsEveryBundledTemplateAsAnApprovedFirstVersion() {
    assertThat(templates.list()).extracting(TemplateView::key).contains(
        "lead-follow-up.first-text", "lead-follow-up.qualifying-question", "lead-follow-up.nurture-follow-up",
        "lead-follow-up.fallback-email", "appointment-reminder.reminder-24h", "appointment-reminder.reminder-2h",
        "cart-recovery.first-nudge", "cart-recovery.second-nudge-with-code",
        "win-back.first", "win-back.second",
        "shipping-update.shipped", "shipping-update.out-for-delivery", "shipping-update.delivered");
    assertThat(templates.find("win-back.first")).get().satisfies(template -> {
      assertThat(template.approvedVersion()).isEqualTo(1);
      assertThat(template.versions()).singleElement().extracting(VersionView::approvedBy)
          .isEqualTo("waymark (bundled)");
    });
    assertThat(templates.find("shipping-update.delivered")).get().extracting(TemplateView::messageClass)
        .isEqualTo("transactional");
    assertThat(templates.isSendable("lead-follow-up.fallback-email", Channel.EMAIL)).isTrue();
  }

  @Test
  void rendersTheLeadFollowUpTextsForAContact() {
    RenderedMessage text = templates.render("lead-follow-up.first-text", null, contact("Maya", null, null), Map.of());
    assertThat(text.body()).isEqualTo("Hi Maya, thanks for reaching out to us! Reply with any question and a "
        + "specialist will text you back. Reply STOP to opt out.");
    assertThat(text.analysis().segments()).isEqualTo(1);
    assertThat(text.optOutWording()).isTrue();
    assertThat(text.messageClass()).isEqualTo("promotional");

    RenderedMessage question = templates.render("lead-follow-up.qualifying-question", null,
        contact("Maya", null, null), Map.of(), link -> "http://localhost:8080/l/Ab3dE9xQ7k");
    assertThat(question.body()).isEqualTo("Hi Maya, thanks for your enquiry with us! Reply 1 if you want to start "
        + "within 2 weeks, 2 for later, or book a call: http://localhost:8080/l/Ab3dE9xQ7k Reply STOP to opt out.");
    assertThat(question.analysis().segments()).isEqualTo(2);
    assertThat(question.optOutWording()).isTrue();
    assertThat(question.messageClass()).isEqualTo("promotional");

    RenderedMessage nurture = templates.render("lead-follow-up.nurture-follow-up", null, contact(null, null, null),
        Map.of("brand", Map.of("name", "Acme")));
    assertThat(nurture.body()).isEqualTo("Hi there, just checking in on your enquiry with Acme. No rush at all. "
        + "Reply 1 when you're ready and a specialist will get in touch.");
    assertThat(nurture.analysis().encoding()).isEqualTo(SmsEncoding.Encoding.GSM_7);
    assertThat(nurture.analysis().segments()).isEqualTo(1);
    assertThat(nurture.optOutWording()).as("a follow-up: no marketing boilerplate").isFalse();
    assertThat(templates.find("lead-follow-up.nurture-follow-up")).get().extracting(TemplateView::messageClass)
        .isEqualTo("promotional");

    RenderedMessage email = templates.render("lead-follow-up.fallback-email", null, contact(null, null, null),
        Map.of("brand.name", "Acme"));
    assertThat(email.subject()).isEqualTo("Following up on your enquiry");
    assertThat(email.body()).isEqualTo("Hi there,\n\nwe texted you about your enquiry and have not heard back. "
        + "Reply to this email or call us whenever suits you.\n\nKind regards,\nAcme");
  }

  @Test
  void rendersEveryBundledSmsSoundlyWithOnlyTheRequiredValues() {
    Map<String, List<String>> linked = new java.util.TreeMap<>();
    for (TemplateView template : templates.list()) {
      if (template.key().startsWith("test.") || template.approvedVersion() == null) {
        continue;
      }
      // a short URL as long as the link module's (base, /l/, 10 characters)
      LinkMinter minter = link -> {
        linked.computeIfAbsent(template.key(), k -> new java.util.ArrayList<>()).add(link.target());
        return "http://localhost:8080/l/Ab3dE9xQ7k";
      };
      RenderedMessage message = templates.render(template.key(), null, contact(null, null, "America/Chicago"),
          VARIABLES, template.channel() == Channel.SMS ? minter : LinkMinter.NONE);
      assertThat(message.body()).as(template.key()).doesNotContain("{", "}", "null").doesNotContain("  ");
      if (message.channel() == Channel.SMS) {
        assertThat(message.analysis().encoding()).as(template.key()).isEqualTo(SmsEncoding.Encoding.GSM_7);
        assertThat(message.analysis().segments()).as(template.key()).isLessThanOrEqualTo(2);
      }
    }
    assertThat(linked).as("the demo journeys' texts carry tracked short links (another test retires win-back.second)")
        .containsKeys("cart-recovery.first-nudge", "cart-recovery.second-nudge-with-code", "win-back.first")
        .allSatisfy((key, targets) -> assertThat(key).matches("(cart-recovery|win-back|lead-follow-up)\\..*"));
    assertThat(linked.get("lead-follow-up.qualifying-question")).containsExactly("https://acme.example/book-a-call");
    assertThat(linked.get("cart-recovery.first-nudge")).containsExactly("https://shop.example/c/1");
    assertThat(linked.get("win-back.first")).containsExactly("https://wmk.io/l/x1");
    assertThat(templates.render("appointment-reminder.reminder-24h", null, contact(null, null, "America/Chicago"),
        VARIABLES).body()).isEqualTo("Hi there, a reminder of your appointment with us on Mon, Mar 16, 5:30 PM at "
            + "our office. Reply 1 to confirm or 2 to reschedule.");
  }

  @Test
  void neverOverwritesEditsOrRetirementsOnTheNextStart() {
    templates.draft("shipping-update.out-for-delivery",
        DraftContent.sms("Order {order.number} arrives today: {order.trackingUrl}"));
    templates.approve("shipping-update.out-for-delivery", 2, "ops@example.com");
    templates.retire("win-back.second", 1, "ops@example.com");

    assertThat(bundled.install()).isZero();

    assertThat(templates.find("shipping-update.out-for-delivery")).get().satisfies(template -> {
      assertThat(template.approvedVersion()).isEqualTo(2);
      assertThat(template.versions()).hasSize(2);
    });
    assertThat(templates.find("win-back.second")).get().satisfies(template -> {
      assertThat(template.approvedVersion()).isNull();
      assertThat(template.versions()).hasSize(1);
    });
  }

}
