package io.waymark.platform.template;

import io.waymark.platform.policy.MessageClass;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import io.waymark.platform.template.TemplateRendering.Values;
import io.waymark.platform.template.TemplateText.Token;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What a template must be to be saved, every problem named with its field: the key, class and brand; the subject
 * (email only, one line) and body; every token known to the catalog and every optional token with a fallback; an SMS
 * within its segment limit when rendered with the sample values, with the fallbacks and with the longer of each (the
 * worst case); a promotional SMS carrying opt-out wording unless it is a follow-up; short links ({@code {link:...}})
 * in SMS only, each closed and with a target that renders to an absolute http(s) URL with the sample values, and
 * their lifetime ({@code linkExpiryHours}) 1 to 8760 hours.
 */
@Component
class TemplateChecks {

  static final int MAX_SEGMENTS = 10;
  static final int MAX_SMS_BODY = 1600;
  static final int MAX_NAME = 200;
  static final int MAX_ACTOR = 100;
  static final int MAX_LINK_EXPIRY_HOURS = 8760;

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{1,79}");
  private static final Pattern BRAND = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Map<Values, String> RENDERINGS = Map.of(Values.SAMPLES, "sample values",
      Values.FALLBACKS, "fallbacks", Values.LONGEST, "longer of each sample value and fallback");

  private final TemplateRendering rendering;
  private final TemplateProperties properties;

  TemplateChecks(TemplateRendering rendering, TemplateProperties properties) {
    this.rendering = rendering;
    this.properties = properties;
  }

  /** A version's content with the template's channel, class and brand, defaults applied, and its problems. */
  Checked check(Channel channel, String messageClass, String brand, DraftContent content, List<Problem> problems) {
    DraftContent c = content == null ? new DraftContent(null, null, null, null) : content;
    String classId = messageClass(messageClass, problems);
    String brandCode = brand(brand, problems);
    if (channel == null) {
      problems.add(new Problem("channel", "is required (SMS or EMAIL)"));
    }
    int before = problems.size();
    Integer maxSegments = maxSegments(channel, c.maxSegments(), problems);
    Integer linkExpiryHours = linkExpiryHours(channel, c.linkExpiryHours(), problems);
    TemplateDefinition definition = new TemplateDefinition(channel, classId, brandCode, c.subject(), c.body(),
        maxSegments, Boolean.TRUE.equals(c.followUp()), linkExpiryHours);
    if (channel != null) {
      subject(definition, problems);
      body(definition, problems);
      if (problems.size() == before) {
        rendered(definition, problems);
      }
    }
    return new Checked(definition, List.copyOf(problems));
  }

  /** Fails with every problem of the content. */
  TemplateDefinition checked(Channel channel, String messageClass, String brand, DraftContent content) {
    Checked checked = check(channel, messageClass, brand, content, new ArrayList<>());
    if (!checked.problems().isEmpty()) {
      throw new InvalidInputException(checked.problems());
    }
    return checked.definition();
  }

  /** The key and name of a new template. */
  void identity(String key, String name, List<Problem> problems) {
    if (key == null || key.isBlank()) {
      problems.add(new Problem("key", "is required"));
    } else if (!KEY.matcher(key).matches()) {
      problems.add(new Problem("key", "'" + key + "' is not a template key: 2 to 80 lower-case letters, digits, dots "
          + "and hyphens, starting with a letter or digit (e.g. lead-follow-up.first-text)"));
    }
    if (name != null && name.strip().length() > MAX_NAME) {
      problems.add(new Problem("name", "is longer than " + MAX_NAME + " characters"));
    }
  }

  /** Who approves or retires: required, at most 100 characters. */
  static String actor(String by) {
    if (by == null || by.isBlank()) {
      throw new InvalidInputException("by", "is required: who approves or retires the version");
    }
    if (by.strip().length() > MAX_ACTOR) {
      throw new InvalidInputException("by", "is longer than " + MAX_ACTOR + " characters");
    }
    return by.strip();
  }

