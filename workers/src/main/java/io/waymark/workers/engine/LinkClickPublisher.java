package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.waymark.platform.link.LinkClicked;
import io.waymark.platform.link.ShortLinks;
import io.waymark.workflows.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code link-clicked} for every click on a short link (never for a preview bot's visit), correlated by the
 * contact id like {@code sms-reply}, after the click committed. Its message id is the click's, so a resubmitted event
 * publishes nothing twice; the time-to-live is that of replies ({@code waymark.journeys.reply-ttl}): a click a moment
 * before the journey waits still counts, an old one never steers a later journey.
 */
@Component
class LinkClickPublisher {

  private final CamundaClient client;
  private final ShortLinks links;
  private final Duration timeToLive;

  LinkClickPublisher(CamundaClient client, ShortLinks links,
      @Value("${waymark.journeys.reply-ttl:PT5M}") Duration timeToLive) {
    this.client = client;
    this.links = links;
    this.timeToLive = timeToLive;
  }

  @ApplicationModuleListener
  void on(LinkClicked clicked) {
    Instant at = links.clickedAt(clicked.clickId())
        .orElseThrow(() -> new IllegalStateException("no link click " + clicked.clickId()));
    EngineMessages.publishOnce(client, Messages.LINK_CLICKED, clicked.contactId().toString(),
        "link-click-" + clicked.clickId(), timeToLive,
        Map.of("lastClick", Map.of("code", clicked.code(), "clickedAt", at.toString())));
  }
}
