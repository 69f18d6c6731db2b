package io.waymark.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The facade wired with the real contact directory and consent ledger on H2, a configured cap and the in-memory send
 * history standing in for messaging's.
 */
@SpringBootTest(properties = {
    "waymark.policy.caps[0].message-class=promotional",
    "waymark.policy.caps[0].topic=promotions",
    "waymark.policy.caps[0].max=2",
    "waymark.policy.caps[0].window=P1D"})
class SendPolicyWiringTests {

  @TestConfiguration(proxyBeanMethods = false)
  static class History {
    @Bean
    @Primary
    InMemorySendHistory sendHistory() {
      return new InMemorySendHistory();
    }
  }

  @Autowired SendPolicy policy;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired InMemorySendHistory history;

  private final String suffix = String.format("%04d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000));

  @BeforeEach
  void forgetSends() {
    history.clear();
  }

  private ContactView optedIn(String phone, String region) {
    ContactView contact = contacts.upsert(new ContactDetails(phone, null, null, null, null, null, region, null,
        Map.of()));
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form",
        "Yes, text me offers. Reply STOP to cancel.", "test", Instant.now().minusSeconds(60)));
    return contact;
  }

  @Test
  void defersFloridaPromotionAtHalfPastEightToEightNextMorning() {
    ContactView miami = optedIn("+1305555" + suffix, "FL");

    SendDecision decision = policy.decide(new SendRequest(miami.id(), "promotions", "promotional",
        Instant.parse("2026-06-16T00:30:00Z"), null));

    assertThat(decision).usingRecursiveComparison().ignoringFields("consentRecordId")
        .isEqualTo(SendDecision.defer(Instant.parse("2026-06-16T12:00:00Z"), "QUIET_HOURS"));
  }

  @Test
  void namesTheConsentRecordEachDecisionRestsOn() {
    ContactView miami = optedIn("+1305555" + suffix, "FL");
    long optIn = consent.state(miami).topics().get("promotions").recordId();

    SendDecision sent = policy.decide(new SendRequest(miami.id(), "promotions", "promotional",
        Instant.parse("2026-06-15T16:00:00Z"), null));
    consent.recordRevocation(new io.waymark.platform.consent.Revocation(miami.id(), miami.phone(), "default",
        List.of("promotions"), "email", "no more offers please", Instant.now(), "test-revocation", null));
    long optOut = consent.state(miami).topics().get("promotions").recordId();
    SendDecision refused = policy.decide(new SendRequest(miami.id(), "promotions", "promotional",
        Instant.parse("2026-06-15T16:00:00Z"), null));

    assertThat(sent.consentRecordId()).isEqualTo(optIn);
    assertThat(refused).isEqualTo(new SendDecision(SendDecision.Verdict.SUPPRESS, null, "OPTED_OUT", optOut));
    assertThat(optOut).isNotEqualTo(optIn);
    assertThat(consent.entry(optIn)).get().extracting(io.waymark.platform.consent.ConsentEntry::kind)
        .isEqualTo("OPT_IN");
  }

  @Test
  void keepsTheFourArgumentDecideWorking() {
    ContactView miami = optedIn("+1305555" + suffix, "FL");

    assertThat(policy.decide(miami.id(), "promotions", "promotional", Instant.parse("2026-06-15T16:00:00Z")))
        .usingRecursiveComparison().ignoringFields("consentRecordId").isEqualTo(SendDecision.send());
    assertThat(policy.decide(miami.id(), "promotions", "transactional", Instant.parse("2026-06-15T07:00:00Z")))
        .usingRecursiveComparison().ignoringFields("consentRecordId").isEqualTo(SendDecision.send());
  }

  @Test
  void countsTheConfiguredCapThroughTheSendHistoryBean() {
    ContactView seattle = optedIn("+1206555" + suffix, "WA");
    history.sent(seattle.id(), "promotional", "promotions", Instant.parse("2026-06-15T16:00:00Z"))
        .sent(seattle.id(), "promotional", "promotions", Instant.parse("2026-06-15T17:00:00Z"));

    SendDecision decision = policy.decide(new SendRequest(seattle.id(), "promotions", "promotional",
        Instant.parse("2026-06-15T20:00:00Z"), null));

    assertThat(decision).usingRecursiveComparison().ignoringFields("consentRecordId").isEqualTo(SendDecision.defer(Instant.parse("2026-06-16T16:00:00Z"), "CAP_REACHED"));
  }

  @Test
  void defersATollFreeNumberByTheWindowOfEveryZoneItMapsTo() {
    ContactView tollFree = optedIn("+1800555" + suffix, null);

    SendDecision decision = policy.decide(new SendRequest(tollFree.id(), "promotions", "promotional",
        Instant.parse("2026-01-15T18:00:00Z"), null));

    assertThat(tollFree.timeZone()).isNull();
    assertThat(decision).usingRecursiveComparison().ignoringFields("consentRecordId").isEqualTo(SendDecision.defer(Instant.parse("2026-01-15T22:00:00Z"), "QUIET_HOURS"));
  }

  @Test
  void suppressesWhatCouldOnlyGoOutAfterNotAfter() {
    ContactView miami = optedIn("+1305555" + suffix, "FL");

    SendDecision decision = policy.decide(new SendRequest(miami.id(), "promotions", "promotional",
        Instant.parse("2026-06-16T00:30:00Z"), Instant.parse("2026-06-16T03:00:00Z")));

    assertThat(decision).usingRecursiveComparison().ignoringFields("consentRecordId").isEqualTo(SendDecision.suppress("EXPIRED"));
  }

  @Test
  void suppressesUnknownContactsAndMissingConsentFirst() {
    ContactView noConsent = contacts.upsert(ContactDetails.ofPhone("+1415555" + suffix));
    Instant night = Instant.parse("2026-06-15T10:00:00Z");

    assertThat(policy.decide(new ContactId(Long.MAX_VALUE), "promotions", "promotional", night))
        .usingRecursiveComparison().ignoringFields("consentRecordId").isEqualTo(SendDecision.suppress("UNKNOWN_CONTACT"));
    assertThat(policy.decide(noConsent.id(), "promotions", "promotional", night))
        .usingRecursiveComparison().ignoringFields("consentRecordId").isEqualTo(SendDecision.suppress("NO_CONSENT"));
  }

  @Test
  void rejectsAnUnknownMessageClassNamingIt() {
    ContactView miami = optedIn("+1305555" + suffix, "FL");

    assertThatThrownBy(() -> policy.decide(miami.id(), "promotions", "marketing", Instant.now()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("messageClass");
          assertThat(e.problem()).contains("'marketing'", "transactional, alert, promotional");
        });
  }
}
