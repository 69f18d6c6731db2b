package io.waymark.platform.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Free contact attributes as a JSON object in one column. */
@Converter
class AttributesConverter implements AttributeConverter<Map<String, String>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
  };

  @Override
  public String convertToDatabaseColumn(Map<String, String> attributes) {
    return write(attributes);
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    return read(column);
  }

  static String write(Map<String, String> attributes) {
    try {
      return JSON.writeValueAsString(attributes == null ? Map.of() : attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("contact attributes cannot be written as JSON", e);
    }
  }

  static Map<String, String> read(String column) {
    try {
      return column == null ? new LinkedHashMap<>() : JSON.readValue(column, TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("contact attributes column holds invalid JSON", e);
    }
  }
}
