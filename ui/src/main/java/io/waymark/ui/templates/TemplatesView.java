package io.waymark.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.waymark.platform.governance.Role;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.template.DraftContent;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.NewTemplate;
import io.waymark.platform.template.TemplateDesk;
import io.waymark.platform.template.TemplateStateException;
import io.waymark.platform.template.TemplateStatus;
import io.waymark.platform.template.TemplateView;
import io.waymark.platform.template.VersionView;
import io.waymark.ui.layout.MainLayout;
import io.waymark.ui.security.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Message templates for DESIGNER, APPROVER and ADMIN: the templates (paged lazily) with their versions; an editor with
 * a live preview ({@link TemplateEditor}); save (a designer or admin: a new template, a new draft, or the open draft);
 * approve a draft (an approver or admin, as themselves). There is no separate "submitted" state: a saved DRAFT is what
 * approvers approve. The facade guards every change by role ({@link TemplateDesk}) and audits approvals.
 *
 * <p>Component ids: {@code templates} (the view), {@code template-grid}, {@code template-new},
 * {@code template-versions}, {@code template-editing}, {@code template-save}, {@code template-approve}, and those of
 * {@link TemplateEditor}.
 */
@Route(value = "templates", layout = MainLayout.class)
@PageTitle("Templates · Waymark")
@RolesAllowed({"DESIGNER", "APPROVER", "ADMIN"})
public class TemplatesView extends Main {

  final Grid<TemplateView> templates = new Grid<>();
  final Grid<VersionView> versions = new Grid<>();
  final TemplateEditor editor;
  final Paragraph editing = new Paragraph();
  final Button newTemplate = new Button("New template", e -> startNew());
  final Button save = new Button("Save draft", e -> save());
  final Button approve = new Button("Approve", e -> approve());
  final Binder<TemplateEditor> binder = new Binder<>();

  private final TemplateDesk desk;
  private final MessageTemplates messageTemplates;
  private TemplateView template;
  private VersionView version;

  public TemplatesView(TemplateDesk desk, MessageTemplates messageTemplates) {
    this.desk = desk;
    this.messageTemplates = messageTemplates;
    this.editor = new TemplateEditor(messageTemplates);
    setId("templates");
    getStyle().set("padding", "var(--lumo-space-m)");
    boolean writes = SignedIn.roles().contains(Role.DESIGNER) || SignedIn.roles().contains(Role.ADMIN);
    boolean approves = SignedIn.roles().contains(Role.APPROVER) || SignedIn.roles().contains(Role.ADMIN);

    templates.setId("template-grid");
    templates.addColumn(TemplateView::key).setHeader("Key").setAutoWidth(true);
    templates.addColumn(TemplateView::name).setHeader("Name").setFlexGrow(1);
    templates.addColumn(TemplateView::channel).setHeader("Channel").setAutoWidth(true);
    templates.addColumn(TemplateView::messageClass).setHeader("Class").setAutoWidth(true);
    templates.addColumn(t -> t.approvedVersion() == null ? "none" : "v" + t.approvedVersion()).setHeader("Sent");
    templates.addColumn(t -> t.versions().stream().filter(v -> v.status() == TemplateStatus.DRAFT)
        .map(v -> "v" + v.version()).collect(Collectors.joining(", "))).setHeader("Drafts");
    templates.setItems(query -> desk.page(query.getPage(), query.getPageSize()).stream(),
        query -> (int) Math.min(Integer.MAX_VALUE, desk.count()));
    templates.setHeight("300px");
    templates.asSingleSelect().addValueChangeListener(e -> {
      if (e.getValue() != null) {
        open(e.getValue(), null);
      }
    });

    versions.setId("template-versions");
    versions.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true);
    versions.addColumn(VersionView::status).setHeader("Status").setAutoWidth(true);
    versions.addColumn(v -> v.approvedBy() == null ? "" : v.approvedBy()).setHeader("Approved by");
    versions.addColumn(VersionView::body).setHeader("Body").setFlexGrow(1);
    versions.setAllRowsVisible(true);
    versions.addItemClickListener(e -> open(template, e.getItem()));

    binder.forField(editor.key).asRequired("A key is required, e.g. lead-follow-up.first-text")
        .bind(e -> e.key.getValue(), (e, v) -> { });
    binder.forField(editor.body).asRequired("The body is required").bind(e -> e.body.getValue(), (e, v) -> { });
    binder.setBean(editor);

