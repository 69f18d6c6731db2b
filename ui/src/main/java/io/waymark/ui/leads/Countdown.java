package io.waymark.ui.leads;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;

/**
 * The time left until a lead's SLA runs out ("4m 05s left", "overdue 2m 10s"): written by the server when shown and
 * counted down every second in the browser (the server's clock is sent along, so a browser clock that is off does not
 * matter). The inbox refreshes from the server on changes and every {@link LeadInboxView#REFRESH_MILLIS}.
 */
class Countdown extends Span {

  private static final String TICK = """
      const el = this, due = $0, offset = Date.now() - $1;
      const two = n => String(n).padStart(2, '0');
      const text = ms => {
        const s = Math.floor(Math.abs(ms) / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
            m = Math.floor(s % 3600 / 60), r = s % 60;
        const t = d > 0 ? d + 'd ' + h + 'h' : h > 0 ? h + 'h ' + two(m) + 'm' : m + 'm ' + two(r) + 's';
        return ms >= 0 ? t + ' left' : 'overdue ' + t;
      };
      clearInterval(el.__countdown);
      el.__countdown = setInterval(() => {
        if (!el.isConnected) { clearInterval(el.__countdown); return; }
        const left = due - (Date.now() - offset);
        el.textContent = text(left);
        el.toggleAttribute('overdue', left < 0);
        el.style.color = left < 0 ? 'var(--lumo-error-text-color)' : '';
      }, 1000);""";

  Countdown(Instant due, Instant now) {
    Duration left = Duration.between(now, due);
    setText(text(left));
    if (left.isNegative()) {
      getElement().setAttribute("overdue", true);
      getStyle().set("color", "var(--lumo-error-text-color)");
    }
    // (epoch milliseconds as doubles: executeJs takes no long)
    getElement().executeJs(TICK, (double) due.toEpochMilli(), (double) now.toEpochMilli());
  }

  /** "4m 05s left", "1h 02m left", "2d 3h left"; past the deadline "overdue 2m 10s". */
  static String text(Duration left) {
    long seconds = Math.abs(left.toMillis()) / 1000;
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    String text = days > 0 ? days + "d " + hours + "h"
        : hours > 0 ? String.format("%dh %02dm", hours, minutes)
        : String.format("%dm %02ds", minutes, seconds % 60);
    return left.isNegative() ? "overdue " + text : text + " left";
  }
}
