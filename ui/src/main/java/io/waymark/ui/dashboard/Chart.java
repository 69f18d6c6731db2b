package io.waymark.ui.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.List;

/**
 * A chart drawn in the browser by Chart.js (its UMD build, shipped as a file under {@code META-INF/resources/chartjs/}
 * with its licence; no npm build). {@code waymark-chart.js} draws; this class builds the Chart.js configuration as
 * JSON from labels and series, so that views hold no JavaScript, and sends it again on every update and re-attach.
 */
@Tag("div")
@JavaScript("context://chartjs/chart.umd.js")
@JavaScript("context://chartjs/waymark-chart.js")
public class Chart extends Component {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One line or set of bars: its legend {@code label}, one value per label of the chart, and its CSS colour. */
  public record Series(String label, List<? extends Number> values, String color) {
  }

  private String config;

  public Chart(String id, String description) {
    setId(id);
    getElement().setAttribute("aria-label", description);
    getElement().getStyle().set("position", "relative").set("height", "240px").set("width", "100%");
  }

  /** Draws lines over {@code labels} (e.g. days), one per series. */
  public void lines(List<String> labels, List<Series> series) {
    draw("line", labels, series);
  }

  /** Draws grouped bars over {@code labels}, one colour per series. */
  public void bars(List<String> labels, List<Series> series) {
    draw("bar", labels, series);
  }

  private void draw(String type, List<String> labels, List<Series> series) {
    ObjectNode root = JSON.createObjectNode().put("type", type);
    ObjectNode data = root.putObject("data");
    labels.forEach(data.putArray("labels")::add);
    ArrayNode datasets = data.putArray("datasets");
    for (Series s : series) {
      ObjectNode set = datasets.addObject().put("label", s.label()).put("borderColor", s.color())
          .put("backgroundColor", s.color()).put("tension", 0.2).put("pointRadius", 2);
      ArrayNode values = set.putArray("data");
      s.values().forEach(v -> values.add(v.doubleValue()));
    }
    ObjectNode options = root.putObject("options");
    options.putObject("scales").putObject("y").put("beginAtZero", true);
    options.putObject("plugins").putObject("legend").put("position", "bottom");
    config = root.toString();
    if (isAttached()) {
      send();
    }
  }

  private void send() {
    if (config != null) {
      getElement().executeJs("window.waymarkChart && window.waymarkChart.draw(this, JSON.parse($0))", config);
    }
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    send();
  }

  /** The Chart.js configuration last sent (JSON), null before the first; for tests. */
  String config() {
    return config;
  }
}
