package io.waymark.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.DaytimeClock;
import io.waymark.LeftoverInstances;
import io.waymark.workflows.testing.InMemoryEngine;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application as a real server on a random port, driven by a real browser ({@link Chromium}): Vaadin in
 * development mode with its pre-compiled bundle (no npm), the in-memory Zeebe test engine with the suite's daytime
 * clock, H2 in memory, the demo users with known passwords ({@link KnownPasswords}). Test classes extend {@link Base}
 * and are named {@code *IT}: without chromium and chromedriver on the machine they are skipped.
 *
 * <p>Every class runs last ({@code @Order(Integer.MAX_VALUE)}) and on the same configuration, so the e2e classes
 * share one application context, started once after the other ui tests closed theirs (one context at a time, see
 * {@code spring.properties}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({DaytimeClock.class, LeftoverInstances.class, KnownPasswords.class})
@ExtendWith(Chromium.class)
@Order(Integer.MAX_VALUE)
public @interface BrowserTest {

  /** The engine address, the server's port, the browser pointed at it and the REST client for fixtures. */
  abstract class Base {

    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
      registry.add("camunda.client.grpc-address", () -> InMemoryEngine.grpcAddress().toString());
    }

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    /** The shared browser, signed out, pointed at this server. */
    Browser browser;
    /** This server's REST API, for fixtures a machine client would make. */
    Api api;

    @BeforeEach
    void signedOutBrowser(Browser shared) {
      browser = shared.at("http://localhost:" + port);
      browser.signOut();
      api = new Api(json, "http://localhost:" + port);
    }
  }
}
