package io.waymark.platform.template;

/** A template key, or a version of it, that does not exist (HTTP 404). */
public class UnknownTemplateException extends RuntimeException {

  public UnknownTemplateException(String key, Integer version) {
    super(version == null ? "template '" + key + "' does not exist"
        : "template '" + key + "' has no version " + version);
  }
}
