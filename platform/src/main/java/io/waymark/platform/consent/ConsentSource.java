package io.waymark.platform.consent;

/**
 * Where consent came from, as far as the capturing system can tell: the form's URL, the client's IP and user agent,
 * the inbound keyword message's id, the agent who took it. Every part may be null.
 */
public record ConsentSource(String url, String ip, String userAgent, String keywordMessageId, String agentId) {

  public static final ConsentSource NONE = new ConsentSource(null, null, null, null, null);
}
