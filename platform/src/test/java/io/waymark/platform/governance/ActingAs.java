package io.waymark.platform.governance;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's {@link CurrentActor} port as a test sets it: whoever {@link #run} names acts in this thread; with
 * nobody named the port answers null, so the audit log falls back to {@code system}.
 */
@TestConfiguration(proxyBeanMethods = false)
class ActingAs {

  private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

  @Bean
  CurrentActor currentActor() {
    return ACTOR::get;
  }

  static void run(String actor, Runnable action) {
    ACTOR.set(actor);
    try {
      action.run();
    } finally {
      ACTOR.remove();
    }
  }
}
