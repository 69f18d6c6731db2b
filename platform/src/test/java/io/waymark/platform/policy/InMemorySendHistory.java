package io.waymark.platform.policy;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** The outbound history in memory, answering as the messaging module's ledger-backed implementation must. */
class InMemorySendHistory implements SendHistory {

  private record Sent(ContactId contact, String messageClass, String topic, Instant at) {
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  InMemorySendHistory sent(ContactId contact, String messageClass, String topic, Instant at) {
    sent.add(new Sent(contact, messageClass, topic, at));
    return this;
  }

  void clear() {
    sent.clear();
  }

  @Override
  public long countSent(ContactId contact, String messageClass, String topic, Instant since) {
    return matching(contact, messageClass, topic, since).count();
  }

  @Override
  public Optional<Instant> oldestSentSince(ContactId contact, String messageClass, String topic, Instant since) {
    return matching(contact, messageClass, topic, since).map(Sent::at).min(Instant::compareTo);
  }

  private Stream<Sent> matching(ContactId contact, String messageClass, String topic, Instant since) {
    return sent.stream()
        .filter(s -> s.contact().equals(contact) && s.messageClass().equals(messageClass))
        .filter(s -> topic == null || topic.equals(s.topic()))
        .filter(s -> s.at().isAfter(since));
  }
}
