package io.waymark.platform.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.support.InvalidInputException.Problem;
import io.waymark.platform.template.TemplateText.Literal;
import io.waymark.platform.template.TemplateText.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTextTests {

  @Test
  void readsTokensWithAndWithoutFallback() {
    TemplateText text = TemplateText.parse("Hi {firstName|there}, see you {appointment.time}.", "body");

    assertThat(text.problems()).isEmpty();
    assertThat(text.parts()).containsExactly(
        new Literal("Hi "),
        new Token("firstName", "there", 4, "{firstName|there}"),
        new Literal(", see you "),
        new Token("appointment.time", null, 31, "{appointment.time}"),
        new Literal("."));
  }

  @Test
  void ignoresSpacesAroundNameAndFallback() {
    assertThat(TemplateText.parse("{ firstName | my friend }", "body").tokens())
        .containsExactly(new Token("firstName", "my friend", 1, "{ firstName | my friend }"));
  }

  @Test
  void readsDoubledBracesAsLiteralBraces() {
    TemplateText text = TemplateText.parse("Use {{code}} or {{{offer.code}}}", "body");

    assertThat(text.problems()).isEmpty();
    assertThat(text.parts()).containsExactly(new Literal("Use {code} or {"),
        new Token("offer.code", null, 19, "{offer.code}"), new Literal("}"));
  }

  @Test
  void keepsEverythingAfterTheFirstBarAsTheFallback() {
    assertThat(TemplateText.parse("{firstName|you | yours}", "body").tokens().getFirst().fallback())
        .isEqualTo("you | yours");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      Hi {firstName                 => unclosed { at character 4 (close it with }, or write {{ for a literal brace)
      Hi {first{Name}               => unclosed { at character 4 (close it with }, or write {{ for a literal brace)
      Hi firstName}                 => unmatched } at character 13 (write }} for a literal brace)
      Hi {} there                   => empty token {} at character 4 (a token names a value, e.g. {firstName|there}; write {{ for a literal brace)
      Hi { |x} there                => empty token { |x} at character 4 (a token names a value, e.g. {firstName|there}; write {{ for a literal brace)
      Hi {first name}               => {first name} at character 4 is not a token name (letters and digits in dot-separated parts, e.g. {appointment.time}; write {{ for a literal brace)
      Hi {appointment..time}        => {appointment..time} at character 4 is not a token name (letters and digits in dot-separated parts, e.g. {appointment.time}; write {{ for a literal brace)
      Hi {firstName|}               => token {firstName|} at character 4 has an empty fallback: write the words to use when firstName is missing, e.g. {firstName|there}
      """)
  void namesThePositionOfMalformedSyntax(String source, String problem) {
    assertThat(TemplateText.parse(source, "body").problems()).containsExactly(new Problem("body", problem));
  }

  @Test
  void reportsEveryProblemInOneText() {
    assertThat(TemplateText.parse("} {} {x", "subject").problems()).extracting(Problem::message)
        .containsExactly("unmatched } at character 1 (write }} for a literal brace)",
            "empty token {} at character 3 (a token names a value, e.g. {firstName|there}; write {{ for a literal "
                + "brace)",
            "unclosed { at character 6 (close it with }, or write {{ for a literal brace)");
  }

  @Test
  void listsTokensInTextOrder() {
    assertThat(TemplateText.parse("{b} {a|x} {b}", "body").tokens()).extracting(Token::name)
        .containsExactly("b", "a", "b");
  }
}
