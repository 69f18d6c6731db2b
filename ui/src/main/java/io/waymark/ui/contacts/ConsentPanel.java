package io.waymark.ui.contacts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.server.StreamResource;
import io.waymark.platform.consent.ConsentChanges;
import io.waymark.platform.consent.ConsentEntry;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.ConsentState;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.ui.security.PhoneMask;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One contact's consent: the ledger as a timeline (newest first: when, topic, state, source, evidence text), the
 * manual opt-out (a reason is required, checked next to the field) and the evidence export as CSV or JSON downloads.
 * Opt-outs and exports are audited by {@link ConsentChanges}, which also guards them by role.
 *
 * <p>Component ids: {@code contact-detail}, {@code contact-consent-timeline}, {@code contact-opt-out-topic},
 * {@code contact-opt-out-reason}, {@code contact-opt-out}, {@code contact-evidence-csv}, {@code contact-evidence-json}.
 */
class ConsentPanel extends VerticalLayout {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  static final String EVERY_TOPIC = "Every topic";

  final H3 title = new H3();
  final Span summary = new Span();
  final Grid<ConsentEntry> timeline = new Grid<>();
  final ComboBox<String> topic = new ComboBox<>("Opt out of");
  final TextArea reason = new TextArea("Reason");
  final Button optOut = new Button("Opt out");
  final Anchor evidenceCsv = new Anchor();
  final Anchor evidenceJson = new Anchor();
  final Binder<OptOutForm> binder = new Binder<>(OptOutForm.class);

  private final ConsentLedger ledger;
  private final ConsentChanges changes;
  private final Runnable changed;
  private ContactView contact;

  /** The opt-out as typed. */
  static final class OptOutForm {
    String reason = "";
  }

  ConsentPanel(ConsentLedger ledger, ConsentChanges changes, Runnable changed) {
    this.ledger = ledger;
    this.changes = changes;
    this.changed = changed;
    setId("contact-detail");
    setPadding(false);

    timeline.setId("contact-consent-timeline");
    timeline.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true);
    timeline.addColumn(e -> "*".equals(e.topic()) ? "every topic" : e.topic()).setHeader("Topic").setAutoWidth(true);
    timeline.addColumn(e -> "OPT_IN".equals(e.kind()) ? "opted in" : "opted out").setHeader("State")
        .setAutoWidth(true);
    timeline.addColumn(ConsentPanel::source).setHeader("Source").setAutoWidth(true);
    timeline.addColumn(ConsentPanel::evidence).setHeader("Evidence").setFlexGrow(1);
    timeline.setAllRowsVisible(true);

    topic.setId("contact-opt-out-topic");
    topic.setPlaceholder(EVERY_TOPIC);
    topic.setClearButtonVisible(true);
    reason.setId("contact-opt-out-reason");
    reason.setWidthFull();
    reason.setPlaceholder("Why: e.g. asked by phone to stop all texts");
    binder.forField(reason).asRequired("Give the reason for the opt-out").bind(f -> f.reason, (f, v) -> f.reason = v);
    optOut.setId("contact-opt-out");
    optOut.addThemeVariants(ButtonVariant.LUMO_ERROR);
    optOut.addClickListener(e -> optOut());
    evidenceCsv.setId("contact-evidence-csv");
    evidenceCsv.setText("Export evidence (CSV)");
    evidenceJson.setId("contact-evidence-json");
    evidenceJson.setText("Export evidence (JSON)");

    HorizontalLayout optOutRow = new HorizontalLayout(topic, reason, optOut);
    optOutRow.setWidthFull();
    optOutRow.setAlignItems(Alignment.BASELINE);
    add(title, summary, timeline, optOutRow, new HorizontalLayout(evidenceCsv, evidenceJson));
    show(null);
  }

  /** Shows the contact's consent, or nothing. */
  void show(ContactView selected) {
    contact = selected;
    setVisible(selected != null);
    if (selected == null) {
      return;
    }
    title.setText(PhoneMask.forSignedInUser(selected.phone()) + " " + ContactsView.name(selected));
    ConsentState state = ledger.state(selected);
    summary.setText((state.suppressed() ? "On the do-not-contact list. " : "") + (state.topics().isEmpty()
        ? "No consent recorded." : "Now: " + state.topics().entrySet().stream()
            .map(t -> t.getKey() + " " + ("OPTED_IN".equals(t.getValue().status()) ? "opted in" : "opted out"))
            .toList()));
    List<ConsentEntry> newestFirst = new ArrayList<>(state.history());
    java.util.Collections.reverse(newestFirst);
    timeline.setItems(newestFirst);
    TreeSet<String> topics = new TreeSet<>(selected.topics());
    topics.addAll(state.topics().keySet());
    topic.setItems(topics);
    binder.setBean(new OptOutForm());
    evidenceCsv.setHref(evidence("csv"));
    evidenceJson.setHref(evidence("json"));
  }

  private StreamResource evidence(String format) {
    ContactView shown = contact;
    String name = "consent-evidence-" + shown.phone().substring(1) + "." + format;
    StreamResource resource = new StreamResource(name,
        (out, session) -> out.write(changes.exportEvidence(shown.id(), format).content()));
    resource.setContentType("csv".equals(format) ? "text/csv" : "application/json");
    return resource;
  }

  void optOut() {
    if (contact == null || !binder.validate().isOk()) {
      return;
    }
    List<String> topics = topic.getValue() == null ? List.of() : List.of(topic.getValue());
    try {
      changes.optOut(contact.id(), topics, binder.getBean().reason);
    } catch (InvalidInputException e) {
      for (InvalidInputException.Problem problem : e.problems()) {
        if ("reason".equals(problem.field())) {
          reason.setErrorMessage(problem.message());
          reason.setInvalid(true);
        } else {
          fail(problem.field() + " " + problem.message());
        }
      }
      return;
    }
    Notification.show("Opted out of " + (topics.isEmpty() ? "every topic" : topics.getFirst()) + "; journeys of "
        + "this contact stop.", 5000, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    show(contact);
    changed.run();
  }

  static void fail(String message) {
    Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  private static String source(ConsentEntry e) {
    StringBuilder text = new StringBuilder(e.channel());
    if (e.source() != null && e.source().url() != null) {
      text.append(" · ").append(e.source().url());
    }
    if (e.sourceRef() != null) {
      text.append(" · ").append(e.sourceRef());
    }
    return text.toString();
  }

  private static String evidence(ConsentEntry e) {
    String text = "OPT_IN".equals(e.kind()) ? e.disclosureText() : e.rawText();
    return text == null ? "" : text;
  }
}
