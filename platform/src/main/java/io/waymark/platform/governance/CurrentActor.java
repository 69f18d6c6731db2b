package io.waymark.platform.governance;

/**
 * Who is acting right now, for the audit log: the signed-in user's username, {@link #API} for a machine client of the
 * REST API, {@link #SYSTEM} for Waymark itself (schedulers, job workers, start-up). The platform knows nothing of
 * Spring Security or HTTP: the application (the {@code ui} module) implements this port. Without an implementation
 * every entry is {@link #SYSTEM}'s.
 */
public interface CurrentActor {

  String SYSTEM = "system";
  String API = "api";

  /** The actor's name: never null or blank. */
  String name();
}
