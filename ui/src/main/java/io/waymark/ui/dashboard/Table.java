package io.waymark.ui.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A titled table of report rows with its CSV download. Each column is declared once (header and how a row reads) and
 * serves both the grid and the CSV, so the file always says what the screen says. The rows are small aggregates (one
 * per day, journey, template, route, reason or variant), held in memory. CSV is RFC 4180 (commons-csv), UTF-8, named
 * after the table and the period, e.g. {@code routes-2026-11-01_2026-11-30.csv}.
 */
final class Table<T> extends VerticalLayout {

  private record Column<T>(String header, Function<T, String> value) {
  }

  final Grid<T> grid = new Grid<>();
  final Anchor csv = new Anchor();
  private final String name;
  private final List<Column<T>> columns = new ArrayList<>();
  private List<T> rows = List.of();
  private String period = "";

  /** {@code name} is the file name's stem and the ids' ({@code <name>}, {@code <name>-csv}). */
  Table(String name, String title, String helpText) {
    this.name = name;
    setPadding(false);
    setSpacing(false);
    grid.setId(name);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    csv.setId(name + "-csv");
    csv.setText("CSV");
    csv.getElement().setAttribute("download", true);
    csv.getElement().setAttribute("title", "Download this table as CSV");
    H4 heading = new H4(title);
    heading.getStyle().set("margin", "0");
    HorizontalLayout head = new HorizontalLayout(heading, csv);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    Span help = new Span(helpText);
    help.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
    add(head, help, grid);
  }

  Table<T> column(String header, Function<T, String> value) {
    columns.add(new Column<>(header, value));
    grid.addColumn(value::apply).setHeader(header).setAutoWidth(true).setResizable(true);
    return this;
  }

  /** Shows {@code shown} and points the download at them; {@code periodName} e.g. "2026-11-01_2026-11-30". */
  void show(List<T> shown, String periodName) {
    this.rows = List.copyOf(shown);
    this.period = periodName;
    grid.setItems(rows);
    String fileName = fileName();
    byte[] content = csvBytes();
    StreamResource resource = new StreamResource(fileName, (out, session) -> out.write(content));
    resource.setContentType("text/csv;charset=UTF-8");
    csv.setHref(resource);
  }

  String fileName() {
    return name + "-" + period + ".csv";
  }

  List<T> rows() {
    return rows;
  }

  /** The rows as CSV: a header line, then one record per row. */
  byte[] csvBytes() {
    StringWriter text = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
      printer.printRecord(columns.stream().map(Column::header).toList());
      for (T row : rows) {
        printer.printRecord(columns.stream().map(c -> c.value().apply(row)).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("CSV not writable to a string", e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
