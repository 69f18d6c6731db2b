package io.waymark.platform.template;

import static io.waymark.platform.template.TemplateFixtures.contact;
import static io.waymark.platform.template.TemplateFixtures.key;
import static io.waymark.platform.template.TemplateFixtures.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import io.waymark.platform.template.TemplateText.Link;
import io.waymark.platform.template.TemplateText.Literal;
import io.waymark.platform.template.TemplateText.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code {link:<url>}} in templates: parsing, the checks at save, previews of honest length, rendering through a minter. */
@SpringBootTest
class TemplateLinkTests {

  @Autowired MessageTemplates templates;

  private List<Problem> problems(NewTemplate template) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> templates.create(template));
    assertThat(e).as("refused").isNotNull();
    return e.problems();
  }

  @Test
  void parsesALinkWhoseUrlHoldsTokensAsAPartOfItsOwn() {
    TemplateText text = TemplateText.parse("Track: {link:https://shop.example/o?id={order.number}&x=1} now", "body");

    assertThat(text.problems()).isEmpty();
    assertThat(text.parts()).containsExactly(new Literal("Track: "),
        new Link(List.of(new Literal("https://shop.example/o?id="), new Token("order.number", null, 27,
            "{order.number}"), new Literal("&x=1")), 8, "{link:https://shop.example/o?id={order.number}&x=1}"),
        new Literal(" now"));
    assertThat(text.tokens()).extracting(Token::name).containsExactly("order.number");
    assertThat(TemplateText.parse("{link:{cart.url}}", "body").links()).singleElement()
        .extracting(Link::target).isEqualTo(List.of(new Token("cart.url", null, 1, "{cart.url}")));
    assertThat(TemplateText.parse("{link.url} is a token, not a link", "body").links()).isEmpty();
  }

  @Test
  void reportsALinkWithoutItsClosingBrace() {
    assertThat(TemplateText.parse("Go {link:https://shop.example/o?id={order.number} now", "body").problems())
        .containsExactly(new Problem("body", "{link: at character 4 has no closing } (write {link:https://...} with "
            + "the link's closing brace after the URL)"));
    assertThat(problems(sms(key("unclosed"), "transactional", "Go {link:https://shop.example/cart")))
        .extracting(Problem::field).containsExactly("body");
  }

  @Test
  void refusesALinkWhoseUrlIsNotAbsoluteHttpAfterSampleRendering() {
    assertThat(problems(sms(key("relative"), "transactional", "See {link:/cart/{order.number}} now")))
        .containsExactly(new Problem("body", "link {link:/cart/{order.number}} at character 5 renders to "
            + "'/cart/NW-10043217' with the sample values: a link needs an absolute http or https URL, e.g. "
            + "{link:https://shop.example/cart} or {link:{cart.url}}"));
    assertThat(problems(sms(key("ftp"), "transactional", "See {link:ftp://files.example/a}")))
        .singleElement().extracting(Problem::message).asString().contains("absolute http or https URL");
    assertThat(problems(sms(key("empty"), "transactional", "See {link:}")))
        .extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("empty link {link:}"));
    assertThat(problems(sms(key("unknown"), "transactional", "See {link:https://s.example/{cart.id}}")))
        .singleElement().extracting(Problem::message).asString().startsWith("unknown token {cart.id}");
  }

  @Test
  void refusesLinksInEmailAndAnExpiryOutsideOneHourToAYear() {
    assertThat(problems(new NewTemplate(key("email"), null, Channel.EMAIL, "transactional", null, "Hi",
        "Open {link:https://shop.example/a}", null, null)))
        .containsExactly(new Problem("body", "link {link:https://shop.example/a} at character 6: short links are "
            + "for SMS templates; write the URL itself in an email"));
    for (int hours : new int[] {0, 8761}) {
      assertThat(problems(new NewTemplate(key("expiry"), null, Channel.SMS, "transactional", null, null,
          "Open {link:https://shop.example/a}", null, null, hours)))
          .containsExactly(new Problem("linkExpiryHours", "must be 1 to 8760 hours (a year), not " + hours));
    }
  }

  @Test
  void keepsTheLinkExpiryOfAVersionAndPassesItToTheMinterWithTheRenderedTarget() {
    String key = key("expiry-kept");
    VersionView v1 = templates.create(new NewTemplate(key, null, Channel.SMS, "promotional", null, null,
        "Hi {firstName|there}: {link:https://shop.example/o/{order.number}?a=1} and {link:{cart.url}} "
            + "Reply STOP to opt out.", null, null, 24)).versions().getFirst();
    assertThat(v1.linkExpiryHours()).isEqualTo(24);
    templates.approve(key, 1, "pat");
    List<LinkMinter.LinkTarget> minted = new ArrayList<>();

    RenderedMessage message = templates.render(key, null, contact("Maya", null, null),
        Map.of("order", Map.of("number", "A 7"), "cart", Map.of("url", "https://shop.example/c/9")), link -> {
          minted.add(link);
          return "https://wm.example/l/" + link.position();
        });

    assertThat(message.body()).isEqualTo("Hi Maya: https://wm.example/l/0 and https://wm.example/l/1 Reply STOP to "
        + "opt out.");
    assertThat(minted).containsExactly(
        new LinkMinter.LinkTarget("https://shop.example/o/A 7?a=1", 0, key, 1, "promotional", 24),
        new LinkMinter.LinkTarget("https://shop.example/c/9", 1, key, 1, "promotional", 24));
    assertThat(templates.draft(key, DraftContent.sms("Again {link:https://shop.example/b} "
        + "Reply STOP to opt out.")).linkExpiryHours())
        .as("a draft without it takes the default").isNull();
  }

  @Test
  void previewsAndCountsSegmentsWithASampleShortUrlOfTheRealLength() {
    String sampleLink = "http://localhost:8080/l/Ab3dE9xQ7k"; // the platform tests' public base URL
    TemplatePreview preview = templates.preview(new PreviewRequest(Channel.SMS, "transactional", null, null,
        "Your order: {link:https://shop.example/a-very-long-path/that-would-not-fit/in-one-segment/at-all/"
            + "{order.number}}", null, null, Map.of()));
    assertThat(preview.problems()).isEmpty();
    assertThat(preview.body()).isEqualTo("Your order: " + sampleLink);
    assertThat(preview.segments()).isEqualTo(1);

    String nearly = "x".repeat(160 - "Go ".length() - sampleLink.length());
    assertThat(templates.preview(new PreviewRequest(Channel.SMS, "transactional", null, null,
        "Go {link:https://s.example/a} " + nearly, 1, null, Map.of())).problems())
        .as("one character past a segment with the short URL counted").singleElement()
        .extracting(Problem::message).asString().startsWith("renders to 2 segments");
    assertThat(templates.preview(new PreviewRequest(Channel.SMS, "transactional", null, null,
        "Go {link:https://s.example/a}" + nearly, 1, null, Map.of())).problems()).isEmpty();
  }
}
