package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * When a campaign sends: {@code NOW} (a run starts at once), {@code AT} an instant (one run then), or
 * {@code RECURRING} by a cron expression in a time zone (a run per fire time). Cron is Spring's six fields (second
 * minute hour day-of-month month day-of-week, e.g. {@code 0 0 10 * * MON}), or the classic five (a second 0 is
 * assumed), or a macro such as {@code @daily}; consecutive fires are at least an hour apart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(String type, Instant at, String cron, String zone) {

  public static final String NOW = "NOW";
  public static final String AT = "AT";
  public static final String RECURRING = "RECURRING";

  public static Schedule now() {
    return new Schedule(NOW, null, null, null);
  }

  public static Schedule at(Instant at) {
    return new Schedule(AT, at, null, null);
  }

  public static Schedule recurring(String cron, String zone) {
    return new Schedule(RECURRING, null, cron, zone);
  }
}
