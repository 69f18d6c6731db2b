package io.waymark.ui.monitoring;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.waymark.platform.support.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

/** Notifications for the monitoring panels: a clear sentence, never a stack trace. */
final class Feedback {

  private Feedback() {
  }

  static void success(String text) {
    show(text, NotificationVariant.LUMO_SUCCESS);
  }

  static void failed(RuntimeException e) {
    show(e instanceof InvalidInputException invalid ? invalid.problem()
        : e instanceof AccessDeniedException ? "You may not do that"
        : "Something went wrong: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")"), NotificationVariant.LUMO_ERROR);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static void show(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }
}
