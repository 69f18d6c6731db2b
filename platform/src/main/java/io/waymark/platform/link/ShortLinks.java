package io.waymark.platform.link;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.template.LinkMinter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Short links: minted per recipient at render time, opened at {@code /l/{code}}.
 *
 * <p>A code is {@link LinkMinter#CODE_LENGTH} characters drawn from {@link SecureRandom} over base62 (about 60 bits:
 * unguessable, never derived from ids). One message key and link position always get the same code, so a rendering
 * repeated for the same message (a redelivered job) mints nothing new. Each link is written in its own transaction, so
 * a clash at the unique keys (a concurrent rendering of the same message, or the unlikely repeated code) is answered
 * by reading the winner or drawing again.
 */
@Service
@EnableConfigurationProperties(LinkProperties.class)
public class ShortLinks {

  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  /** What {@code /l/{code}} accepts before asking the database: base62, no longer than the column. */
  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,32}");
  private static final int ATTEMPTS = 5;

  private final ShortLinkRepository links;
  private final LinkClickRepository clicks;
  private final LinkProperties properties;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String base;
  private final SecureRandom random = new SecureRandom();

  ShortLinks(ShortLinkRepository links, LinkClickRepository clicks, LinkProperties properties,
      ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
      @Value("${waymark.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.links = links;
    this.clicks = clicks;
    this.properties = properties;
    this.events = events;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    String configured = properties.baseUrl() == null || properties.baseUrl().isBlank() ? publicBaseUrl
        : properties.baseUrl();
    this.base = configured.strip().replaceAll("/+$", "");
  }

  /** What renders the links of one message: each becomes {@code <base-url>/l/<code>}. */
  public LinkMinter minter(MessageLinks message) {
    return link -> url(mint(message, link).code());
  }

  /** The short URL of a code. */
  public String url(String code) {
    return base + LinkMinter.PATH + code;
  }

  /**
   * Someone opened {@code /l/{code}} with {@code userAgent} (may be null): a click (recorded, {@link LinkClicked}
   * published in the same transaction), a preview by a link-preview bot (recorded as such), or an expired or unknown
   * code (nothing to follow, nothing recorded).
   */
  @Transactional
  public Visit open(String code, String userAgent) {
    if (code == null || !CODE.matcher(code).matches()) {
      return new Visit(Visit.Kind.UNKNOWN, null);
    }
    Optional<ShortLink> found = links.findByCode(code);
    if (found.isEmpty()) {
      return new Visit(Visit.Kind.UNKNOWN, null);
    }
    ShortLink link = found.get();
    Instant now = clock.instant();
    if (!now.isBefore(link.expiresAt())) {
      return new Visit(Visit.Kind.EXPIRED, null);
    }
    if (properties.preview(userAgent)) {
      clicks.save(new LinkClick(link, LinkClick.Kind.PREVIEW, userAgent, now));
      return new Visit(Visit.Kind.PREVIEW, link.target());
    }
    LinkClick click = clicks.saveAndFlush(new LinkClick(link, LinkClick.Kind.CLICK, userAgent, now));
    events.publishEvent(new LinkClicked(click.id(), link.code(), new ContactId(link.contactId()),
        link.processInstanceKey()));
    return new Visit(Visit.Kind.CLICK, link.target());
  }

  /** When a recorded click happened (for the journey message that reports it). */
  @Transactional(readOnly = true)
  public Optional<Instant> clickedAt(long clickId) {
    return clicks.findById(clickId).map(LinkClick::clickedAt);
  }

  /** The link of this message at this position: the one minted before, or a new one. */
  ShortLink mint(MessageLinks message, LinkMinter.LinkTarget link) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ownTransaction.execute(status -> links.findByMessageKeyAndPosition(message.messageKey(),
            link.position()).orElseGet(() -> create(message, link)));
      } catch (DataIntegrityViolationException clash) {
        if (attempt == ATTEMPTS) {
          throw clash;
        }
      }
    }
  }

  private ShortLink create(MessageLinks message, LinkMinter.LinkTarget link) {
    Instant now = clock.instant();
    Duration lifetime = link.expiryHours() == null ? properties.defaultExpiry()
        : Duration.ofHours(link.expiryHours());
    String code = newCode();
    while (links.existsByCode(code)) {
      code = newCode();
    }
    String target = UtmParameters.append(link.target(), link.messageClass(), message.processId(), message.variant());
    return links.saveAndFlush(new ShortLink(code, target, message, link.position(), link.templateKey(), now,
        now.plus(lifetime)));
  }

  String newCode() {
    char[] code = new char[LinkMinter.CODE_LENGTH];
    for (int i = 0; i < code.length; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** What opening a code came to; {@code target} (with its UTM parameters) only for CLICK and PREVIEW. */
  public record Visit(Kind kind, String target) {

    public enum Kind {
      CLICK, PREVIEW, EXPIRED, UNKNOWN
    }
  }
}
