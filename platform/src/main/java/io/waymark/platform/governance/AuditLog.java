package io.waymark.platform.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log of governance actions (approvals, publications, pauses, consent changes, template
 * approvals, role changes, imports, exports): who ({@link CurrentActor}), when, what, on what, before and after.
 * Entries are only ever added ({@link #record}), inside the caller's transaction when there is one, so that an entry
 * exists exactly when the change it describes was committed; there is no update or delete. Reading is paged
 * ({@link #find}), for COMPLIANCE and ADMIN.
 */
@Service
public class AuditLog {

  private static final int MAX_STATE = 4000;
  private static final int MAX_DETAIL = 1000;

  private final AuditEntryRepository entries;
  private final EntityManager entityManager;
  private final ObjectProvider<CurrentActor> actor;
  private final ObjectMapper json;
  private final Clock clock;

  AuditLog(AuditEntryRepository entries, EntityManager entityManager, ObjectProvider<CurrentActor> actor,
      ObjectMapper json, Clock clock) {
    this.entries = entries;
    this.entityManager = entityManager;
    this.actor = actor;
    this.json = json;
    this.clock = clock;
  }

  /**
   * What happened: an action ({@code campaign.approval.decided}: module, subject, past-tense verb), the subject's type
   * and id, and optionally the state before and after (any value Jackson writes as JSON; null for none) and a sentence.
   */
  public record Entry(String action, String subjectType, String subjectId, Object before, Object after,
      String detail) {

    public static Entry of(String action, String subjectType, String subjectId) {
      return new Entry(action, subjectType, subjectId, null, null, null);
    }

    public Entry before(Object before) {
      return new Entry(action, subjectType, subjectId, before, after, detail);
    }

    public Entry after(Object after) {
      return new Entry(action, subjectType, subjectId, before, after, detail);
    }

    public Entry detail(String detail) {
      return new Entry(action, subjectType, subjectId, before, after, detail);
    }
  }

  /** Adds the entry, by the current actor, now. Bad entries (no action, subject too long) are refused. */
  @Transactional
  public AuditEntryView record(Entry entry) {
    List<Problem> problems = new ArrayList<>();
    required("action", entry.action(), 64, problems);
    required("subjectType", entry.subjectType(), 32, problems);
    required("subjectId", entry.subjectId(), 128, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String detail = entry.detail() == null || entry.detail().length() <= MAX_DETAIL ? entry.detail()
        : entry.detail().substring(0, MAX_DETAIL - 1) + "…";
    AuditEntry saved = entries.save(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), actorName(),
        entry.action(), entry.subjectType(), entry.subjectId(), state(entry.before()), state(entry.after()), detail));
    return saved.view();
  }

  /** The current actor's name: the signed-in user, {@code api} or {@code system}. */
  public String actorName() {
    CurrentActor current = actor.getIfAvailable();
    String name = current == null ? null : current.name();
    return name == null || name.isBlank() ? CurrentActor.SYSTEM : name;
  }

  /** One page (from 0) of the entries the query selects, newest first; page size 1 to 500. */
  @Transactional(readOnly = true)
  @RolesAllowed({"COMPLIANCE", "ADMIN"})
  public Page<AuditEntryView> find(AuditQuery query, int page, int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "is negative");
    }
    if (size < 1 || size > 500) {
      throw new InvalidInputException("size", "is " + size + ": 1 to 500");
    }
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
    Root<AuditEntry> root = select.from(AuditEntry.class);
    select.where(filter(query, cb, root)).orderBy(cb.desc(root.get("at")), cb.desc(root.get("id")));
    List<AuditEntryView> found = entityManager.createQuery(select).setFirstResult(page * size).setMaxResults(size)
        .getResultList().stream().map(AuditEntry::view).toList();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<AuditEntry> counted = count.from(AuditEntry.class);
    count.select(cb.count(counted)).where(filter(query, cb, counted));
    return new PageImpl<>(found, PageRequest.of(page, size), entityManager.createQuery(count).getSingleResult());
  }

  private static Predicate[] filter(AuditQuery query, CriteriaBuilder cb, Root<AuditEntry> root) {
    List<Predicate> where = new ArrayList<>();
    if (query.from() != null) {
      where.add(cb.greaterThanOrEqualTo(root.get("at"), query.from()));
    }
    if (query.to() != null) {
      where.add(cb.lessThan(root.get("at"), query.to()));
    }
    equal(cb, root, "actor", query.actor(), where);
    equal(cb, root, "action", query.action(), where);
    equal(cb, root, "subjectType", query.subjectType(), where);
    equal(cb, root, "subjectId", query.subjectId(), where);
    return where.toArray(Predicate[]::new);
  }

  private static void equal(CriteriaBuilder cb, Root<AuditEntry> root, String attribute, String value,
      List<Predicate> where) {
    if (value != null && !value.isBlank()) {
      where.add(cb.equal(root.get(attribute), value.strip()));
    }
  }

  private static void required(String field, String value, int max, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(field, "is required"));
    } else if (value.length() > max) {
      problems.add(new Problem(field, "is longer than " + max + " characters"));
    }
  }

  private String state(Object state) {
    if (state == null) {
      return null;
    }
    String text;
    try {
      text = json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      text = null;
    }
    if (text == null) {
      return stateAsText(String.valueOf(state));
    }
    return text.length() <= MAX_STATE ? text : stateAsText(text);
  }

  /** A state that is not JSON or too long, kept as a JSON object holding (the start of) its text. */
  private String stateAsText(String text) {
    boolean truncated = text.length() > MAX_STATE - 200;
    try {
      return json.writeValueAsString(Map.of("truncated", truncated,
          "text", truncated ? text.substring(0, MAX_STATE - 200) : text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string map is always JSON", e);
    }
  }
}
