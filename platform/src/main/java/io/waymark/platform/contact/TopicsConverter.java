package io.waymark.platform.contact;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Topics of interest as one comma-separated column (topic codes hold no commas); none is NULL. */
@Converter
class TopicsConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> topics) {
    return write(topics);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return read(column);
  }

  static String write(List<String> topics) {
    return topics == null || topics.isEmpty() ? null : String.join(",", topics);
  }

  static List<String> read(String column) {
    return column == null || column.isBlank() ? List.of() : Arrays.stream(column.split(",")).sorted().toList();
  }
}
