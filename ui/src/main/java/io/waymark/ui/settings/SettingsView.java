package io.waymark.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.waymark.platform.crm.Routing;
import io.waymark.platform.governance.Users;
import io.waymark.platform.messaging.provider.SmsRouter;
import io.waymark.platform.messaging.provider.SmsRoutingProperties;
import io.waymark.platform.policy.SendPolicy;
import io.waymark.ui.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Settings, for ADMIN: users and roles (editable, {@link UsersPanel}), and the effective configuration, read-only,
 * each with a note saying how to change it: the quiet-hour and cap rules of the send policy, the configured frequency
 * caps, the campaign approval threshold and sensitive topics, SMS routes and providers with their circuit breakers,
 * and the lead routing document.
 *
 * <p>Component ids: {@code settings} (the view), {@code settings-send-rules}, {@code settings-caps},
 * {@code settings-approvals}, {@code settings-routes}, {@code settings-providers}, {@code settings-lead-routing}, and
 * those of {@link UsersPanel}.
 */
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings · Waymark")
@RolesAllowed("ADMIN")
public class SettingsView extends Main {

  final UsersPanel users;
  final Grid<SendPolicy.RuleView> sendRules = new Grid<>();
  final Grid<SendPolicy.CapView> caps = new Grid<>();
  final Paragraph approvals = new Paragraph();
  final Grid<SmsRoutingProperties.Route> routes = new Grid<>();
  final Grid<SmsRouter.ProviderState> providers = new Grid<>();
  final Pre leadRouting = new Pre();

  public SettingsView(Users directory, SendPolicy policy, SmsRoutingProperties smsRouting, SmsRouter router,
      Routing routing, Environment environment, ObjectMapper json) {
    setId("settings");
    getStyle().set("padding", "var(--lumo-space-m)");
    users = new UsersPanel(directory);

    sendRules.setId("settings-send-rules");
    sendRules.addColumn(SendPolicy.RuleView::scope).setHeader("Where").setAutoWidth(true);
    sendRules.addColumn(r -> String.join(", ", r.classes())).setHeader("Classes").setAutoWidth(true);
    sendRules.addColumn(r -> r.window() == null ? "no window" : r.window() + " " + r.days()).setHeader("Window")
        .setAutoWidth(true);
    sendRules.addColumn(r -> r.cap() == null ? "" : r.cap()).setHeader("Cap").setAutoWidth(true);
    sendRules.addColumn(SendPolicy.RuleView::source).setHeader("Source").setFlexGrow(1);
    sendRules.setItems(policy.rules());
    sendRules.setAllRowsVisible(true);

    caps.setId("settings-caps");
    caps.addColumn(SendPolicy.CapView::messageClass).setHeader("Class").setAutoWidth(true);
    caps.addColumn(SendPolicy.CapView::topic).setHeader("Topic").setAutoWidth(true);
    caps.addColumn(c -> c.max() + " per " + c.window()).setHeader("At most").setAutoWidth(true);
    caps.addColumn(SendPolicy.CapView::key).setHeader("Key").setFlexGrow(1);
    caps.setItems(policy.caps());
    caps.setAllRowsVisible(true);

    Binder config = Binder.get(environment);
    int threshold = config.bind("waymark.campaigns.approval-threshold", Integer.class).orElse(1000);
    List<String> sensitive = config.bind("waymark.campaigns.sensitive-topics", Bindable.listOf(String.class))
        .orElse(List.of());
    approvals.setId("settings-approvals");
    approvals.setText("A campaign run needs approval when its audience is larger than " + threshold
        + (threshold == 0 ? " (every run)" : "") + " or its topic is sensitive: "
        + (sensitive.isEmpty() ? "none" : String.join(", ", sensitive)) + ".");

    routes.setId("settings-routes");
    routes.addColumn(SmsRoutingProperties.Route::brand).setHeader("Brand").setAutoWidth(true);
    routes.addColumn(SmsRoutingProperties.Route::country).setHeader("Country").setAutoWidth(true);
    routes.addColumn(SmsRoutingProperties.Route::type).setHeader("Sender type").setAutoWidth(true);
    routes.addColumn(r -> r.from() == null ? "" : r.from()).setHeader("From").setAutoWidth(true);
    routes.addColumn(r -> String.join(" → ", r.providers())).setHeader("Providers").setAutoWidth(true);
    routes.addColumn(r -> r.throughput() == 0 ? "unlimited" : r.throughput() + "/s").setHeader("Segments");
    routes.setItems(smsRouting.routes());
    routes.setAllRowsVisible(true);
    providers.setId("settings-providers");
    providers.addColumn(SmsRouter.ProviderState::provider).setHeader("Provider").setAutoWidth(true);
    providers.addColumn(SmsRouter.ProviderState::breaker).setHeader("Circuit breaker").setAutoWidth(true);
    providers.addColumn(p -> p.failureRate() < 0 ? "not enough calls" : p.failureRate() + " %")
        .setHeader("Failure rate").setAutoWidth(true);
    providers.addColumn(SmsRouter.ProviderState::refusedCalls).setHeader("Refused calls").setAutoWidth(true);
    providers.setItems(router.providerStates());
    providers.setAllRowsVisible(true);

    leadRouting.setId("settings-lead-routing");
    leadRouting.setText(routing.current().map(document -> {
      try {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
      } catch (JsonProcessingException e) {
        return String.valueOf(document);
      }
    }).orElse("No routing document is stored: hot leads cannot be routed."));

    add(new H1("Settings"),
        new H2("Users and roles"), users,
        new H2("Quiet hours and caps"), note("The rules table in force (waymark.policy.rules, default "
            + "classpath:policy/send-rules.tsv). To change it, point waymark.policy.rules at a reviewed copy of the file "
            + "and restart."), sendRules,
        note("Frequency caps on top of the table: waymark.policy.caps[n].message-class, .topic, .max, .window."), caps,
        new H2("Campaign approvals"), approvals, note("Set waymark.campaigns.approval-threshold and "
            + "waymark.campaigns.sensitive-topics, then restart."),
        new H2("SMS routes and providers"), note(smsRouting.routes().isEmpty() ? "No routes configured: every "
            + "message goes through the first enabled provider (Twilio, then Telnyx, else the sandbox). Configure "
            + "waymark.sms.routes[n].brand, .country, .type, .from, .providers, .segments-per-second."
            : "Configured with waymark.sms.routes[n].brand, .country, .type, .from, .providers, "
                + ".segments-per-second; first match wins."), routes,
        note("Circuit breakers now (also at /actuator/health, smsProviders); tune waymark.sms.resilience.*."),
        providers,
        new H2("Lead routing"), note("Change it with PUT /api/v1/crm/routing?by=<you> (the whole document, checked "
            + "before it is stored), or waymark.crm.routing-file when none is stored yet."), leadRouting);
  }

  private static Paragraph note(String text) {
    Paragraph note = new Paragraph(text);
    note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
    return note;
  }
}
