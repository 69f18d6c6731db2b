package io.waymark.platform.template;

/**
 * A personalization token templates may use, from the token catalog ({@code template/tokens.tsv}).
 *
 * @param name the token's name; a name ending in {@code .*} stands for any last part ({@code attributes.*})
 * @param required true when every journey using it passes a value (may be used without a fallback; a missing value
 *     fails the send); false when it may be missing (templates must give a fallback)
 * @param format how a value is written into the message
 * @param source where the value comes from
 * @param sample the value previews and length checks use
 * @param description what it holds
 */
public record TemplateToken(String name, boolean required, Format format, Source source, String sample,
    String description) {

  public enum Format { TEXT, URL, NUMBER, DATE, DATETIME }

  public enum Source {
    /** The contact's own field, else a journey variable of the same name. */
    CONTACT,
    /** A journey variable, else the configured name of the template's brand. */
    BRAND,
    /** A journey variable. */
    JOURNEY
  }

  boolean wildcard() {
    return name.endsWith(".*");
  }
}
