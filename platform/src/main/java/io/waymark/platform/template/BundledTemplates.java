package io.waymark.platform.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Installs the bundled templates at start: each one whose key does not exist yet becomes version 1, APPROVED by
 * {@value #BY}, in its own transaction. An existing key is never touched (edits, new versions and retirements stay
 * as people left them); when two instances start at once, the unique key lets one of them win. A bundled template
 * that breaks the rules fails the start, naming it. Runs first among the start-up runners ({@code @Order(0)}), so
 * journeys that reference bundled templates are linted against them.
 */
@Component
@Order(0)
class BundledTemplates implements ApplicationRunner {

  static final String BY = "waymark (bundled)";

  private static final Logger LOG = LoggerFactory.getLogger(BundledTemplates.class);

  private final MessageTemplates templates;
  private final MessageTemplateRepository repository;
  private final TemplateProperties properties;
  private final ResourceLoader resources;
  private final ObjectMapper json;
  private final TransactionTemplate transactions;

  BundledTemplates(MessageTemplates templates, MessageTemplateRepository repository, TemplateProperties properties,
      ResourceLoader resources, ObjectMapper json, PlatformTransactionManager transactions) {
    this.templates = templates;
    this.repository = repository;
    this.properties = properties;
    this.resources = resources;
    this.json = json;
    this.transactions = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.installBundled()) {
      int installed = install();
      if (installed > 0) {
        LOG.info("Installed {} bundled message templates", installed);
      }
    }
  }

  /** Installs the bundled templates that are missing; answers how many it installed. */
  int install() {
    int installed = 0;
    for (NewTemplate template : read(resources.getResource(properties.bundled()))) {
      installed += installOne(template) ? 1 : 0;
    }
    return installed;
  }

  /**
   * Another instance starting at the same moment wins at the unique key: a duplicate key, or on InnoDB a deadlock
   * between the two inserts (the loser is rolled back while the winner may not have committed yet). A transient
   * failure is tried again after a pause, looking first whether the other instance installed the key meanwhile;
   * anything else is a bundled template that breaks the rules.
   */
  private boolean installOne(NewTemplate template) {
    for (int attempt = 1; ; attempt++) {
      if (repository.existsByKey(template.key())) {
        return false;
      }
      try {
        transactions.executeWithoutResult(status -> {
          templates.create(template);
          templates.approve(template.key(), 1, BY);
        });
        return true;
      } catch (TransientDataAccessException raced) {
        if (attempt == 5) {
          throw new IllegalStateException("bundled template '" + template.key() + "' cannot be installed: "
              + raced.getMessage(), raced);
        }
        LOG.debug("Installing bundled template {} raced another instance ({}); looking again", template.key(),
            raced.getMessage());
        pause(50L * attempt);
      } catch (RuntimeException e) {
        if (!repository.existsByKey(template.key())) {
          throw new IllegalStateException("bundled template '" + template.key() + "' cannot be installed: "
              + e.getMessage(), e);
        }
        LOG.debug("Bundled template {} was installed by another instance", template.key());
        return false;
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing bundled templates", e);
    }
  }

  private List<NewTemplate> read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return json.readValue(in, new TypeReference<List<NewTemplate>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException("bundled templates cannot be read from " + resource.getDescription(), e);
    }
  }
}
