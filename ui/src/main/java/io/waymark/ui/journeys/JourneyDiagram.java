package io.waymark.ui.journeys;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import io.waymark.platform.journey.JourneyInsights.ElementCounts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A BPMN diagram drawn in the browser by bpmn-js (its prebuilt navigated viewer, shipped as a file under
 * {@code META-INF/resources/bpmn-js/} with its licence), with counts per element laid over it: live runs (blue),
 * failed attempts (amber), incidents (red). {@code waymark-diagram.js} does the drawing; this class only sends it the
 * XML and the counts, and keeps what it sent (for tests and for re-highlighting).
 */
@Tag("div")
@JavaScript("context://bpmn-js/bpmn-navigated-viewer.production.min.js")
@JavaScript("context://bpmn-js/waymark-diagram.js")
@StyleSheet("context://bpmn-js/diagram-js.css")
@StyleSheet("context://bpmn-js/bpmn-js.css")
class JourneyDiagram extends Component {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One element's counts, as sent to the browser. */
  record Overlay(String elementId, long live, long failed, long incidents) {
  }

  private String xml;
  private List<Overlay> overlays = List.of();
  private String highlighted;

  JourneyDiagram() {
    setId("journey-diagram");
    getElement().getStyle().set("height", "420px").set("width", "100%")
        .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
  }

  /** Draws {@code bpmnXml} with the counts per element id. */
  void show(String bpmnXml, Map<String, ElementCounts> counts) {
    this.xml = bpmnXml;
    this.highlighted = null;
    this.overlays = new TreeMap<>(counts).entrySet().stream()
        .map(e -> new Overlay(e.getKey(), e.getValue().live(), e.getValue().failed(), e.getValue().incidents()))
        .toList();
    String json;
    try {
      json = JSON.writeValueAsString(overlays);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("overlays not writable as JSON", e);
    }
    getElement().executeJs("window.waymarkDiagram && window.waymarkDiagram.show(this, $0, JSON.parse($1))",
        bpmnXml, json);
  }

  /** Marks one element (the element of a lint finding) and scrolls it into view. */
  void highlight(String elementId) {
    this.highlighted = elementId;
    getElement().executeJs("window.waymarkDiagram && window.waymarkDiagram.highlight(this, $0)", elementId);
  }

  String xml() {
    return xml;
  }

  List<Overlay> overlays() {
    return overlays;
  }

  String highlighted() {
    return highlighted;
  }
}
