package io.waymark.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.consent.ReplyClass;
import io.waymark.platform.support.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answers of a question an SMS asks ({@code {"1": "HOT", "2": "NOT_NOW"}}): checked when the message is sent
 * (keys are short words or digits, classes are reply classes a contact can answer with) and kept on the ledger as
 * JSON, so that the reply "1" is read as the class it stands for.
 */
final class PromptAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
  };

  private PromptAnswers() {
  }

  /** Validates and normalises the answers of a request: keys lower-case, classes upper-case. */
  static Map<String, String> checked(Map<String, ?> answers) {
    Map<String, String> checked = new LinkedHashMap<>();
    if (answers == null) {
      return checked;
    }
    answers.forEach((key, value) -> {
      String answerKey = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
      if (!answerKey.matches("[\\p{L}\\p{N}]{1,20}")) {
        throw new InvalidInputException("answers", "'" + key + "' is not an answer key (one word or number)");
      }
      String replyClass = value == null ? "" : value.toString().strip().toUpperCase(Locale.ROOT);
      if (!replyClass.equals("HOT") && !replyClass.equals("NOT_NOW") && !replyClass.equals("OTHER")) {
        throw new InvalidInputException("answers." + key, "'" + value + "' is not a reply class an answer can "
            + "have (HOT, NOT_NOW, OTHER)");
      }
      checked.put(answerKey, replyClass);
    });
    return checked;
  }

  static String write(Map<String, String> answers) {
    if (answers == null || answers.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(answers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> read(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable prompt answers " + json, e);
    }
  }

  static Map<String, ReplyClass> classes(Map<String, String> answers) {
    Map<String, ReplyClass> classes = new LinkedHashMap<>();
    answers.forEach((key, value) -> classes.put(key, ReplyClass.valueOf(value)));
    return classes;
  }
}
