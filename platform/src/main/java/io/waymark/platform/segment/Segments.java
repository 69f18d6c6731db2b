package io.waymark.platform.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.segment.AudiencePreview.Excluded;
import io.waymark.platform.segment.AudiencePreview.Member;
import io.waymark.platform.segment.AudienceSql.Verdict;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segments: named rules over contacts, evaluated in the database. Every count and every member list is for one
 * consent topic and has consent and suppression applied: a member may be messaged on that topic now (the send still
 * asks again at the moment of sending).
 */
@Service
public class Segments {

  public static final int MAX_SAMPLE = 100;
  public static final int MAX_BATCH = 10_000;
  static final int MAX_RULE_JSON = 10_000;

  private final SegmentDefinitionRepository definitions;
  private final AudienceSql audience;
  private final JourneyCatalog journeys;
  private final Clock clock;

  Segments(SegmentDefinitionRepository definitions, AudienceSql audience, JourneyCatalog journeys, Clock clock) {
    this.definitions = definitions;
    this.audience = audience;
    this.journeys = journeys;
    this.clock = clock;
  }

  /**
   * Stores a segment. Fails with an {@link InvalidInputException} naming the field ({@code name}, {@code description}
   * or the JSON path of the bad rule node, such as {@code rule.all[2].op}) before writing anything.
   */
  @Transactional
  public Segment create(NewSegment segment) {
    String name = segment.name() == null ? "" : segment.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new InvalidInputException("name", "must be 1 to 100 characters");
    }
    String description = segment.description() == null || segment.description().isBlank() ? null
        : segment.description().strip();
    if (description != null && description.length() > 1000) {
      throw new InvalidInputException("description", "is longer than 1000 characters");
    }
    parse(segment.rule(), clock.instant());
    String ruleJson = segment.rule().toString();
    if (ruleJson.length() > MAX_RULE_JSON) {
      throw new InvalidInputException("rule", "is longer than " + MAX_RULE_JSON + " characters as JSON");
    }
    if (definitions.existsByNameIgnoreCase(name)) {
      throw new InvalidInputException("name", "a segment named '" + name + "' exists");
    }
    try {
      return definitions.saveAndFlush(new SegmentDefinition(name, description, ruleJson, clock.instant())).toView();
    } catch (DataIntegrityViolationException raced) {
      throw new InvalidInputException("name", "a segment named '" + name + "' exists");
    }
  }

  @Transactional(readOnly = true)
  public Optional<Segment> find(SegmentId id) {
    return definitions.findById(id.value()).map(SegmentDefinition::toView);
  }

  /** Every segment, by name. */
  @Transactional(readOnly = true)
  public List<Segment> list() {
    return definitions.findAllByOrderByNameAsc().stream().map(SegmentDefinition::toView).toList();
  }

  /** The stored segment's counts for {@code topic} and its first {@code sampleSize} eligible members (0 to 100). */
  @Transactional(readOnly = true)
  public AudiencePreview preview(SegmentId id, String topic, int sampleSize) {
    Segment segment = stored(id);
    return preview(segment.rule(), topic, sampleSize);
  }

  /** {@link #preview(SegmentId, String, int)} for a rule not stored (yet): designers iterate on it. */
  @Transactional(readOnly = true)
  public AudiencePreview preview(JsonNode rule, String topic, int sampleSize) {
    checkTopic(topic);
    if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
      throw new InvalidInputException("sample", "must be from 0 to " + MAX_SAMPLE);
    }
    Instant now = clock.instant();
    Rule parsed = parse(rule, now);
    Map<Verdict, Long> counts = audience.countByVerdict(parsed, topic);
    List<Member> sample = sampleSize == 0 ? List.of() : audience.sample(parsed, topic, sampleSize).stream()
        .map(row -> new Member(new ContactId(row.id()), PhoneNumbers.mask(row.phone()), row.firstName(),
            row.lifecycleStage(), row.region()))
        .toList();
    long matching = counts.values().stream().mapToLong(Long::longValue).sum();
    return new AudiencePreview(topic, matching, counts.getOrDefault(Verdict.ALLOWED, 0L),
        new Excluded(counts.getOrDefault(Verdict.SUPPRESSED, 0L), counts.getOrDefault(Verdict.OPTED_OUT, 0L),
            counts.getOrDefault(Verdict.NO_CONSENT, 0L)), sample, now);
  }

  /**
   * Up to {@code batchSize} (1 to 10,000) members of the stored segment that may be messaged on {@code topic},
   * those with a contact id above {@code after} (null: from the start), ascending. Pass the page's {@code next} as
   * {@code after} until it is null. Each call evaluates the rule and consent afresh.
   */
  @Transactional(readOnly = true)
  public AudiencePage members(SegmentId id, String topic, ContactId after, int batchSize) {
    checkTopic(topic);
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new InvalidInputException("batchSize", "must be from 1 to " + MAX_BATCH);
    }
    Rule rule = parse(stored(id).rule(), clock.instant());
    List<Long> ids = audience.members(rule, topic, after == null ? 0 : after.value(), batchSize);
    List<ContactId> members = ids.stream().map(ContactId::new).toList();
    return new AudiencePage(members, ids.size() < batchSize ? null : members.getLast());
  }

  private Segment stored(SegmentId id) {
    return find(id).orElseThrow(() -> new SegmentNotFoundException(id));
  }

  /** The rule with its windows reaching back from {@code now}; checks that named journeys are deployed. */
  Rule parse(JsonNode rule, Instant now) {
    return RuleParser.parse(rule, "rule", now, journeys::isDeployed);
  }

  private static void checkTopic(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new InvalidInputException("topic", "is required: the consent topic the audience is for");
    }
    if (!RuleValues.TOPIC.matcher(topic).matches()) {
      throw new InvalidInputException("topic", "'" + topic + "' is not a topic (lower-case letters, digits, '-')");
    }
  }
}
