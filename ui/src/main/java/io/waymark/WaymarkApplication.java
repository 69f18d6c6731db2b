package io.waymark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Waymark: the platform modules, the job workers and the Vaadin UI in one deployable. On the embedded default it
 * also runs a single-node Zeebe broker and an H2 database under {@code ./data}; profiles {@code cluster} and
 * {@code mysql} switch to the production shape.
 */
@SpringBootApplication
public class WaymarkApplication {

  public static void main(String[] args) {
    SpringApplication.run(WaymarkApplication.class, args);
  }
}
