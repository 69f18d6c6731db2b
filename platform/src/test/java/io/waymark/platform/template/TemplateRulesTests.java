package io.waymark.platform.template;

import static io.waymark.platform.template.TemplateFixtures.email;
import static io.waymark.platform.template.TemplateFixtures.key;
import static io.waymark.platform.template.TemplateFixtures.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What a template must be to be saved; every refusal names the field and the token, character or limit. */
@SpringBootTest
class TemplateRulesTests {

  @Autowired MessageTemplates templates;

  private List<Problem> problems(NewTemplate template) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> templates.create(template));
    assertThat(e).as("refused").isNotNull();
    assertThat(templates.find(template.key())).as("nothing stored").isEmpty();
    return e.problems();
  }

  @Test
  void refusesAnUnknownTokenNamingIt() {
    assertThat(problems(sms(key("unknown"), "transactional", "Hi {firstname|there}, {shoeSize|} {x.y}")))
        .containsExactly(
            new Problem("body", "token {shoeSize|} at character 23 has an empty fallback: write the words to use "
                + "when shoeSize is missing, e.g. {shoeSize|there}"),
            new Problem("body", "unknown token {firstname|there} at character 4: did you mean {firstName}?"),
            new Problem("body", "unknown token {x.y} at character 35 (GET /api/v1/template-tokens lists the known "
                + "ones)"));
  }

  @Test
  void refusesAnOptionalTokenWithoutFallbackNamingIt() {
    assertThat(problems(sms(key("optional"), "transactional", "Hi {firstName}, order {order.number} shipped.")))
        .containsExactly(new Problem("body", "token {firstName} at character 4 may be missing for a contact: give "
            + "it a fallback, e.g. {firstName|there}"));
  }

  @Test
  void acceptsARequiredTokenWithoutFallbackAndLiteralBraces() {
    String key = key("braces");
    templates.create(sms(key, "transactional", "Code {{{order.number}}} {{not a token}}"));
    templates.approve(key, 1, "pat");

    assertThat(templates.render(key, null, null, Map.of("order.number", "N-7")).body())
        .isEqualTo("Code {N-7} {not a token}");
  }

  @Test
  void refusesMalformedSyntaxNamingThePosition() {
    assertThat(problems(sms(key("syntax"), "transactional", "Hi {firstName|there, order {order.number}")))
        .containsExactly(new Problem("body", "unclosed { at character 4 (close it with }, or write {{ for a "
            + "literal brace)"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    NewTemplate template = new NewTemplate("Bad Key", null, Channel.SMS, "marketing", "Acme Inc", "Subject",
        "Hi {firstName}", 11, null);

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> templates.create(template));

    assertThat(e.problems()).extracting(Problem::field)
        .containsExactly("key", "messageClass", "brand", "maxSegments", "subject", "body");
    assertThat(e.problems().get(1).message())
        .isEqualTo("'marketing' is not a message class (one of transactional, alert, promotional)");
    assertThat(e.problems().get(3).message()).isEqualTo("must be 1 to 10, not 11");
    assertThat(e.problems().get(4).message()).isEqualTo("an SMS has no subject: leave it out");
  }

  @Test
  void refusesAPromotionalSmsWithoutOptOutWording() {
    assertThat(problems(sms(key("promo"), "promotional", "Hi {firstName|there}, 20% off today!")))
        .containsExactly(new Problem("body", "a promotional SMS must carry opt-out wording such as \"Reply STOP to "
            + "opt out\", unless it is marked followUp (never the first message of a journey)"));
    assertThat(problems(sms(key("promo"), "promotional", "20% off today!", null, null, "acme")))
        .containsExactly(new Problem("body", "a promotional SMS must carry opt-out wording such as \"Reply STOP to "
            + "opt out\" or the brand's \"Text QUIT to leave Acme alerts\", unless it is marked followUp (never the "
            + "first message of a journey)"));
  }

  @Test
  void acceptsTheBrandsPhraseAFollowUpOrAnotherClassWithoutTheCommonWording() {
    templates.create(sms(key("promo-brand"), "promotional", "20% off today! Text QUIT to leave Acme alerts", null,
        null, "acme"));
    templates.create(sms(key("promo-follow-up"), "promotional", "Last day for 20% off!", null, true, null));
    templates.create(sms(key("alert"), "alert", "Your appointment is at {appointment.time}."));
    templates.create(sms(key("promo-common"), "promotional", "20% off today! Txt STOP to end"));
  }

  @Test
  void enforcesTheSegmentLimitWithSampleValues() {
    assertThat(problems(sms(key("long"), "transactional", "Order {order.number} " + "a".repeat(450))))
        .containsExactly(new Problem("body", "renders to 4 segments (GSM-7, 468 septets) with the sample values; "
            + "the template allows at most 3 segments (maxSegments)"));
    templates.create(sms(key("long"), "transactional", "Order {order.number} " + "a".repeat(440)));
    templates.create(sms(key("long-allowed"), "transactional", "a".repeat(500), 4, null, null));
  }

  @Test
  void enforcesTheSegmentLimitWithTheFallbacks() {
    String body = "Hi {firstName|" + "dear valued customer of many years".repeat(3) + "}, " + "a".repeat(60);

    assertThat(problems(sms(key("fallback"), "transactional", body, 1, null, null)))
        .containsExactly(new Problem("body", "renders to 2 segments (GSM-7, 167 septets) with the "
            + "fallbacks; the template allows at most 1 segment (maxSegments)"));
  }

  @Test
  void enforcesTheSegmentLimitInTheWorstCaseOfSamplesAndFallbacks() {
    // samples alone: 121 septets, fallbacks alone: 153, the long sample with the long fallback: 172
    String body = "{lead.interest|a} {firstName|" + "b".repeat(60) + "} " + "c".repeat(90);

    assertThat(problems(sms(key("worst-case"), "transactional", body, 1, null, null)))
        .containsExactly(new Problem("body", "renders to 2 segments (GSM-7, 172 septets) with the longer of each "
            + "sample value and fallback; the template allows at most 1 segment (maxSegments)"));
  }

  @Test
  void countsUcs2WhenTheAuthorsTextNeedsIt() {
    String body = "Hi {firstName|there} " + "ü".repeat(10) + "✓" + "a".repeat(60);

    assertThat(problems(sms(key("ucs2"), "transactional", body, 1, null, null)))
        .containsExactly(new Problem("body", "renders to 2 segments (UCS-2, 84 UTF-16 units) with the sample "
            + "values; the template allows at most 1 segment (maxSegments)"));
  }

  @Test
  void checksEmailSubjectAndTokensLikeSms() {
    assertThat(problems(email(key("email"), null, "Hi {firstName|there}")))
        .containsExactly(new Problem("subject", "is required for email"));
    assertThat(problems(email(key("email"), "Line one\nline two", "Hi {firstName|there}")))
        .containsExactly(new Problem("subject", "must be one line"));
    assertThat(problems(email(key("email"), String.join(" ", Collections.nCopies(8, "{email|x}")), "Hi")))
        .containsExactly(new Problem("subject", "renders to 263 characters with the longer of each sample value and "
            + "fallback; at most 255 are allowed"));
    assertThat(problems(email(key("email"), "Hi {firstName}", "Order {order.numbr}")))
        .containsExactly(
            new Problem("subject", "token {firstName} at character 4 may be missing for a contact: give it a "
                + "fallback, e.g. {firstName|there}"),
            new Problem("body", "unknown token {order.numbr} at character 7: did you mean {order.number}?"));
    assertThat(problems(new NewTemplate(key("email"), null, Channel.EMAIL, "transactional", null, "S", "B", 2,
        null))).containsExactly(new Problem("maxSegments", "applies to SMS only"));
  }

  @Test
  void refusesADuplicateKeyAndABadKey() {
    String key = key("dup");
    templates.create(sms(key, "transactional", "Hello"));

    assertThatThrownBy(() -> templates.create(sms(key, "transactional", "Hello again")))
        .isInstanceOf(TemplateStateException.class)
        .hasMessage("template '" + key + "' exists already: add a version with POST /api/v1/templates/" + key
            + "/versions");
    assertThat(problems(sms("-starts-with-hyphen", "transactional", "Hello")))
        .extracting(Problem::field).containsExactly("key");
    assertThat(problems(sms(null, "transactional", "Hello"))).containsExactly(new Problem("key", "is required"));
  }

  @Test
  void checksNewDraftsAndEditsAlikeAndStoresNothingWhenRefused() {
    String key = key("draft-rules");
    templates.create(sms(key, "promotional", "Deals! Reply STOP to opt out."));

    assertThatThrownBy(() -> templates.draft(key, DraftContent.sms("Deals! {firstName}")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> templates.updateDraft(key, 1, DraftContent.sms("Deals!")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("body: a promotional SMS must carry opt-out wording");
    assertThat(templates.find(key).orElseThrow().versions()).singleElement()
        .extracting(VersionView::body).isEqualTo("Deals! Reply STOP to opt out.");
  }
}
