package io.waymark.platform.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.template.TemplateToken.Format;
import io.waymark.platform.template.TemplateToken.Source;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class TokenCatalogTests {

  private static final TokenCatalog SHIPPED = TokenCatalog.load(new ClassPathResource("template/tokens.tsv"));

  @Test
  void loadsTheShippedCatalogWithASampleForEveryToken() {
    assertThat(SHIPPED.all()).extracting(TemplateToken::name).contains("firstName", "lastName", "email",
        "attributes.*", "brand.name", "link.url", "appointment.time", "appointment.location", "cart.url",
        "cart.code", "offer.code", "order.number", "order.trackingUrl")
        .doesNotContain("phone");
    assertThat(SHIPPED.all()).allSatisfy(token -> assertThat(token.sample()).isNotBlank());
  }

  @Test
  void knowsWhichTokensAreAlwaysPassed() {
    assertThat(SHIPPED.find("firstName")).get().satisfies(t -> {
      assertThat(t.required()).isFalse();
      assertThat(t.source()).isEqualTo(Source.CONTACT);
      assertThat(t.sample()).isEqualTo("Alexandra");
    });
    assertThat(SHIPPED.find("appointment.time")).get().satisfies(t -> {
      assertThat(t.required()).isTrue();
      assertThat(t.format()).isEqualTo(Format.DATETIME);
    });
    assertThat(SHIPPED.find("appointment.location")).get().extracting(TemplateToken::required).isEqualTo(false);
  }

  @Test
  void findsAnyAttributeThroughTheWildcard() {
    assertThat(SHIPPED.find("attributes.plan")).get().extracting(TemplateToken::name).isEqualTo("attributes.*");
    assertThat(SHIPPED.find("appointment.room")).isEmpty();
    assertThat(SHIPPED.find("firstname")).isEmpty();
  }

  @Test
  void suggestsTheClosestKnownName() {
    assertThat(SHIPPED.suggestion("firstname")).contains("firstName");
    assertThat(SHIPPED.suggestion("first_name")).contains("firstName");
    assertThat(SHIPPED.suggestion("order.numbr")).contains("order.number");
    assertThat(SHIPPED.suggestion("shoeSize")).isEmpty();
  }

  @Test
  void refusesABadRowNamingItsLine() {
    assertThatThrownBy(() -> TokenCatalog.parse("# header\nfirstName\toptional\ttext\tcontact\tAl\tname\n"
        + "x.y\tsometimes\ttext\tjourney\tv\td\n", "test.tsv"))
        .hasMessage("test.tsv line 3: presence 'sometimes' is not required or optional");
    assertThatThrownBy(() -> TokenCatalog.parse("a\toptional\ttext\tjourney\t\td\n", "test.tsv"))
        .hasMessage("test.tsv line 1: token a needs a sample value");
    assertThatThrownBy(() -> TokenCatalog.parse("a\toptional\ttext\tjourney\tx\td\na\trequired\ttext\tjourney\tx\td",
        "test.tsv")).hasMessage("test.tsv line 2: token a is listed twice");
    assertThatThrownBy(() -> TokenCatalog.parse("a\toptional\tmoney\tjourney\tx\td", "test.tsv"))
        .hasMessage("test.tsv line 1: format 'money' is not one of [text, url, number, date, datetime]");
  }
}
