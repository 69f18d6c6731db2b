package io.waymark.workers.engine;

import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.workflows.lint.LintReport;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a signed-in designer does to journeys, guarded by role: lint an upload, publish it (audited as
 * {@code journey.published} with the process id and version), pause and resume (audited by {@link JourneyCatalog}
 * itself, by the signed-in user). The REST API and the bundled deployment use {@link JourneyPublisher} and
 * {@link JourneyCatalog} directly.
 */
@Component
public class JourneyManagement {

  private final JourneyPublisher publisher;
  private final JourneyCatalog catalog;
  private final AuditLog audit;

  JourneyManagement(JourneyPublisher publisher, JourneyCatalog catalog, AuditLog audit) {
    this.publisher = publisher;
    this.catalog = catalog;
    this.audit = audit;
  }

  /** The linter's report on a BPMN file; nothing is deployed. */
  @RolesAllowed({"DESIGNER", "ADMIN"})
  public LintReport lint(byte[] bpmn) {
    return publisher.lint(bpmn);
  }

  /**
   * Lints, deploys and records one journey, and audits the publication.
   *
   * @throws JourneyRejectedException when the linter or the engine finds an error; nothing was deployed then
   */
  @RolesAllowed({"DESIGNER", "ADMIN"})
  public JourneyPublisher.Published publish(String resourceName, byte[] bpmn) {
    JourneyPublisher.Published published = publisher.publish(resourceName, bpmn);
    audit.record(AuditLog.Entry.of("journey.published", "journey", published.processId())
        .after(Map.of("version", published.version(), "definitionKey", published.definitionKey(),
            "resourceName", published.resourceName(), "warnings", published.warnings().size()))
        .detail("published " + published.processId() + " version " + published.version() + " from "
            + published.resourceName()));
    return published;
  }

  /** Pauses a journey, as the signed-in user (the catalog audits it). */
  @RolesAllowed({"DESIGNER", "OPS", "ADMIN"})
  public void pause(String processId) {
    catalog.pause(processId, audit.actorName());
  }

  /** Resumes a paused journey (the catalog audits it). */
  @RolesAllowed({"DESIGNER", "OPS", "ADMIN"})
  public void resume(String processId) {
    catalog.resume(processId);
  }
}
