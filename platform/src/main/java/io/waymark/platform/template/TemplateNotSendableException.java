package io.waymark.platform.template;

/**
 * A send asked for a template that cannot be sent: the key does not exist, it has no approved version, the version
 * asked for is not approved, or the template is for another channel. The message names the template and why.
 */
public class TemplateNotSendableException extends RuntimeException {

  private final String key;
  private final Integer version;

  public TemplateNotSendableException(String key, Integer version, String reason) {
    super("template '" + key + "'" + (version == null ? "" : " version " + version) + " cannot be sent: " + reason);
    this.key = key;
    this.version = version;
  }

  public String key() {
    return key;
  }

  /** The version asked for, or null when the approved version was asked for. */
  public Integer version() {
    return version;
  }
}
