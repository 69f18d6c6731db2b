package io.waymark.platform.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A keyword sign-up waiting for its YES: PENDING, then CONFIRMED (or simply expired). */
@Entity
@Table(name = "keyword_signup")
class KeywordSignup {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String phone;

  @Column(nullable = false)
  private String brand;

  @Column(nullable = false)
  private String keyword;

  @Column(nullable = false)
  private String topics;

  @Column(nullable = false)
  private String keywordMessageId;

  @Column(nullable = false)
  private String promptText;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private Instant startedAt;

  @Column(nullable = false)
  private Instant expiresAt;

  private String confirmedMessageId;
  private Instant confirmedAt;

  @Version
  private long version;

  protected KeywordSignup() {
  }

  KeywordSignup(String phone, String brand, String keyword, List<String> topics, String keywordMessageId,
      String promptText, Instant now, Instant expiresAt) {
    this.phone = phone;
    this.brand = brand;
    this.keyword = keyword;
    this.topics = String.join(",", topics);
    this.keywordMessageId = keywordMessageId;
    this.promptText = promptText;
    this.status = "PENDING";
    this.startedAt = now;
    this.expiresAt = expiresAt;
  }

  void confirm(String messageId, Instant now) {
    status = "CONFIRMED";
    confirmedMessageId = messageId;
    confirmedAt = now;
  }

  String brand() {
    return brand;
  }

  List<String> topics() {
    return Arrays.asList(topics.split(","));
  }

  String keywordMessageId() {
    return keywordMessageId;
  }

  String promptText() {
    return promptText;
  }

  Long id() {
    return id;
  }
}
