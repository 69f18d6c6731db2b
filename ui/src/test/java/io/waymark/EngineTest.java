package io.waymark;

import io.waymark.workflows.testing.InMemoryEngine;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application against Zeebe's in-memory test engine (one per test JVM, clock controlled by
 * {@link InMemoryEngine}), H2 in memory, MockMvc for HTTP. Test classes extend {@link Base}. One context lives at a
 * time ({@code spring.properties}), and a closing one cancels the instances it left ({@link LeftoverInstances}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({DaytimeClock.class, LeftoverInstances.class})
public @interface EngineTest {

  /** Points the Camunda client at the in-memory engine. */
  abstract class Base {
    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
      registry.add("camunda.client.grpc-address", () -> InMemoryEngine.grpcAddress().toString());
    }
  }
}
