package io.waymark.platform.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.template.LinkMinter;
import io.waymark.platform.template.LinkMinter.LinkTarget;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Minting short links (codes, idempotency, UTM, expiry) and opening them at {@code /l/{code}}, on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ShortLinksTests {

  private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
  private static final String CODE_URL = "http://localhost:8080/l/[0-9A-Za-z]{10}";

  @Autowired ShortLinks links;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;

  private static MessageLinks message(String variant) {
    return new MessageLinks("test:" + UUID.randomUUID(), new ContactId(4711), "cart-recovery", 99L, variant);
  }

  private static LinkTarget target(String url, int position, Integer expiryHours) {
    return new LinkTarget(url, position, "test.links", 1, "promotional", expiryHours);
  }

  private static String code(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private Map<String, Object> row(String code) {
    return jdbc.queryForMap("select * from short_link where code = ?", code);
  }

  @Test
  void mintsUnguessableBase62CodesOfTenCharactersThatNeverRepeat() {
    Set<String> codes = new HashSet<>();
    IntStream.range(0, 300).forEach(i -> codes.add(code(links.minter(message(null))
        .mint(target("https://shop.example/" + i, 0, null)))));
    assertThat(codes).hasSize(300).allMatch(c -> c.matches("[0-9A-Za-z]{10}"));

    Set<String> drawn = new HashSet<>();
    IntStream.range(0, 200_000).forEach(i -> drawn.add(links.newCode()));
    assertThat(drawn).as("~60 bits: no repeat in 200,000 draws").hasSize(200_000);
    assertThat(String.join("", drawn).chars().distinct().count()).as("every base62 character is used").isEqualTo(62);
  }

  @Test
  void mintsOneLinkPerMessageAndPositionSoARepeatedRenderGetsTheSameUrl() {
    MessageLinks message = message("discount");
    String first = links.minter(message).mint(target("https://shop.example/c/1", 0, null));
    String second = links.minter(message).mint(target("https://shop.example/c/1", 1, null));

    assertThat(first).matches(CODE_URL).isNotEqualTo(second);
    assertThat(links.minter(message).mint(target("https://shop.example/c/1", 0, null))).isEqualTo(first);
    assertThat(jdbc.queryForObject("select count(*) from short_link where message_key = ?", Long.class,
        message.messageKey())).isEqualTo(2);
    assertThat(row(code(first))).containsEntry("target", "https://shop.example/c/1?utm_source=sms"
        + "&utm_medium=promotional&utm_campaign=cart-recovery&utm_content=discount")
        .containsEntry("contact_id", 4711L).containsEntry("process_instance_key", 99L)
        .containsEntry("process_id", "cart-recovery").containsEntry("variant", "discount")
        .containsEntry("position", 0).containsEntry("template_key", "test.links");
  }

  @Test
  void expiresAfterTheTemplateVersionsHoursOrTheDefaultSeventyTwo() {
    Instant before = clock.instant();
    String own = code(links.minter(message(null)).mint(target("https://shop.example/a", 0, 5)));
    String standard = code(links.minter(message(null)).mint(target("https://shop.example/b", 0, null)));

    assertThat(lifetime(own)).isEqualTo(Duration.ofHours(5));
    assertThat(lifetime(standard)).isEqualTo(Duration.ofHours(72));
    assertThat(((Timestamp) row(own).get("created_at")).toInstant()).isAfterOrEqualTo(before.minusSeconds(1));
  }

  private Duration lifetime(String code) {
    Map<String, Object> row = row(code);
    return Duration.between(((Timestamp) row.get("created_at")).toInstant(),
        ((Timestamp) row.get("expires_at")).toInstant());
  }

  @Test
  void recordsAClickPublishesLinkClickedAndRedirectsToTheTargetWithUtm() throws Exception {
    String code = code(links.minter(message(null)).mint(target("https://shop.example/c/2?id=2#top", 0, null)));

    mvc.perform(get("/l/" + code).header(HttpHeaders.USER_AGENT, BROWSER))
        .andExpect(status().isFound())
        .andExpect(header().string(HttpHeaders.LOCATION, "https://shop.example/c/2?id=2&utm_source=sms"
            + "&utm_medium=promotional&utm_campaign=cart-recovery#top"))
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"));

    Map<String, Object> click = jdbc.queryForMap("select * from link_click where code = ?", code);
    assertThat(click).containsEntry("kind", "CLICK").containsEntry("user_agent", BROWSER)
        .containsEntry("contact_id", 4711L).containsEntry("process_instance_key", 99L)
        .containsEntry("link_id", row(code).get("id")).containsKey("message_key");
    assertThat(click.get("clicked_at")).isNotNull();
    assertThat(events.stream(LinkClicked.class).filter(e -> e.code().equals(code)))
        .containsExactly(new LinkClicked((Long) click.get("id"), code, new ContactId(4711), 99L));
    assertThat(links.clickedAt((Long) click.get("id"))).contains(((Timestamp) click.get("clicked_at")).toInstant());
  }

  @Test
  void recordsALinkPreviewBotAsAPreviewWithoutAnEventAndStillRedirects() throws Exception {
    String code = code(links.minter(message(null)).mint(target("https://shop.example/p", 0, null)));

    for (String bot : new String[] {"WhatsApp/2.23.20.0", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "TelegramBot (like TwitterBot)"}) {
      mvc.perform(get("/l/" + code).header(HttpHeaders.USER_AGENT, bot))
          .andExpect(status().isFound())
          .andExpect(header().string(HttpHeaders.LOCATION, "https://shop.example/p?utm_source=sms"
              + "&utm_medium=promotional&utm_campaign=cart-recovery"));
    }

    assertThat(jdbc.queryForList("select kind from link_click where code = ?", String.class, code))
        .containsExactly("PREVIEW", "PREVIEW", "PREVIEW", "PREVIEW");
    assertThat(events.stream(LinkClicked.class).filter(e -> e.code().equals(code))).isEmpty();
  }

  @Test
  void answersAnExpiredCodeWith410AndAnUnknownOneWith404NeverShowingTheTarget() throws Exception {
    String code = code(links.minter(message(null)).mint(target("https://shop.example/secret-offer", 0, null)));
    jdbc.update("update short_link set expires_at = ? where code = ?",
        Timestamp.from(clock.instant().minusSeconds(1)), code);

    String gone = mvc.perform(get("/l/" + code).header(HttpHeaders.USER_AGENT, BROWSER))
        .andExpect(status().isGone()).andExpect(content().contentTypeCompatibleWith("text/html"))
        .andReturn().getResponse().getContentAsString();
    assertThat(gone).contains("This link has expired").doesNotContain("shop.example", "secret-offer", "4711");
    assertThat(jdbc.queryForObject("select count(*) from link_click where code = ?", Long.class, code)).isZero();

    for (String unknown : new String[] {"Zz9Zz9Zz9Z", "bad-code!", "a".repeat(33)}) {
      String page = mvc.perform(get("/l/" + unknown)).andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith("text/html"))
          .andReturn().getResponse().getContentAsString();
      assertThat(page).contains("Link not found").doesNotContain("Exception", "at io.");
    }
    assertThat(events.stream(LinkClicked.class).filter(e -> e.code().equals(code))).isEmpty();
  }

  @Test
  void answersWhatOpeningACodeCameTo() {
    String code = code(links.minter(message(null)).mint(target("https://shop.example/x", 0, null)));
    assertThat(links.open(code, null)).isEqualTo(new ShortLinks.Visit(ShortLinks.Visit.Kind.CLICK,
        "https://shop.example/x?utm_source=sms&utm_medium=promotional&utm_campaign=cart-recovery"));
    assertThat(links.open("nope", "Slackbot-LinkExpanding 1.0").kind()).isEqualTo(ShortLinks.Visit.Kind.UNKNOWN);
    assertThat(links.open(null, null).kind()).isEqualTo(ShortLinks.Visit.Kind.UNKNOWN);
    assertThat(LinkMinter.CODE_LENGTH).isEqualTo(10);
  }
}
