package io.waymark.platform.template;

import io.waymark.platform.template.TemplateToken.Format;
import io.waymark.platform.template.TemplateToken.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * The tokens templates may use, kept as data ({@code template/tokens.tsv}; its header describes the columns). Loaded
 * once at start; a bad row fails the start naming its line.
 */
final class TokenCatalog {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*(\\.\\*)?");
  private static final int COLUMNS = 6;

  private final Map<String, TemplateToken> tokens;

  private TokenCatalog(Map<String, TemplateToken> tokens) {
    this.tokens = Map.copyOf(tokens);
  }

  static TokenCatalog load(Resource resource) {
    try {
      return parse(resource.getContentAsString(StandardCharsets.UTF_8), resource.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException("the token catalog cannot be read from " + resource.getDescription(), e);
    }
  }

  /** Reads the table; {@code origin} names it in errors. */
  static TokenCatalog parse(String text, String origin) {
    Map<String, TemplateToken> tokens = new LinkedHashMap<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank() || lines[i].startsWith("#")) {
        continue;
      }
      try {
        TemplateToken token = row(lines[i].split("\t", -1));
        if (tokens.putIfAbsent(token.name(), token) != null) {
          throw new IllegalArgumentException("token " + token.name() + " is listed twice");
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(origin + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new TokenCatalog(tokens);
  }

  /** Every token, by name. */
  List<TemplateToken> all() {
    return tokens.values().stream().sorted(Comparator.comparing(TemplateToken::name)).toList();
  }

  /** The catalog entry of a token name; {@code attributes.plan} finds {@code attributes.*}. */
  Optional<TemplateToken> find(String name) {
    TemplateToken exact = tokens.get(name);
    if (exact != null && !exact.wildcard()) {
      return Optional.of(exact);
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.ofNullable(tokens.get(name.substring(0, dot) + ".*"));
  }

  /** The known token closest to an unknown name (same letters in another case, or at most two edits away). */
  Optional<String> suggestion(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return tokens.keySet().stream().filter(known -> !known.endsWith(".*"))
        .filter(known -> distance(known.toLowerCase(Locale.ROOT), lower) <= Math.min(2, lower.length() / 3))
        .min(Comparator.comparingInt(known -> distance(known.toLowerCase(Locale.ROOT), lower)));
  }

  private static TemplateToken row(String[] cells) {
    if (cells.length != COLUMNS) {
      throw new IllegalArgumentException("expected " + COLUMNS + " tab-separated columns "
          + "(token, presence, format, source, sample, description), found " + cells.length);
    }
    String name = cells[0].strip();
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a token name");
    }
    boolean required = switch (cells[1].strip()) {
      case "required" -> true;
      case "optional" -> false;
      default -> throw new IllegalArgumentException("presence '" + cells[1] + "' is not required or optional");
    };
    Format format = value(Format.class, cells[2], "format");
    Source source = value(Source.class, cells[3], "source");
    String sample = cells[4].strip();
    if (sample.isEmpty()) {
      throw new IllegalArgumentException("token " + name + " needs a sample value");
    }
    if (required && name.endsWith(".*")) {
      throw new IllegalArgumentException("a wildcard token cannot be required");
    }
    return new TemplateToken(name, required, format, source, sample, cells[5].strip());
  }

  private static <E extends Enum<E>> E value(Class<E> type, String cell, String column) {
    try {
      return Enum.valueOf(type, cell.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + " '" + cell + "' is not one of "
          + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT), e);
    }
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
