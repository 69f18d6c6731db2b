package io.waymark;

import io.camunda.client.CamundaClient;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When an application context of the tests closes, cancels the process instances its runs left waiting in the
 * in-memory engine, which outlives it. Run ids and contact ids come from each context's own H2 database, so a
 * later context numbers its runs and contacts from 1 again: a message keyed by journey run 1 or contact 12 would
 * otherwise reach a leftover instance of an earlier context instead of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LeftoverInstances {

  @Bean
  ApplicationListener<ContextClosedEvent> cancelLeftoverInstances(CamundaClient client, JdbcTemplate jdbc) {
    return closed -> {
      List<Long> instances = jdbc.queryForList("select process_instance_key from journey_run where status = "
          + "'RUNNING' and process_instance_key is not null union select process_instance_key from campaign_run "
          + "where status in ('REQUESTED', 'RUNNING') and process_instance_key is not null", Long.class);
      for (long instance : instances) {
        try {
          client.newCancelInstanceCommand(instance).send().join();
        } catch (RuntimeException ended) {
          // ended meanwhile
        }
      }
    };
  }
}
