package io.waymark.ui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.waymark.platform.governance.NewUser;
import io.waymark.platform.governance.Role;
import io.waymark.platform.governance.UnknownUserException;
import io.waymark.platform.governance.UserView;
import io.waymark.platform.governance.Users;
import io.waymark.platform.support.InvalidInputException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Users and roles: the users (a few dozen, listed whole), a form to create one (password typed or generated, at least
 * 12 characters; shown once), and for the selected user their roles and whether they may sign in. Every change goes
 * through {@link Users}, which guards it for ADMIN and audits it.
 *
 * <p>Component ids: {@code settings-users}, {@code settings-user-username}, {@code settings-user-display-name},
 * {@code settings-user-email}, {@code settings-user-password}, {@code settings-user-generate},
 * {@code settings-user-roles}, {@code settings-user-create}, {@code settings-selected-roles},
 * {@code settings-roles-save}, {@code settings-user-enabled}.
 */
class UsersPanel extends VerticalLayout {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.";
  private static final SecureRandom RANDOM = new SecureRandom();

  final Grid<UserView> users = new Grid<>();
  final TextField username = new TextField("Username");
  final TextField displayName = new TextField("Display name");
  final EmailField email = new EmailField("Email");
  final TextField password = new TextField("Password");
  final Button generate = new Button("Generate", e -> generatePassword());
  final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
  final Button create = new Button("Create user", e -> create());
  final CheckboxGroup<Role> selectedRoles = new CheckboxGroup<>("Roles of the selected user");
  final Button saveRoles = new Button("Save roles", e -> saveRoles());
  final Button enabled = new Button("Disable", e -> toggleEnabled());
  final Binder<NewUserForm> binder = new Binder<>();

  private final Users directory;

  /** The user form as typed. */
  static final class NewUserForm {
    String username = "";
    String displayName = "";
    String email = "";
    String password = "";
    java.util.Set<Role> roles = EnumSet.noneOf(Role.class);
  }

  UsersPanel(Users directory) {
    this.directory = directory;
    setPadding(false);
    users.setId("settings-users");
    users.addColumn(UserView::username).setHeader("Username").setAutoWidth(true);
    users.addColumn(UserView::displayName).setHeader("Name").setAutoWidth(true);
    users.addColumn(u -> u.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", ")))
        .setHeader("Roles").setFlexGrow(1);
    users.addColumn(u -> u.enabled() ? "yes" : "disabled").setHeader("May sign in").setAutoWidth(true);
    users.setAllRowsVisible(true);
    users.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

    username.setId("settings-user-username");
    displayName.setId("settings-user-display-name");
    email.setId("settings-user-email");
    password.setId("settings-user-password");
    password.setHelperText("At least 12 characters; shown once, pass it on to the user");
    generate.setId("settings-user-generate");
    roles.setId("settings-user-roles");
    roles.setItems(Role.values());
    create.setId("settings-user-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    binder.forField(username).asRequired("A username is required").bind(f -> f.username, (f, v) -> f.username = v);
    binder.forField(displayName).asRequired("A display name is required")
        .bind(f -> f.displayName, (f, v) -> f.displayName = v);
    binder.forField(email).bind(f -> f.email, (f, v) -> f.email = v);
    binder.forField(password).asRequired("A password is required")
        .withValidator(p -> p.length() >= 12, "At least 12 characters").bind(f -> f.password, (f, v) -> f.password = v);
    binder.forField(roles).asRequired("Choose at least one role").bind(f -> f.roles, (f, v) -> f.roles = v);
    binder.setBean(new NewUserForm());

    selectedRoles.setId("settings-selected-roles");
    selectedRoles.setItems(Role.values());
    saveRoles.setId("settings-roles-save");
    enabled.setId("settings-user-enabled");
    select(null);

    FormLayout form = new FormLayout(username, displayName, email, new HorizontalLayout(password, generate), roles);
    add(new Paragraph("Users sign in with a username and password; their roles decide what they see and may do. "
        + "Users are never deleted, only disabled."), users, new HorizontalLayout(selectedRoles, saveRoles, enabled),
        form, create);
    refresh();
  }

  void refresh() {
    users.setItems(directory.list());
  }

  void generatePassword() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    password.setValue(text.toString());
  }

  void create() {
    if (!binder.validate().isOk()) {
      return;
    }
    NewUserForm form = binder.getBean();
    try {
      UserView created = directory.create(new NewUser(form.username.strip(), form.displayName, form.email,
          form.password, form.roles.stream().map(Role::name).toList()));
      done("User " + created.username() + " created with roles " + created.roles().stream().sorted().toList() + ".");
      binder.setBean(new NewUserForm());
      refresh();
    } catch (InvalidInputException e) {
      List<InvalidInputException.Problem> rest = e.problems().stream().filter(p -> !mark(p)).toList();
      if (!rest.isEmpty()) {
        fail("Not created: " + rest.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
      }
    }
  }

  void saveRoles() {
    UserView user = users.asSingleSelect().getValue();
    if (user == null) {
      return;
    }
    try {
      UserView changed = directory.changeRoles(user.username(), selectedRoles.getValue().stream().map(Role::name)
          .toList());
      selectedRoles.setInvalid(false);
      done("Roles of " + changed.username() + ": " + changed.roles().stream().sorted().toList() + ".");
      refresh();
    } catch (InvalidInputException e) {
      selectedRoles.setErrorMessage(e.problems().stream().map(InvalidInputException.Problem::message)
          .collect(Collectors.joining("; ")));
      selectedRoles.setInvalid(true);
    } catch (UnknownUserException e) {
      fail(e.getMessage());
    }
  }

  void toggleEnabled() {
    UserView user = users.asSingleSelect().getValue();
    if (user == null) {
      return;
    }
    UserView changed = directory.setEnabled(user.username(), !user.enabled());
    done(changed.username() + (changed.enabled() ? " may sign in again." : " is disabled: they cannot sign in."));
    refresh();
  }

  private void select(UserView user) {
    selectedRoles.setEnabled(user != null);
    saveRoles.setEnabled(user != null);
    enabled.setEnabled(user != null);
    selectedRoles.setValue(user == null ? EnumSet.noneOf(Role.class) : user.roles());
    enabled.setText(user != null && !user.enabled() ? "Enable" : "Disable");
  }

  private boolean mark(InvalidInputException.Problem problem) {
    HasValidation field = switch (problem.field()) {
      case "username" -> username;
      case "displayName" -> displayName;
      case "email" -> email;
      case "password" -> password;
      case "roles" -> roles;
      default -> null;
    };
    if (field != null) {
      field.setErrorMessage(problem.message());
      field.setInvalid(true);
    }
    return field != null;
  }

  private static void done(String message) {
    Notification.show(message, 4000, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  private static void fail(String message) {
    Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
