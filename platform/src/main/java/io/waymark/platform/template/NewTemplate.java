package io.waymark.platform.template;

/**
 * A template to create, with the content of its version 1 (a draft).
 *
 * @param key its stable name, {@code ^[a-z0-9][a-z0-9.-]{1,79}$}, by convention {@code <journey>.<step>}
 *     ({@code lead-follow-up.first-text})
 * @param name a label for people (null: the key)
 * @param channel SMS or EMAIL
 * @param messageClass {@code transactional}, {@code alert} or {@code promotional} (the send policy's classes)
 * @param brand the brand code whose name and opt-out wording apply (null: {@code default})
 * @param subject see {@link DraftContent}
 * @param body see {@link DraftContent}
 * @param maxSegments see {@link DraftContent}
 * @param followUp see {@link DraftContent}
 * @param linkExpiryHours see {@link DraftContent}
 */
public record NewTemplate(String key, String name, Channel channel, String messageClass, String brand, String subject,
    String body, Integer maxSegments, Boolean followUp, Integer linkExpiryHours) {

  /** A template whose links take the default expiry. */
  public NewTemplate(String key, String name, Channel channel, String messageClass, String brand, String subject,
      String body, Integer maxSegments, Boolean followUp) {
    this(key, name, channel, messageClass, brand, subject, body, maxSegments, followUp, null);
  }

  /** The content of version 1. */
  public DraftContent content() {
    return new DraftContent(subject, body, maxSegments, followUp, linkExpiryHours);
  }
}
