package io.waymark.platform.template;

import io.waymark.platform.contact.ContactView;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import io.waymark.platform.template.TemplateChecks.Checked;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned message templates: create, draft, edit drafts, approve (the previously approved version retires), retire;
 * render the approved version for a contact; preview a text before saving it. Every change to a template's versions
 * holds a lock on the template row, and the database allows one approved version per template.
 */
@Service
@EnableConfigurationProperties(TemplateProperties.class)
public class MessageTemplates {

  /** The brand of a template that names none, as in the consent ledger. */
  public static final String DEFAULT_BRAND = "default";

  private final MessageTemplateRepository templates;
  private final TemplateChecks checks;
  private final TemplateRendering rendering;
  private final TemplateProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  MessageTemplates(MessageTemplateRepository templates, TemplateChecks checks, TemplateRendering rendering,
      TemplateProperties properties, AuditLog audit, Clock clock) {
    this.templates = templates;
    this.checks = checks;
    this.rendering = rendering;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates a template with its version 1 as a DRAFT; fails with every problem of the input. */
  @Transactional
  public TemplateView create(NewTemplate request) {
    Objects.requireNonNull(request, "request");
    List<Problem> problems = new ArrayList<>();
    checks.identity(request.key(), request.name(), problems);
    Checked checked = checks.check(request.channel(), request.messageClass(), request.brand(), request.content(),
        problems);
    if (!checked.problems().isEmpty()) {
      throw new InvalidInputException(checked.problems());
    }
    if (templates.existsByKey(request.key())) {
      throw exists(request.key());
    }
    TemplateDefinition definition = checked.definition();
    String name = request.name() == null || request.name().isBlank() ? request.key() : request.name().strip();
    MessageTemplate template = new MessageTemplate(request.key(), name, definition.channel(),
        definition.messageClass(), definition.brand(), clock.instant());
    template.addDraft(definition, clock.instant());
    try {
      templates.saveAndFlush(template);
    } catch (DataIntegrityViolationException e) {
      throw exists(request.key());
    }
    return view(template);
  }

  /** A new DRAFT version, numbered one above the highest. */
  @Transactional
  public VersionView draft(String key, DraftContent content) {
    MessageTemplate template = lock(key);
    TemplateVersion draft = template.addDraft(definition(template, content), clock.instant());
    templates.flush();
    return view(template, draft);
  }

  /** Replaces the content of a DRAFT version; any other status is a {@link TemplateStateException}. */
  @Transactional
  public VersionView updateDraft(String key, int version, DraftContent content) {
    MessageTemplate template = lock(key);
    TemplateVersion draft = version(template, version);
    draft.requireDraft("edited");
    draft.update(definition(template, content), clock.instant());
    templates.flush();
    return view(template, draft);
  }

  /**
   * Approves a DRAFT after checking it again (the rules may have changed since it was saved); the version approved
   * before it, if any, is retired by the same person at the same moment.
   */
  @Transactional
  public VersionView approve(String key, int version, String approvedBy) {
    String by = TemplateChecks.actor(approvedBy);
    MessageTemplate template = lock(key);
    TemplateVersion draft = version(template, version);
    draft.requireDraft("approved");
    checks.checked(template.channel(), template.messageClass(), template.brand(),
        new DraftContent(draft.subject(), draft.body(), draft.maxSegments(), draft.followUp(),
            draft.linkExpiryHours()));
    Instant now = clock.instant();
    template.approved().ifPresent(previous -> {
      previous.retire(by, now);
      templates.flush();
    });
    draft.approve(by, now);
    templates.flush();
    audit.record(AuditLog.Entry.of("template.approved", "template", key + ":v" + version)
        .before(Map.of("status", TemplateStatus.DRAFT.name()))
        .after(Map.of("status", draft.status().name(), "by", by, "body", draft.body()))
        .detail("template " + key + " version " + version + " approved by " + by));
    return view(template, draft);
  }

  /** Retires a DRAFT (discarding it) or the APPROVED version (the template then has nothing to send). */
  @Transactional
  public VersionView retire(String key, int version, String by) {
    String actor = TemplateChecks.actor(by);
    MessageTemplate template = lock(key);
    TemplateVersion retired = version(template, version);
    TemplateStatus before = retired.status();
    retired.retire(actor, clock.instant());
    templates.flush();
    audit.record(AuditLog.Entry.of("template.retired", "template", key + ":v" + version)
        .before(Map.of("status", before.name())).after(Map.of("status", retired.status().name(), "by", actor))
        .detail("template " + key + " version " + version + " retired by " + actor));
    return view(template, retired);
  }

  @Transactional(readOnly = true)
  public Optional<TemplateView> find(String key) {
    return templates.findByKey(key).map(this::view);
  }

  @Transactional(readOnly = true)
  public List<TemplateView> list() {
    return templates.findAllByOrderByKeyAsc().stream().map(this::view).toList();
  }

  /**
   * Renders the current APPROVED version (version null) or that exact version, which must be APPROVED; a template with
   * {@code {link:...}} fails here (see the overload taking a {@link LinkMinter}).
   */
  public RenderedMessage render(String key, Integer version, ContactView contact, Map<String, Object> variables) {
    return render(key, version, contact, variables, LinkMinter.NONE);
  }

  /**
   * Renders the current APPROVED version (version null) or that exact version, which must be APPROVED; each
   * {@code {link:...}} becomes what {@code links} mints for its rendered target (the minter writes in its own
   * transaction).
   */
  @Transactional(readOnly = true)
  public RenderedMessage render(String key, Integer version, ContactView contact, Map<String, Object> variables,
      LinkMinter links) {
    MessageTemplate template = templates.findByKey(key)
        .orElseThrow(() -> new TemplateNotSendableException(key, version, "no template has this key"));
    TemplateVersion chosen;
    if (version == null) {
      chosen = template.approved().orElseThrow(() -> new TemplateNotSendableException(key, null,
          "it has no approved version (" + statuses(template) + ")"));
    } else {
      chosen = template.version(version).orElseThrow(() -> new TemplateNotSendableException(key, version,
          "it has no such version (" + statuses(template) + ")"));
      if (chosen.status() != TemplateStatus.APPROVED) {
        throw new TemplateNotSendableException(key, version, "it is " + chosen.status()
            + " and only an approved version can be sent");
      }
    }
    return rendering.render(key, chosen.number(), template.definition(chosen), contact,
        variables == null ? Map.of() : variables, links);
  }

  /** Whether the template exists for this channel and has an approved version (for the journey linter). */
  @Transactional(readOnly = true)
  public boolean isSendable(String key, Channel channel) {
    return templates.findByKey(key)
        .filter(t -> t.channel() == channel && t.approved().isPresent())
        .isPresent();
  }

  /** The brand's opt-out wording, for the sender to append when a follow-up template is the first message of a run. */
  public String optOutText(String brand) {
    return properties.optOutText(brand == null || brand.isBlank() ? DEFAULT_BRAND : brand.strip());
  }

  /** What a text would render to, and every problem that would stop it from being saved; never fails on them. */
  public TemplatePreview preview(PreviewRequest request) {
    Checked checked = checks.check(request.channel(), request.messageClass(), request.brand(),
        new DraftContent(request.subject(), request.body(), request.maxSegments(), request.followUp(),
            request.linkExpiryHours()), new ArrayList<>());
    TemplateDefinition definition = checked.definition();
    if (definition.channel() == null) {
      definition = new TemplateDefinition(Channel.SMS, definition.messageClass(), definition.brand(), null,
          definition.body(), properties.defaultMaxSegments(), definition.followUp(),
          definition.linkExpiryHours());
    }
    return TemplatePreviews.of(rendering, definition, request.variables(), tokens(definition),
        checked.problems());
  }

  /** The tokens templates may use. */
  public List<TemplateToken> tokens() {
    return rendering.catalog().all();
  }

  private TemplateDefinition definition(MessageTemplate template, DraftContent content) {
    return checks.checked(template.channel(), template.messageClass(), template.brand(), content);
  }

  private MessageTemplate lock(String key) {
    return templates.lockByKey(key).orElseThrow(() -> new UnknownTemplateException(key, null));
  }

  private static TemplateVersion version(MessageTemplate template, int number) {
    return template.version(number).orElseThrow(() -> new UnknownTemplateException(template.key(), number));
  }

  private static TemplateStateException exists(String key) {
    return new TemplateStateException("template '" + key + "' exists already: add a version with POST "
        + "/api/v1/templates/" + key + "/versions");
  }

  private static String statuses(MessageTemplate template) {
    return template.versions().isEmpty() ? "no versions" : template.versions().stream()
        .map(v -> "v" + v.number() + " " + v.status()).collect(Collectors.joining(", "));
  }

  TemplateView view(MessageTemplate template) {
    return template.toView(template.versions().stream().map(v -> view(template, v)).toList());
  }

  private VersionView view(MessageTemplate template, TemplateVersion version) {
    TemplateDefinition definition = template.definition(version);
    return version.toView(rendering.sample(definition, Map.of(), TemplateRendering.Values.SAMPLES), tokens(definition));
  }

  static List<String> tokens(TemplateDefinition definition) {
    return Stream.of(definition.subject(), definition.body()).filter(Objects::nonNull)
        .flatMap(text -> TemplateText.parse(text, "").tokens().stream()).map(TemplateText.Token::name)
        .distinct().toList();
  }
}
