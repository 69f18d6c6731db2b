package io.waymark.workers;

import io.waymark.workflows.testing.InMemoryEngine;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform and the workers (no UI) against Zeebe's in-memory test engine, H2 in memory and MockMvc; job workers
 * are off, requests to {@code /api/v1} carry {@link #API_KEY}. Test classes extend {@link Base} and share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
public @interface WorkersTest {

  /** The key {@code waymark.api-keys} holds in these tests. */
  String API_KEY = "workers-test-key";

  /** Points the Camunda client at the in-memory engine. */
  abstract class Base {
    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
      registry.add("camunda.client.grpc-address", () -> InMemoryEngine.grpcAddress().toString());
    }
  }
}
