package io.waymark.platform.messaging.provider;

/** A provider's answer other than "accepted", classified so that the router knows what to do next. */
public class SmsProviderException extends RuntimeException {

  /** What a failure means for the message. */
  public enum Kind {
    /** The recipient unsubscribed at the provider (Twilio 21610): suppress the contact, never retry. */
    OPTED_OUT(true),
    /** The number cannot receive this SMS (invalid, landline, unreachable): final. */
    INVALID_NUMBER(true),
    /** The provider refused the message itself (e.g. too long): final. */
    REJECTED(true),
    /** The provider did not accept it (429, 5xx, connect failure, breaker open): retry or fail over. */
    RETRYABLE(false),
    /** The request may have been accepted (timeout after sending): reconcile before anything is resent. */
    UNCONFIRMED(false);

    private final boolean business;

    Kind(boolean business) {
      this.business = business;
    }

    /** Business answers are about the message or recipient, not the provider's health: they never trip a breaker. */
    public boolean business() {
      return business;
    }
  }

  private final Kind kind;
  private final String provider;
  private final String code;

  public SmsProviderException(Kind kind, String provider, String code, String message, Throwable cause) {
    super(provider + ": " + message + (code == null ? "" : " (code " + code + ")"), cause);
    this.kind = kind;
    this.provider = provider;
    this.code = code;
  }

  public SmsProviderException(Kind kind, String provider, String code, String message) {
    this(kind, provider, code, message, null);
  }

  public Kind kind() {
    return kind;
  }

  public String provider() {
    return provider;
  }

  public String code() {
    return code;
  }

  public static boolean isBusiness(Throwable t) {
    return t instanceof SmsProviderException e && e.kind.business();
  }
}
