package io.waymark.platform.template;

import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.support.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Template work of signed-in people, guarded by role: designers (and admins) write templates and drafts, approvers
 * (and admins) approve a draft, as themselves ({@link AuditLog#actorName()}, never a name they type). Everything goes
 * through {@link MessageTemplates}, with its checks and its audit entries; the REST API calls that facade directly.
 * <p>There is no "submitted" state: a saved DRAFT is what an approver approves. Four eyes are not enforced here, as
 * in {@link MessageTemplates}: versions do not record who wrote them, so the role split (a DESIGNER alone cannot
 * approve) is the guard.
 */
@Service
public class TemplateDesk {

  private final MessageTemplates templates;
  private final MessageTemplateRepository repository;
  private final AuditLog audit;

  TemplateDesk(MessageTemplates templates, MessageTemplateRepository repository, AuditLog audit) {
    this.templates = templates;
    this.repository = repository;
    this.audit = audit;
  }

  /** One page (from 0) of templates by key, with their versions; page size 1 to 500. */
  @Transactional(readOnly = true)
  public List<TemplateView> page(int page, int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "is negative");
    }
    if (size < 1 || size > 500) {
      throw new InvalidInputException("size", "is " + size + ": 1 to 500");
    }
    return repository.findAllBy(PageRequest.of(page, size, Sort.by("key"))).stream().map(templates::view).toList();
  }

  @Transactional(readOnly = true)
  public long count() {
    return repository.count();
  }

  /** {@link MessageTemplates#create}: version 1 as a draft. */
  @RolesAllowed({"DESIGNER", "ADMIN"})
  public TemplateView create(NewTemplate template) {
    return templates.create(template);
  }

  /** Edits draft {@code version}, or adds a new draft when {@code version} is null. */
  @RolesAllowed({"DESIGNER", "ADMIN"})
  public VersionView saveDraft(String key, Integer version, DraftContent content) {
    return version == null ? templates.draft(key, content) : templates.updateDraft(key, version, content);
  }

  /** {@link MessageTemplates#approve} by the signed-in person (audited there as {@code template.approved}). */
  @RolesAllowed({"APPROVER", "ADMIN"})
  public VersionView approve(String key, int version) {
    return templates.approve(key, version, audit.actorName());
  }
}
