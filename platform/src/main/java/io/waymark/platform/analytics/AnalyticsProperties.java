package io.waymark.platform.analytics;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.analytics}: {@code conversions} the event types that count as conversions; {@code currency} what a
 * conversion without one is in (revenue adds up this currency only); {@code attribution.window} how long after an SMS
 * a conversion, reply or opt-out is put down to it (last touch); {@code experiments.window} how long after a contact
 * entered an experiment its outcomes count; {@code min-sample} the entered contacts a compared group needs before a
 * report concludes anything; {@code reminders.journeys} the reminder journeys whose no-shows are measured, and
 * {@code reminders.window} how long after a reminder run entered an {@code appointment.attended} still counts.
 */
@ConfigurationProperties("waymark.analytics")
record AnalyticsProperties(
    @DefaultValue({"order.completed", "appointment.attended", "meeting.booked"}) List<String> conversions,
    @DefaultValue("USD") String currency,
    @DefaultValue Attribution attribution,
    @DefaultValue ExperimentSettings experiments,
    @DefaultValue("100") int minSample,
    @DefaultValue Reminders reminders) {

  /** The event type of an attended appointment, which reminders' no-shows are measured by. */
  static final String ATTENDED = "appointment.attended";

  AnalyticsProperties {
    conversions = List.copyOf(conversions);
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("waymark.analytics.currency: an ISO 4217 code such as USD, was " + currency);
    }
    if (minSample < 1) {
      throw new IllegalArgumentException("waymark.analytics.min-sample: must be 1 or more, was " + minSample);
    }
  }

  record Attribution(@DefaultValue("P7D") Duration window) {
    Attribution {
      positive(window, "attribution.window");
    }

    /** The rule stored with each attributed conversion, e.g. {@code last-touch:P7D}. */
    String rule() {
      return "last-touch:" + window;
    }
  }

  record ExperimentSettings(@DefaultValue("P30D") Duration window) {
    ExperimentSettings {
      positive(window, "experiments.window");
    }
  }

  record Reminders(@DefaultValue("appointment-reminder") List<String> journeys, @DefaultValue("P30D") Duration window) {
    Reminders {
      journeys = List.copyOf(journeys);
      positive(window, "reminders.window");
    }
  }

  private static void positive(Duration window, String key) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("waymark.analytics." + key + ": must be a positive duration such as P7D, was "
          + window);
    }
  }
}
