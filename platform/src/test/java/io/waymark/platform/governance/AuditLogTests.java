package io.waymark.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.repository.CrudRepository;

/** The audit log: who, when, what, before and after; only ever appended; paged queries by time, actor, action, subject. */
@SpringBootTest
@Import(ActingAs.class)
class AuditLogTests {

  @Autowired AuditLog audit;
  @Autowired Clock clock;

  @Test
  void recordsWhoWhenWhatAndTheStatesAsJson() {
    String subject = UUID.randomUUID().toString();
    Instant before = clock.instant().minusMillis(1);
    ActingAs.run("maya", () -> audit.record(AuditLog.Entry.of("journey.paused", "journey", subject)
        .before(Map.of("paused", false)).after(Map.of("paused", true)).detail("paused for a typo")));

    AuditEntryView entry = audit.find(AuditQuery.all().bySubject("journey", subject), 0, 5).getContent().getFirst();
    assertThat(entry.actor()).isEqualTo("maya");
    assertThat(entry.action()).isEqualTo("journey.paused");
    assertThat(entry.at()).isAfter(before).isBeforeOrEqualTo(clock.instant());
    assertThat(entry.before()).isEqualTo("{\"paused\":false}");
    assertThat(entry.after()).isEqualTo("{\"paused\":true}");
    assertThat(entry.detail()).isEqualTo("paused for a typo");
  }

  @Test
  void namesTheSystemWhenNobodyActs() {
    String subject = UUID.randomUUID().toString();
    audit.record(AuditLog.Entry.of("contact.import.started", "import", subject));

    assertThat(audit.find(AuditQuery.all().bySubject("import", subject), 0, 5).getContent())
        .singleElement().extracting(AuditEntryView::actor).isEqualTo("system");
  }

  @Test
  void refusesAnEntryWithoutActionOrSubject() {
    assertThatThrownBy(() -> audit.record(AuditLog.Entry.of(" ", "journey", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(Problem::field).containsExactly("action", "subjectId"));
  }

  @Test
  void keepsAnOverlongStateAsTruncatedJson() {
    String subject = UUID.randomUUID().toString();
    audit.record(AuditLog.Entry.of("template.approved", "template", subject).after(Map.of("body", "x".repeat(5000))));

    String after = audit.find(AuditQuery.all().bySubject("template", subject), 0, 1).getContent().getFirst().after();
    assertThat(after).startsWith("{").endsWith("}").contains("\"truncated\":true").hasSizeLessThanOrEqualTo(4000);
  }

  @Test
  void findsPagesByActorActionSubjectAndTime() {
    String subject = UUID.randomUUID().toString();
    Instant start = clock.instant().minusMillis(1);
    ActingAs.run("ann", () -> {
      for (int i = 0; i < 5; i++) {
        audit.record(AuditLog.Entry.of("campaign.approval.decided", "campaign", subject).detail("decision " + i));
      }
    });
    ActingAs.run("bob", () -> audit.record(AuditLog.Entry.of("journey.resumed", "campaign", subject)));
    Instant end = clock.instant().plusMillis(1);

    AuditQuery bySubject = AuditQuery.all().bySubject("campaign", subject);
    Page<AuditEntryView> first = audit.find(bySubject, 0, 4);
    assertThat(first.getTotalElements()).isEqualTo(6);
    assertThat(first.getTotalPages()).isEqualTo(2);
    assertThat(first.getContent()).extracting(AuditEntryView::action).first().isEqualTo("journey.resumed");
    assertThat(audit.find(bySubject, 1, 4).getContent()).extracting(AuditEntryView::detail)
        .containsExactly("decision 1", "decision 0");
    assertThat(audit.find(bySubject.byActor("bob"), 0, 10).getContent()).singleElement()
        .extracting(AuditEntryView::action).isEqualTo("journey.resumed");
    assertThat(audit.find(bySubject.byAction("campaign.approval.decided"), 0, 10).getTotalElements()).isEqualTo(5);
    assertThat(audit.find(bySubject.between(start, end), 0, 10).getTotalElements()).isEqualTo(6);
    assertThat(audit.find(bySubject.between(end, end.plusSeconds(60)), 0, 10).getTotalElements()).isZero();
    assertThatThrownBy(() -> audit.find(bySubject, 0, 501))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("size"));
  }

  @Test
  void offersNoWayToChangeOrRemoveAnEntry() {
    List<String> facade = Arrays.stream(AuditLog.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).distinct().sorted().toList();
    assertThat(facade).containsExactly("actorName", "find", "record");
    assertThat(CrudRepository.class.isAssignableFrom(AuditEntryRepository.class)).isFalse();
    assertThat(Arrays.stream(AuditEntryRepository.class.getMethods()).map(Method::getName))
        .containsExactly("save");
    assertThat(AuditEntry.class).hasAnnotation(Immutable.class);
    assertThat(Arrays.stream(AuditEntry.class.getDeclaredMethods()).map(Method::getName))
        .noneMatch(name -> name.startsWith("set"));
  }
}
