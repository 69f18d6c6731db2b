package io.waymark.platform.crm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.crm.*}: the lead tags with their SLA and priority, where the routing document comes from at
 * start-up, how CRM copies are retried, and which CRM takes them when more than one is configured. Checked at start:
 * a wrong tag list stops Waymark with a message instead of failing jobs later.
 *
 * @param tags the tags a task may carry; a task's SLA is the shortest of its tags', its priority the highest
 * @param routingFile a routing document (JSON, see {@link RoutingDocument}) loaded at start-up when none is stored
 *     yet, e.g. {@code classpath:crm/demo-routing.json} or {@code file:/etc/waymark/routing.json}
 * @param sync the CRM copy's retry: first retry after {@code initialBackoff}, doubling up to {@code maxBackoff}, at
 *     most {@code maxAttempts} attempts; {@code poll} is how often due retries are looked for
 * @param conversationSize how many recent messages a task keeps as the conversation so far
 * @param target the CRM that takes task copies when both HubSpot and Salesforce are configured
 * @param acceptedTtl how long a {@code lead-accepted} message waits for an instance that is escalating right then
 */
@ConfigurationProperties("waymark.crm")
record CrmProperties(List<Tag> tags, String routingFile, Sync sync, Integer conversationSize, String target,
    Duration acceptedTtl) {

  static final String HOT_LEAD = "Hot Lead";

  CrmProperties {
    tags = tags == null || tags.isEmpty() ? List.of(new Tag(HOT_LEAD, Duration.ofMinutes(15), LeadPriority.HIGH),
        new Tag("VIP", Duration.ofMinutes(5), LeadPriority.URGENT),
        new Tag("Support", Duration.ofHours(1), LeadPriority.MEDIUM),
        new Tag("Billing", Duration.ofHours(4), LeadPriority.MEDIUM)) : List.copyOf(tags);
    sync = sync == null ? new Sync(null, null, null, null) : sync;
    conversationSize = conversationSize == null ? 10 : conversationSize;
    acceptedTtl = acceptedTtl == null ? Duration.ofHours(1) : acceptedTtl;
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      if (tag.name() == null || tag.name().isBlank()) {
        problems.add("waymark.crm.tags[" + i + "].name is missing");
      } else if (!names.add(tag.name().toLowerCase(java.util.Locale.ROOT))) {
        problems.add("waymark.crm.tags[" + i + "].name '" + tag.name() + "' is listed twice");
      }
      if (tag.sla() == null || tag.sla().isNegative() || tag.sla().isZero()) {
        problems.add("waymark.crm.tags[" + i + "].sla must be a positive duration, e.g. PT15M");
      }
      if (tag.priority() == null) {
        problems.add("waymark.crm.tags[" + i + "].priority is missing (LOW, MEDIUM, HIGH or URGENT)");
      }
    }
    if (conversationSize < 1 || conversationSize > 50) {
      problems.add("waymark.crm.conversation-size must be 1 to 50, not " + conversationSize);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  List<String> tagNames() {
    return tags.stream().map(Tag::name).toList();
  }

  /** A lead tag: Hot Lead, VIP, Support, Billing by default. */
  record Tag(String name, Duration sla, LeadPriority priority) {
  }

  /** How the CRM copy of a task is retried. */
  record Sync(Duration initialBackoff, Duration maxBackoff, Integer maxAttempts, Duration poll) {

    Sync {
      initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
      maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
      maxAttempts = maxAttempts == null ? 100 : maxAttempts;
      poll = poll == null ? Duration.ofSeconds(15) : poll;
    }

    /** The wait before attempt {@code attempts + 1}. */
    Duration backoff(int attempts) {
      Duration wait = initialBackoff;
      for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }
}