  private static String messageClass(String messageClass, List<Problem> problems) {
    if (messageClass == null || messageClass.isBlank()) {
      problems.add(new Problem("messageClass", "is required (transactional, alert or promotional)"));
      return null;
    }
    try {
      return MessageClass.parse(messageClass).id();
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static String brand(String brand, List<Problem> problems) {
    if (brand == null || brand.isBlank()) {
      return MessageTemplates.DEFAULT_BRAND;
    }
    if (!BRAND.matcher(brand.strip()).matches()) {
      problems.add(new Problem("brand", "'" + brand + "' is not a brand code (lower-case letters, digits, hyphens)"));
    }
    return brand.strip();
  }

  private Integer maxSegments(Channel channel, Integer given, List<Problem> problems) {
    if (channel != Channel.SMS) {
      if (given != null) {
        problems.add(new Problem("maxSegments", "applies to SMS only"));
      }
      return null;
    }
    if (given != null && (given < 1 || given > MAX_SEGMENTS)) {
      problems.add(new Problem("maxSegments", "must be 1 to " + MAX_SEGMENTS + ", not " + given));
    }
    return given == null ? properties.defaultMaxSegments() : Math.clamp(given, 1, MAX_SEGMENTS);
  }

  private static Integer linkExpiryHours(Channel channel, Integer given, List<Problem> problems) {
    if (given == null) {
      return null;
    }
    if (channel != Channel.SMS) {
      problems.add(new Problem("linkExpiryHours", "applies to SMS only (short links are for SMS)"));
      return null;
    }
    if (given < 1 || given > MAX_LINK_EXPIRY_HOURS) {
      problems.add(new Problem("linkExpiryHours", "must be 1 to " + MAX_LINK_EXPIRY_HOURS + " hours (a year), not "
          + given));
      return null;
    }
    return given;
  }

  private void subject(TemplateDefinition template, List<Problem> problems) {
    String subject = template.subject();
    if (template.sms()) {
      if (subject != null && !subject.isBlank()) {
        problems.add(new Problem("subject", "an SMS has no subject: leave it out"));
      }
      return;
    }
    if (subject == null || subject.isBlank()) {
      problems.add(new Problem("subject", "is required for email"));
    } else if (subject.contains("\n") || subject.contains("\r")) {
      problems.add(new Problem("subject", "must be one line"));
    } else if (subject.length() > TemplateRendering.MAX_SUBJECT) {
      problems.add(new Problem("subject", "is longer than " + TemplateRendering.MAX_SUBJECT + " characters"));
    } else {
      TemplateText text = TemplateText.parse(subject, "subject");
      tokens(text, "subject", problems);
      noLinks(text, "subject", problems);
    }
  }

  private void body(TemplateDefinition template, List<Problem> problems) {
    String body = template.body();
    int max = template.sms() ? MAX_SMS_BODY : TemplateRendering.MAX_EMAIL_BODY;
    if (body == null || body.isBlank()) {
      problems.add(new Problem("body", "is required"));
    } else if (body.length() > max) {
      problems.add(new Problem("body", "is longer than " + max + " characters"));
    } else {
      TemplateText text = TemplateText.parse(body, "body");
      tokens(text, "body", problems);
      if (!template.sms()) {
        noLinks(text, "body", problems);
      }
    }
  }

  private static void noLinks(TemplateText text, String field, List<Problem> problems) {
    for (TemplateText.Link link : text.links()) {
      problems.add(new Problem(field, "link " + link + " at character " + link.position() + ": short links are for "
          + "SMS templates; write the URL itself in an email"));
    }
  }

  /** Each link's target rendered with the sample values must be an absolute http(s) URL. */
  private void links(TemplateDefinition template, List<Problem> problems) {
    TemplateText text = TemplateText.parse(template.body(), "body");
    List<String> targets = rendering.sampleTargets(template, text);
    for (int i = 0; i < targets.size(); i++) {
      TemplateText.Link link = text.links().get(i);
      if (!absoluteHttp(targets.get(i))) {
        problems.add(new Problem("body", "link " + link + " at character " + link.position() + " renders to '"
            + targets.get(i) + "' with the sample values: a link needs an absolute http or https URL, e.g. "
            + "{link:https://shop.example/cart} or {link:{cart.url}}"));
      }
    }
  }

  static boolean absoluteHttp(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void tokens(TemplateText text, String field, List<Problem> problems) {
    problems.addAll(text.problems());
    Set<String> reported = new LinkedHashSet<>();
    for (Token token : text.tokens()) {
      Optional<TemplateToken> known = rendering.catalog().find(token.name());
      if (known.isEmpty() && reported.add(token.name())) {
        problems.add(new Problem(field, "unknown token " + token + " at character " + token.position()
            + rendering.catalog().suggestion(token.name()).map(s -> ": did you mean {" + s + "}?")
                .orElse(" (GET /api/v1/template-tokens lists the known ones)")));
      } else if (known.isPresent() && !known.get().required() && token.fallback() == null
          && reported.add(token.name())) {
        problems.add(new Problem(field, "token " + token + " at character " + token.position() + " may be missing "
            + "for a contact: give it a fallback, e.g. {" + token.name() + "|" + fallbackExample(token.name()) + "}"));
      }
    }
  }

  private void rendered(TemplateDefinition template, List<Problem> problems) {
    TemplateRendering.Sample withValues = rendering.sample(template, Map.of(), Values.SAMPLES);
    if (template.sms()) {
      links(template, problems);
      for (Values mode : Values.values()) {
        TemplateRendering.Sample sample = mode == Values.SAMPLES ? withValues
            : rendering.sample(template, Map.of(), mode);
        if (sample.analysis().segments() > template.maxSegments()) {
          problems.add(new Problem("body", "renders to " + TemplateRendering.length(sample.analysis()) + " with the "
              + RENDERINGS.get(mode) + "; the template allows at most "
              + TemplateRendering.segments(template.maxSegments()) + " (maxSegments)"));
          break;
        }
      }
      if (template.promotional() && !template.followUp() && !withValues.optOutWording()) {
        String own = properties.optOutText(template.brand());
        problems.add(new Problem("body", "a promotional SMS must carry opt-out wording such as \"Reply STOP to opt "
            + "out\"" + (own.equals(properties.optOutText()) ? "" : " or the brand's \"" + own + "\"")
            + ", unless it is marked followUp (never the first message of a journey)"));
      }
    } else {
      String longest = rendering.sample(template, Map.of(), Values.LONGEST).subject();
      if (longest != null && longest.length() > TemplateRendering.MAX_SUBJECT) {
        problems.add(new Problem("subject", "renders to " + longest.length() + " characters with the "
            + RENDERINGS.get(Values.LONGEST) + "; at most " + TemplateRendering.MAX_SUBJECT + " are allowed"));
      }
    }
  }

  private static String fallbackExample(String name) {
    return name.equals("firstName") ? "there" : name.startsWith("brand.") ? "us" : "...";
  }

  /** A definition with its problems (none: it may be saved). */
  record Checked(TemplateDefinition definition, List<Problem> problems) {
  }
}
