package io.waymark.platform.crm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.support.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads {@code waymark.crm.routing-file} at start-up when no routing is stored yet (a stored routing, changed through
 * the API since, is never overwritten). A file that cannot be read or is invalid stops the start with every problem
 * named: a routing mistake is found when it is configured, not by the first hot lead.
 */
@Component
@Order(5)
class RoutingFile implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingFile.class);

  private final Routing routing;
  private final CrmProperties properties;
  private final ResourceLoader resources;
  private final ObjectMapper json;

  RoutingFile(Routing routing, CrmProperties properties, ResourceLoader resources, ObjectMapper json) {
    this.routing = routing;
    this.properties = properties;
    this.resources = resources;
    this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Override
  public void run(ApplicationArguments args) {
    String location = properties.routingFile();
    if (location == null || location.isBlank()) {
      if (!routing.isConfigured()) {
        LOG.warn("No lead routing is configured: hot leads fail until PUT /api/v1/crm/routing or "
            + "waymark.crm.routing-file sets one");
      }
      return;
    }
    if (routing.isConfigured()) {
      LOG.info("Lead routing is stored already; {} is not loaded again", location);
      return;
    }
    RoutingDocument document = read(location);
    try {
      routing.replace(document, "routing-file");
      LOG.info("Lead routing loaded from {}", location);
    } catch (InvalidInputException e) {
      throw new IllegalStateException("waymark.crm.routing-file " + location + " is invalid: "
          + e.problems().stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    } catch (DataIntegrityViolationException concurrent) {
      if (!routing.isConfigured()) {
        throw concurrent;
      }
      LOG.info("Lead routing was loaded by another instance");
    }
  }

  private RoutingDocument read(String location) {
    Resource resource = resources.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return json.readValue(in, RoutingDocument.class);
    } catch (IOException e) {
      throw new IllegalStateException("waymark.crm.routing-file " + location + " cannot be read: " + e.getMessage(),
          e);
    }
  }
}
