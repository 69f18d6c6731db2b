package io.waymark.platform.template;

/**
 * What rendering and the checks need of one template version: the template's channel, class and brand with the
 * version's content, defaults applied ({@code maxSegments} is null for email; {@code linkExpiryHours} null means the
 * link module's default).
 */
record TemplateDefinition(Channel channel, String messageClass, String brand, String subject, String body,
    Integer maxSegments, boolean followUp, Integer linkExpiryHours) {

  boolean sms() {
    return channel == Channel.SMS;
  }

  boolean promotional() {
    return "promotional".equals(messageClass);
  }
}
