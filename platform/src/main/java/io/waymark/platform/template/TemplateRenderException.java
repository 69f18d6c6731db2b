package io.waymark.platform.template;

/**
 * An approved template could not be rendered into a sound message for this contact: a token without a value and
 * without a fallback (named by {@link #token()}), or a result too long (more SMS segments than the template allows, an
 * email subject over 255 characters). No message is produced.
 */
public class TemplateRenderException extends RuntimeException {

  private final String key;
  private final int version;
  private final String token;

  public TemplateRenderException(String key, int version, String token, String problem) {
    super("template '" + key + "' version " + version + ": " + problem);
    this.key = key;
    this.version = version;
    this.token = token;
  }

  public String key() {
    return key;
  }

  public int version() {
    return version;
  }

  /** The token that had no value, or null when the problem is the length. */
  public String token() {
    return token;
  }
}
