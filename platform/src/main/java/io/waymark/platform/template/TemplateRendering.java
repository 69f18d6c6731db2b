package io.waymark.platform.template;

import io.waymark.platform.contact.ContactView;
import io.waymark.platform.template.TemplateText.Link;
import io.waymark.platform.template.TemplateText.Literal;
import io.waymark.platform.template.TemplateText.Part;
import io.waymark.platform.template.TemplateText.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Renders template text: for a send (every token gets its value or its fallback, or the send fails) and with the token
 * catalog's sample values (for previews and for the length checks at save). In SMS, values get the GSM look-alikes of
 * typographic characters (a name typed as O’Brien on a phone does not switch a GSM-7 message to UCS-2); the author's
 * own text is left as written. A {@code {link:...}} has its target rendered with the same rules and is then replaced by
 * what the sender's {@link LinkMinter} mints; sample renderings put a stand-in short URL of the real length there
 * (the configured short-link base, {@code /l/} and {@link LinkMinter#CODE_LENGTH} characters).
 */
@Component
class TemplateRendering {

  static final int MAX_SUBJECT = 255;
  static final int MAX_EMAIL_BODY = 8000;

  private final TokenCatalog catalog;
  private final TemplateProperties properties;
  private final String sampleLink;

  TemplateRendering(TemplateProperties properties, ResourceLoader resources,
      @Value("${waymark.links.base-url:${waymark.public-base-url:http://localhost:8080}}") String linkBase) {
    this.properties = properties;
    this.catalog = TokenCatalog.load(resources.getResource(properties.tokens()));
    this.sampleLink = linkBase.strip().replaceAll("/+$", "") + LinkMinter.PATH
        + "Ab3dE9xQ7kMz".substring(0, LinkMinter.CODE_LENGTH);
  }

  /** The stand-in for a short link in sample renderings: as long as a real one. */
  String sampleLink() {
    return sampleLink;
  }

  TokenCatalog catalog() {
    return catalog;
  }

  /** The message for a contact, or a {@link TemplateRenderException} naming the token or the length. */
  RenderedMessage render(String key, int version, TemplateDefinition template, ContactView contact,
      Map<String, ?> variables, LinkMinter links) {
    Function<Token, Optional<String>> values = token -> value(token.name(), template, contact, variables);
    Function<Link, String> minted = new Function<>() {
      private int position;

      @Override
      public String apply(Link link) {
        String target = fill(key, version, link.target(), values);
        return links.mint(new LinkMinter.LinkTarget(target, position++, key, version, template.messageClass(),
            template.linkExpiryHours()));
      }
    };
    String subject = template.sms() ? null : fill(key, version, template.subject(), "subject", values, minted);
    String body = fill(key, version, template.body(), "body", values, minted);
    if (body.isBlank()) {
      throw new TemplateRenderException(key, version, null, "the body renders empty");
    }
    SmsEncoding.Analysis analysis = null;
    if (template.sms()) {
      analysis = SmsEncoding.analyze(body);
      if (analysis.segments() > template.maxSegments()) {
        throw new TemplateRenderException(key, version, null, "the message renders to " + length(analysis)
            + "; the template allows at most " + segments(template.maxSegments()));
      }
    } else if (subject.length() > MAX_SUBJECT || body.length() > MAX_EMAIL_BODY) {
      throw new TemplateRenderException(key, version, null, subject.length() > MAX_SUBJECT
          ? "the subject renders to " + subject.length() + " characters; at most " + MAX_SUBJECT + " are allowed"
          : "the body renders to " + body.length() + " characters; at most " + MAX_EMAIL_BODY + " are allowed");
    }
    return new RenderedMessage(key, version, template.channel(), template.messageClass(), subject, body, analysis,
        optOutWording(body, template.brand()));
  }

  /**
   * The template rendered with sample values: {@code variables} where they hold a token's value, else the catalog's
   * samples (the brand's configured name for {@code brand.name}). Optional tokens take their sample value
   * ({@link Values#SAMPLES}), their fallback ({@link Values#FALLBACKS}) or the longer of the two
   * ({@link Values#LONGEST}). Tokens without any value (unknown ones, optional ones without a fallback) stay as written.
   */
  Sample sample(TemplateDefinition template, Map<String, ?> variables, Values mode) {
    Function<Token, Optional<String>> values = sampleValues(template, variables, mode);
    String subject = template.sms() || template.subject() == null ? null
        : preview(TemplateText.parse(template.subject(), "subject"), values, sampleLink);
    String body = template.body() == null ? ""
        : preview(TemplateText.parse(template.body(), "body"), values, sampleLink);
    return new Sample(subject, body, template.sms() ? SmsEncoding.analyze(body) : null,
        optOutWording(body, template.brand()));
  }

  /** The targets of the links of {@code text} rendered with the sample values, in text order. */
  List<String> sampleTargets(TemplateDefinition template, TemplateText text) {
    Function<Token, Optional<String>> values = sampleValues(template, Map.of(), Values.SAMPLES);
    return text.links().stream().map(link -> preview(link.target(), values)).toList();
  }

  private Function<Token, Optional<String>> sampleValues(TemplateDefinition template, Map<String, ?> variables,
      Values mode) {
    return token -> {
      Optional<TemplateToken> known = catalog.find(token.name());
      Optional<String> given = TokenValues.text(TokenValues.variable(variables, token.name()),
          known.map(TemplateToken::format).orElse(TemplateToken.Format.TEXT), null);
      Optional<String> value = given.or(() -> known.flatMap(t -> sampleValue(t, template.brand())))
          .map(v -> sms(template, v));
      boolean optional = known.map(t -> !t.required()).orElse(false);
      if (!optional || token.fallback() == null || mode == Values.SAMPLES) {
        return value;
      }
      if (mode == Values.FALLBACKS || value.isEmpty()) {
        return Optional.empty();
      }
      return cost(template, value.get()) >= cost(template, token.fallback()) ? value : Optional.empty();
    };
  }

  /** Which values a sample rendering gives optional tokens. */
  enum Values { SAMPLES, FALLBACKS, LONGEST }

  /** Whether a text carries opt-out wording, common or the brand's own. */
  boolean optOutWording(String text, String brand) {
    TemplateProperties.Brand configured = brand == null ? null : properties.brands().get(brand);
    return OptOutWording.present(text, configured == null ? null : configured.optOutText());
  }

  /** "4 segments (GSM-7, 470 septets)". */
  static String length(SmsEncoding.Analysis analysis) {
    return segments(analysis.segments()) + " (" + (analysis.encoding() == SmsEncoding.Encoding.GSM_7
        ? "GSM-7, " + analysis.units() + " septets" : "UCS-2, " + analysis.units() + " UTF-16 units") + ")";
  }

  static String segments(int count) {
    return count + (count == 1 ? " segment" : " segments");
  }

  private Optional<String> value(String name, TemplateDefinition template, ContactView contact,
      Map<String, ?> variables) {
    Optional<TemplateToken> known = catalog.find(name);
    TemplateToken.Source source = known.map(TemplateToken::source).orElse(TemplateToken.Source.JOURNEY);
    TemplateToken.Format format = known.map(TemplateToken::format).orElse(TemplateToken.Format.TEXT);
    Optional<String> value = switch (source) {
      case CONTACT -> TokenValues.text(TokenValues.contactField(contact, name), format, contact)
          .or(() -> TokenValues.text(TokenValues.variable(variables, name), format, contact));
      case BRAND -> TokenValues.text(TokenValues.variable(variables, name), format, contact)
          .or(() -> Optional.ofNullable(properties.brandName(template.brand())));
      case JOURNEY -> TokenValues.text(TokenValues.variable(variables, name), format, contact);
    };
    return value.map(v -> sms(template, v));
  }

  private Optional<String> sampleValue(TemplateToken token, String brand) {
    if (token.source() == TemplateToken.Source.BRAND && properties.brandName(brand) != null) {
      return Optional.of(properties.brandName(brand));
    }
    return TokenValues.text(token.sample(), token.format(), null);
  }

  private static int cost(TemplateDefinition template, String text) {
    return template.sms() ? SmsEncoding.analyze(text).units() : text.length();
  }

  private static String sms(TemplateDefinition template, String value) {
    return template.sms() ? SmsEncoding.withLookAlikes(value) : value;
  }

  private static String fill(String key, int version, String source, String field,
      Function<Token, Optional<String>> values, Function<Link, String> links) {
    TemplateText text = TemplateText.parse(source == null ? "" : source, field);
    if (!text.problems().isEmpty()) {
      throw new TemplateRenderException(key, version, null, "the stored " + field + " does not parse: "
          + text.problems().getFirst().message());
    }
    StringBuilder out = new StringBuilder();
    for (Part part : text.parts()) {
      switch (part) {
        case Link link -> out.append(links.apply(link));
        default -> out.append(fill(key, version, List.of(part), values));
      }
    }
    return out.toString();
  }

  /** Literals and tokens (a link's target) with every token's value or fallback. */
  private static String fill(String key, int version, List<Part> parts, Function<Token, Optional<String>> values) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      switch (part) {
        case Literal literal -> out.append(literal.text());
        case Token token -> out.append(values.apply(token).or(() -> Optional.ofNullable(token.fallback()))
            .orElseThrow(() -> new TemplateRenderException(key, version, token.name(), "token " + token
                + " has no value for this contact and no fallback")));
        case Link link -> throw new IllegalStateException("a link inside a link: " + link);
      }
    }
    return out.toString();
  }

  private static String preview(TemplateText text, Function<Token, Optional<String>> values, String sampleLink) {
    StringBuilder out = new StringBuilder();
    for (Part part : text.parts()) {
      out.append(part instanceof Link ? sampleLink : preview(List.of(part), values));
    }
    return out.toString();
  }

  private static String preview(List<Part> parts, Function<Token, Optional<String>> values) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      switch (part) {
        case Literal literal -> out.append(literal.text());
        case Token token -> out.append(values.apply(token).or(() -> Optional.ofNullable(token.fallback()))
            .orElse(token.source()));
        case Link link -> out.append(link.source());
      }
    }
    return out.toString();
  }

  /** A rendering with sample values; {@code subject} is null for SMS, {@code analysis} null for email. */
  record Sample(String subject, String body, SmsEncoding.Analysis analysis, boolean optOutWording) {
  }
}
