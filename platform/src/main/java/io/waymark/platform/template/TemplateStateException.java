package io.waymark.platform.template;

/**
 * A change the template's state does not allow (HTTP 409): editing or approving a version that is not a draft,
 * retiring a retired one, creating a key that exists.
 */
public class TemplateStateException extends RuntimeException {

  public TemplateStateException(String message) {
    super(message);
  }
}