    newTemplate.setId("template-new");
    newTemplate.setVisible(writes);
    editing.setId("template-editing");
    save.setId("template-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setVisible(writes);
    approve.setId("template-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
    approve.setVisible(approves);

    VerticalLayout right = new VerticalLayout(editing, editor, new HorizontalLayout(save, approve));
    right.setPadding(false);
    add(new H1("Templates"), new Paragraph("A saved draft waits for an approver; approving it retires the version "
        + "sent until then. Only the approved version is ever sent."), newTemplate, templates,
        new H2("Versions"), versions, right);
    startNew();
  }

  /** An empty editor for a new template. */
  void startNew() {
    template = null;
    version = null;
    versions.setItems(List.of());
    editor.key.setEnabled(true);
    editor.key.clear();
    editor.name.clear();
    editor.body.clear();
    editor.brand.clear();
    editor.subject.clear();
    editor.maxSegments.clear();
    editor.linkExpiryHours.clear();
    editor.followUp.setValue(false);
    readOnlyIdentity(false);
    editing.setText("New template: version 1 is saved as a draft.");
    editor.clearProblems();
    approve.setEnabled(false);
    editor.refreshPreview();
  }

  /** Shows a template's versions and loads {@code chosen} (null: its newest draft, else its newest version). */
  void open(TemplateView shown, VersionView chosen) {
    template = shown;
    versions.setItems(shown.versions());
    VersionView picked = chosen != null ? chosen : shown.versions().stream()
        .filter(v -> v.status() == TemplateStatus.DRAFT).max(Comparator.comparingInt(VersionView::version))
        .orElse(shown.versions().isEmpty() ? null : shown.versions().getLast());
    version = picked != null && picked.status() == TemplateStatus.DRAFT ? picked : null;
    editor.key.setValue(shown.key());
    editor.key.setEnabled(false);
    editor.name.setValue(shown.name());
    editor.channel.setValue(shown.channel());
    editor.messageClass.setValue(shown.messageClass());
    editor.brand.setValue(shown.brand());
    readOnlyIdentity(true);
    editor.subject.setValue(picked == null || picked.subject() == null ? "" : picked.subject());
    editor.body.setValue(picked == null ? "" : picked.body());
    editor.maxSegments.setValue(picked == null ? null : picked.maxSegments());
    editor.linkExpiryHours.setValue(picked == null ? null : picked.linkExpiryHours());
    editor.followUp.setValue(picked != null && picked.followUp());
    editing.setText(version != null ? "Editing draft v" + version.version() + " of " + shown.key() + "."
        : "Saving creates a new draft of " + shown.key() + (picked == null ? "." : ", starting from v"
            + picked.version() + " (" + picked.status() + ")."));
    editor.clearProblems();
    approve.setEnabled(version != null);
    editor.refreshPreview();
  }

  void save() {
    if (!binder.validate().isOk()) {
      return;
    }
    try {
      if (template == null) {
        TemplateView created = desk.create(new NewTemplate(editor.key.getValue().strip(),
            TemplateEditor.blankToNull(editor.name.getValue()), editor.channel.getValue(),
            editor.messageClass.getValue(), TemplateEditor.blankToNull(editor.brand.getValue()), subject(),
            editor.body.getValue(), editor.maxSegments.getValue(), editor.followUp.getValue(),
            editor.linkExpiryHours.getValue()));
        done("Template " + created.key() + " saved as draft v1.");
        open(created, null);
      } else {
        VersionView saved = desk.saveDraft(template.key(), version == null ? null : version.version(),
            new DraftContent(subject(), editor.body.getValue(), editor.maxSegments.getValue(),
                editor.followUp.getValue(), editor.linkExpiryHours.getValue()));
        done("Draft v" + saved.version() + " of " + template.key() + " saved.");
        reopen(saved.version());
      }
      templates.getDataProvider().refreshAll();
    } catch (InvalidInputException e) {
      List<InvalidInputException.Problem> rest = editor.showProblems(e.problems());
      if (!rest.isEmpty()) {
        fail("Not saved: " + rest.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
      }
    } catch (TemplateStateException e) {
      fail("Not saved: " + e.getMessage());
    }
  }

  void approve() {
    if (template == null || version == null) {
      return;
    }
    try {
      VersionView approved = desk.approve(template.key(), version.version());
      done("v" + approved.version() + " of " + template.key() + " approved: it is what is sent from now on.");
      reopen(approved.version());
      templates.getDataProvider().refreshAll();
    } catch (InvalidInputException e) {
      fail("Not approved: " + e.problems().stream().map(p -> p.field() + " " + p.message())
          .collect(Collectors.joining("; ")));
    } catch (TemplateStateException e) {
      fail("Not approved: " + e.getMessage());
    }
  }

  private void reopen(int number) {
    TemplateView fresh = messageTemplates.find(template.key()).orElse(template);
    open(fresh, fresh.version(number).orElse(null));
  }

  /** A template's key, name, channel, class and brand are fixed once it exists; only versions change. */
  private void readOnlyIdentity(boolean readOnly) {
    editor.channel.setReadOnly(readOnly);
    editor.messageClass.setReadOnly(readOnly);
    editor.brand.setReadOnly(readOnly);
    editor.name.setReadOnly(readOnly);
  }

  private String subject() {
    return editor.channel.getValue() == io.waymark.platform.template.Channel.EMAIL ? editor.subject.getValue() : null;
  }

  private static void done(String message) {
    Notification.show(message, 4000, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  private static void fail(String message) {
    Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
