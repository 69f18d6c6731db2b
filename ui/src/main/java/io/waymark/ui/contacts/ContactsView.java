package io.waymark.ui.contacts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.waymark.platform.consent.ConsentChanges;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactImports;
import io.waymark.platform.contact.ContactView;
import io.waymark.ui.layout.MainLayout;
import io.waymark.ui.security.PhoneMask;
import jakarta.annotation.security.RolesAllowed;

/**
 * Contacts and consent, for COMPLIANCE, OPS and ADMIN: search contacts by phone or name (a lazily paged grid), open
 * one to read its consent ledger as a timeline, opt it out by hand with a reason, export its consent evidence; import
 * contacts from CSV in the background with a progress bar and the per-row report.
 *
 * <p>Component ids: {@code contacts} (the view), {@code contact-search}, {@code contact-grid}, and those of
 * {@link ConsentPanel} and {@link ImportPanel}.
 */
@Route(value = "contacts", layout = MainLayout.class)
@PageTitle("Contacts & consent · Waymark")
@RolesAllowed({"COMPLIANCE", "OPS", "ADMIN"})
public class ContactsView extends Main {

  final TextField search = new TextField();
  final Grid<ContactView> contacts = new Grid<>();
  final ConsentPanel consent;
  final ImportPanel imports;

  public ContactsView(ContactDirectory directory, ConsentLedger ledger, ConsentChanges changes,
      ContactImports contactImports) {
    setId("contacts");
    getStyle().set("padding", "var(--lumo-space-m)");
    consent = new ConsentPanel(ledger, changes, () -> contacts.getDataProvider().refreshAll());
    imports = new ImportPanel(contactImports, () -> contacts.getDataProvider().refreshAll());

    search.setId("contact-search");
    search.setPlaceholder("Phone number or name");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setWidth("24em");
    search.addValueChangeListener(e -> contacts.getDataProvider().refreshAll());

    contacts.setId("contact-grid");
    contacts.addColumn(c -> PhoneMask.forSignedInUser(c.phone())).setHeader("Phone").setAutoWidth(true);
    contacts.addColumn(ContactsView::name).setHeader("Name").setAutoWidth(true);
    contacts.addColumn(c -> c.region() == null ? "" : c.region()).setHeader("Region").setAutoWidth(true);
    contacts.addColumn(c -> c.lifecycleStage() == null ? "" : c.lifecycleStage()).setHeader("Stage");
    contacts.addColumn(c -> String.join(", ", c.topics())).setHeader("Topics").setFlexGrow(1);
    contacts.setItems(query -> directory.search(search.getValue(), query.getOffset(), query.getLimit()).stream(),
        query -> (int) Math.min(Integer.MAX_VALUE, directory.countMatching(search.getValue())));
    contacts.setHeight("420px");
    contacts.asSingleSelect().addValueChangeListener(e -> consent.show(e.getValue()));

    HorizontalLayout body = new HorizontalLayout(contacts, consent);
    body.setWidthFull();
    body.setFlexGrow(1, contacts);
    body.setFlexGrow(1, consent);
    add(new H1("Contacts & consent"), new Paragraph("Search by phone number or name, open a contact for its consent "
        + "ledger. Every opt-out and export made here is written to the audit log."), search, body,
        new H2("Import contacts from CSV"), imports);
  }

  static String name(ContactView contact) {
    String first = contact.firstName() == null ? "" : contact.firstName();
    String last = contact.lastName() == null ? "" : contact.lastName();
    return (first + " " + last).strip();
  }
}
