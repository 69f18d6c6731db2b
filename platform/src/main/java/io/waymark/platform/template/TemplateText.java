package io.waymark.platform.template;

import io.waymark.platform.support.InvalidInputException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A template text parsed into literal text and tokens. Syntax: {@code {name}} or {@code {name|fallback}}; names are
 * letters and digits in dot-separated parts ({@code appointment.time}); spaces around a name or fallback are ignored;
 * a fallback runs to the closing brace and cannot hold braces; {@code {{} and {@code }}} are literal braces. A short
 * link is {@code {link:<url>}}: its target is literal text and tokens ({@code {link:https://shop.example/c?id={cart.id}}}
 * or {@code {link:{cart.url}}}), rendered with the same token rules and then minted into a short URL. Problems name
 * their position as a 1-based character number.
 */
record TemplateText(List<Part> parts, List<Problem> problems) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_-]*)*");

  TemplateText {
    parts = List.copyOf(parts);
    problems = List.copyOf(problems);
  }

  static final String LINK = "{link:";

  sealed interface Part permits Literal, Token, Link {
  }

  /**
   * A short link: {@code target} holds only literals and tokens.
   *
   * @param position 1-based character number of its opening brace
   * @param source the link as written
   */
  record Link(List<Part> target, int position, String source) implements Part {

    Link {
      target = List.copyOf(target);
    }

    @Override
    public String toString() {
      return source;
    }
  }

  record Literal(String text) implements Part {
  }

  /**
   * @param name the token's name
   * @param fallback the text used when the token has no value, or null
   * @param position 1-based character number of its opening brace
   * @param source the token as written
   */
  record Token(String name, String fallback, int position, String source) implements Part {

    /** The token as the author wrote it, for messages: {@code {firstName|there}}. */
    @Override
    public String toString() {
      return source;
    }
  }

  /** Parses {@code text}; problems are reported under {@code field}. */
  static TemplateText parse(String text, String field) {
    List<Part> parts = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean doubled = i + 1 < text.length() && text.charAt(i + 1) == c;
      if (c == '}') {
        if (!doubled) {
          problems.add(new Problem(field, "unmatched } at character " + (i + 1) + " (write }} for a literal brace)"));
        }
        literal.append('}');
        i += doubled ? 2 : 1;
      } else if (c != '{') {
        literal.append(c);
        i++;
      } else if (doubled) {
        literal.append('{');
        i += 2;
      } else if (text.startsWith(LINK, i)) {
        int close = linkClosing(text, i);
        if (close < 0) {
          problems.add(new Problem(field, "{link: at character " + (i + 1) + " has no closing } (write "
              + "{link:https://...} with the link's closing brace after the URL)"));
          literal.append(text, i, text.length());
          break;
        }
        Link link = link(text.substring(i, close + 1), i + 1, field, problems);
        if (!literal.isEmpty()) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(link);
        i = close + 1;
      } else {
        int close = closing(text, i);
        if (close < 0) {
          problems.add(new Problem(field, "unclosed { at character " + (i + 1) + " (close it with }, or write {{ "
              + "for a literal brace)"));
          literal.append('{');
          i++;
          continue;
        }
        Token token = token(text.substring(i, close + 1), i + 1, field, problems);
        if (token != null) {
          if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
          }
          parts.add(token);
        } else {
          literal.append(text, i, close + 1);
        }
        i = close + 1;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return new TemplateText(parts, problems);
  }

  /** The tokens in text order, those in link targets included. */
  List<Token> tokens() {
    return parts.stream().flatMap(p -> p instanceof Link link ? link.target().stream() : Stream.of(p))
        .filter(Token.class::isInstance).map(Token.class::cast).toList();
  }

  /** The short links in text order. */
  List<Link> links() {
    return parts.stream().filter(Link.class::isInstance).map(Link.class::cast).toList();
  }

  /**
   * The brace closing the link opened at {@code open}: the first {@code }} outside the tokens of its target, or -1 when
   * the line or the text ends first.
   */
  private static int linkClosing(String text, int open) {
    boolean inToken = false;
    for (int j = open + LINK.length(); j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\n') {
        return -1;
      }
      if (c == '{') {
        inToken = true;
      } else if (c == '}') {
        if (!inToken) {
          return j;
        }
        inToken = false;
      }
    }
    return -1;
  }

  /** The link written as {@code source} ({@code {link:...}}), its target parsed as text of literals and tokens. */
  private static Link link(String source, int position, String field, List<Problem> problems) {
    String inner = source.substring(LINK.length(), source.length() - 1);
    TemplateText target = parse(inner, field);
    for (Problem problem : target.problems()) {
      problems.add(new Problem(field, "in " + source + " at character " + position + ": " + problem.message()
          + " (counted from the start of its URL)"));
    }
    if (inner.isBlank()) {
      problems.add(new Problem(field, "empty link " + source + " at character " + position
          + " (write the URL to shorten, e.g. {link:https://shop.example/cart})"));
    }
    List<Part> parts = target.parts().stream().filter(p -> !(p instanceof Link)).toList();
    if (parts.size() != target.parts().size()) {
      problems.add(new Problem(field, "link " + source + " at character " + position + " holds another link"));
    }
    return new Link(parts, position, source);
  }

  /** The closing brace of the token opened at {@code open}, or -1 when another brace or the end comes first. */
  private static int closing(String text, int open) {
    for (int j = open + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '}') {
        return j;
      }
      if (c == '{' || c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  private static Token token(String source, int position, String field, List<Problem> problems) {
    String inner = source.substring(1, source.length() - 1);
    int bar = inner.indexOf('|');
    String name = (bar < 0 ? inner : inner.substring(0, bar)).strip();
    String fallback = bar < 0 ? null : inner.substring(bar + 1).strip();
    if (name.isEmpty()) {
      problems.add(new Problem(field, "empty token " + source + " at character " + position
          + " (a token names a value, e.g. {firstName|there}; write {{ for a literal brace)"));
      return null;
    }
    if (!NAME.matcher(name).matches()) {
      problems.add(new Problem(field, source + " at character " + position + " is not a token name (letters and "
          + "digits in dot-separated parts, e.g. {appointment.time}; write {{ for a literal brace)"));
      return null;
    }
    if (fallback != null && fallback.isEmpty()) {
      problems.add(new Problem(field, "token " + source + " at character " + position + " has an empty fallback: "
          + "write the words to use when " + name + " is missing, e.g. {" + name + "|there}"));
      return null;
    }
    return new Token(name, fallback, position, source);
  }
}
