package io.waymark.ui.settings;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import io.waymark.EngineTest;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.platform.governance.Role;
import io.waymark.platform.governance.UserView;
import io.waymark.platform.governance.Users;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Settings, browserless: users and roles (create, change roles, disable), the effective configuration, the guard. */
@EngineTest
class SettingsViewTests extends EngineTest.Base {

  @Autowired ApplicationContext context;
  @Autowired Users users;
  @Autowired AuditLog audit;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  private static SettingsView open() {
    SignIn.as("admin", Role.ADMIN);
    UI.getCurrent().navigate(SettingsView.class);
    return _get(SettingsView.class);
  }

  @Test
  void showsTheEffectiveConfigurationWithHowToChangeIt() {
    SettingsView view = open();

    assertThat(IntStream.range(0, GridKt._size(view.sendRules))
        .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(view.sendRules, i))).toList())
        .anySatisfy(row -> assertThat(row).contains("US-FL", "promotional", "08:00-20:00", "3 per PT24H"));
    assertThat(GridKt._getFormattedRow(view.caps, 0)).contains("promotional", "*", "3 per PT168H");
    assertThat(view.approvals.getText()).contains("larger than 2", "sensitive: none");
    assertThat(IntStream.range(0, GridKt._size(view.providers))
        .mapToObj(i -> GridKt._get(view.providers, i).provider()).toList()).contains("sandbox");
    assertThat(GridKt._getFormattedRow(view.providers, 0)).contains("CLOSED");
    assertThat(view.leadRouting.getText()).isNotBlank();
  }

  @Test
  void createsAUserWithAGeneratedPasswordThenChangesTheirRolesAndDisablesThem() {
    String username = "user" + ThreadLocalRandom.current().nextInt(1_000_000);
    SettingsView view = open();
    UsersPanel panel = view.users;

    panel.username.setValue(username);
    panel.displayName.setValue("Pat Example");
    _click(panel.generate);
    assertThat(panel.password.getValue()).hasSizeGreaterThanOrEqualTo(12);
    panel.roles.setValue(Set.of(Role.DESIGNER));
    _click(panel.create);

    assertThat(users.find(username)).get().satisfies(u -> {
      assertThat(u.roles()).containsExactly(Role.DESIGNER);
      assertThat(u.enabled()).isTrue();
    });
    UserView created = users.find(username).orElseThrow();
    panel.users.select(created);
    panel.selectedRoles.setValue(Set.of(Role.APPROVER, Role.DESIGNER));
    _click(panel.saveRoles);
    assertThat(users.find(username).orElseThrow().roles()).containsExactlyInAnyOrder(Role.APPROVER, Role.DESIGNER);

    panel.users.select(users.find(username).orElseThrow());
    _click(panel.enabled);
    assertThat(users.find(username).orElseThrow().enabled()).isFalse();

    assertThat(audit.find(AuditQuery.all().bySubject("user", username), 0, 10).getContent())
        .extracting(e -> e.action() + " by " + e.actor())
        .containsExactlyInAnyOrder("user.created by admin", "user.roles.changed by admin", "user.disabled by admin");
  }

  @Test
  void refusesAShortPasswordAndATakenUsernameNextToTheirFields() {
    SettingsView view = open();
    UsersPanel panel = view.users;
    panel.username.setValue("designer");
    panel.displayName.setValue("Someone");
    panel.password.setValue("short");
    panel.roles.setValue(Set.of(Role.OPS));
    _click(panel.create);
    assertThat(panel.password.isInvalid()).isTrue();
    assertThat(panel.password.getErrorMessage()).contains("12");

    panel.password.setValue("a long enough password");
    _click(panel.create);
    assertThat(panel.username.isInvalid()).isTrue();
    assertThat(panel.username.getErrorMessage()).contains("taken");
    assertThat(users.find("designer").orElseThrow().roles()).doesNotContain(Role.OPS);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"DESIGNER", "APPROVER", "SALES_REP", "OPS", "COMPLIANCE"})
  void keepsOutEveryoneButAdmins(Role role) {
    KaribuViews.assertKeptOut(role, SettingsView.class);
  }
}
