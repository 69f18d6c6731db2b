package io.waymark.ui.templates;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.template.Channel;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.PreviewRequest;
import io.waymark.platform.template.SmsEncoding;
import io.waymark.platform.template.TemplatePreview;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The template form with its live preview: as the body is typed (value-change mode TIMEOUT, 300 ms) the sample
 * rendering, the encoding (GSM-7 or UCS-2), the segment count against the limit, the characters forcing UCS-2 (their
 * position in the body, code point and GSM look-alike) and every problem the facade would refuse the text for.
 * Problems of a refused save are shown next to their fields ({@link #showProblems}).
 *
 * <p>Component ids: {@code template-key}, {@code template-name}, {@code template-channel}, {@code template-class},
 * {@code template-brand}, {@code template-subject}, {@code template-body}, {@code template-max-segments},
 * {@code template-follow-up}, {@code template-preview}, {@code template-encoding}, {@code template-segments},
 * {@code template-ucs2}, {@code template-problems}.
 */
class TemplateEditor extends VerticalLayout {

  final TextField key = new TextField("Key");
  final TextField name = new TextField("Name");
  final Select<Channel> channel = new Select<>();
  final Select<String> messageClass = new Select<>();
  final TextField brand = new TextField("Brand");
  final TextField subject = new TextField("Subject");
  final TextArea body = new TextArea("Body");
  final IntegerField maxSegments = new IntegerField("Most segments");
  final IntegerField linkExpiryHours = new IntegerField("Short links expire after (hours)");
  final Checkbox followUp = new Checkbox("Follow-up (sent after a first message, no opt-out wording needed)");
  final Div preview = new Div();
  final Span encoding = new Span();
  final Span segments = new Span();
  final Grid<SmsEncoding.ForcingCharacter> ucs2 = new Grid<>();
  final Span problems = new Span();

  private final MessageTemplates templates;

  TemplateEditor(MessageTemplates templates) {
    this.templates = templates;
    setPadding(false);
    key.setId("template-key");
    key.setHelperText("<journey>.<step>, e.g. lead-follow-up.first-text");
    name.setId("template-name");
    channel.setId("template-channel");
    channel.setLabel("Channel");
    channel.setItems(Channel.values());
    channel.setValue(Channel.SMS);
    messageClass.setId("template-class");
    messageClass.setLabel("Message class");
    messageClass.setItems("transactional", "alert", "promotional");
    messageClass.setValue("transactional");
    brand.setId("template-brand");
    brand.setPlaceholder("default");
    subject.setId("template-subject");
    body.setId("template-body");
    body.setWidthFull();
    body.setMinHeight("8em");
    body.setValueChangeMode(ValueChangeMode.TIMEOUT);
    body.setValueChangeTimeout(300);
    maxSegments.setId("template-max-segments");
    maxSegments.setMin(1);
    maxSegments.setMax(10);
    maxSegments.setPlaceholder("3");
    linkExpiryHours.setId("template-link-expiry");
    linkExpiryHours.setMin(1);
    linkExpiryHours.setMax(8760);
    linkExpiryHours.setPlaceholder("72");
    linkExpiryHours.setHelperText("for {link:https://...} in the body; empty: the default");
    followUp.setId("template-follow-up");
    for (var field : List.of(body, subject)) {
      field.addValueChangeListener(e -> refreshPreview());
    }
    channel.addValueChangeListener(e -> {
      subject.setVisible(e.getValue() == Channel.EMAIL);
      refreshPreview();
    });
    messageClass.addValueChangeListener(e -> refreshPreview());
    maxSegments.addValueChangeListener(e -> refreshPreview());
    followUp.addValueChangeListener(e -> refreshPreview());
    subject.setVisible(false);

    preview.setId("template-preview");
    preview.getStyle().set("white-space", "pre-wrap").set("border", "1px solid var(--lumo-contrast-20pct)")
        .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-s)");
    encoding.setId("template-encoding");
    segments.setId("template-segments");
    ucs2.setId("template-ucs2");
    ucs2.addColumn(c -> c.index() + 1).setHeader("Position").setAutoWidth(true);
    ucs2.addColumn(SmsEncoding.ForcingCharacter::character).setHeader("Character").setAutoWidth(true);
    ucs2.addColumn(SmsEncoding.ForcingCharacter::codePoint).setHeader("Code point").setAutoWidth(true);
    ucs2.addColumn(c -> c.lookAlike() == null ? "none" : "\"" + c.lookAlike() + "\"").setHeader("GSM look-alike")
        .setFlexGrow(1);
    ucs2.setAllRowsVisible(true);
    problems.setId("template-problems");
    problems.getStyle().set("color", "var(--lumo-error-text-color)");

    FormLayout form = new FormLayout(key, name, channel, messageClass, brand, maxSegments, linkExpiryHours, subject,
        followUp);
    add(form, body, new H3("Preview with sample values"), preview, encoding, segments, ucs2, problems);
  }

  /** Asks the facade what the text renders to; never fails on the text's problems, lists them instead. */
  void refreshPreview() {
    TemplatePreview result = templates.preview(new PreviewRequest(channel.getValue(), messageClass.getValue(),
        blankToNull(brand.getValue()), channel.getValue() == Channel.EMAIL ? subject.getValue() : null,
        body.getValue(), maxSegments.getValue(), followUp.getValue(), Map.of()));
    preview.setText(result.body());
    boolean sms = result.encoding() != null;
    encoding.setVisible(sms);
    segments.setVisible(sms);
    ucs2.setVisible(sms && !result.templateUcs2Characters().isEmpty());
    if (sms) {
      encoding.setText("Encoding: " + (result.encoding() == SmsEncoding.Encoding.GSM_7 ? "GSM-7" : "UCS-2") + ", "
          + result.characters() + " characters");
      segments.setText("Segments: " + result.segments() + " of at most " + result.maxSegments()
          + (result.encoding() == SmsEncoding.Encoding.UCS_2 ? " (" + result.lookAlikeSegments()
              + " with the look-alikes)" : ""));
      ucs2.setItems(result.templateUcs2Characters());
    }
    problems.setText(result.problems().isEmpty() ? "" : "Would be refused: " + result.problems().stream()
        .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
  }

  /** Marks each problem's field invalid with its message; returns the problems no field shows. */
  List<InvalidInputException.Problem> showProblems(List<InvalidInputException.Problem> found) {
    clearProblems();
    return found.stream().filter(p -> {
      HasValidation field = field(p.field());
      if (field == null) {
        return true;
      }
      field.setErrorMessage(p.message());
      field.setInvalid(true);
      return false;
    }).toList();
  }

  void clearProblems() {
    for (HasValidation field : List.of(key, name, messageClass, subject, body, maxSegments, linkExpiryHours, brand)) {
      field.setInvalid(false);
    }
  }

  private HasValidation field(String field) {
    return switch (field) {
      case "key" -> key;
      case "name" -> name;
      case "messageClass" -> messageClass;
      case "subject" -> subject;
      case "body" -> body;
      case "maxSegments" -> maxSegments;
      case "linkExpiryHours" -> linkExpiryHours;
      case "brand" -> brand;
      default -> null;
    };
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
