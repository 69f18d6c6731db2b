package io.waymark.platform.segment;

import java.time.Instant;
import java.util.List;

/**
 * A segment rule as {@link RuleParser} reads it from JSON: combinations ({@link All}, {@link Any}, {@link Not}) over
 * leaves about the contact's own fields and about its behaviour in the ledgers. A leaf is true or false for every
 * contact, never unknown: a contact without a region is "not in region US-CA". {@code null} bounds mean "ever".
 */
sealed interface Rule {

  /** Every rule holds; with none it holds for every contact. */
  record All(List<Rule> rules) implements Rule {
  }

  /** At least one rule holds (never empty). */
  record Any(List<Rule> rules) implements Rule {
  }

  record Not(Rule rule) implements Rule {
  }

  enum Field { LIFECYCLE_STAGE, REGION, OWNER, LOCALE, TIME_ZONE }

  enum Op { EQ, IN, PRESENT, STARTS_WITH }

  /** A contact column compared without regard to case; {@code values} holds one value for EQ and STARTS_WITH. */
  record FieldIs(Field field, Op op, List<String> values) implements Rule {
  }

  /** The contact lists the topic among its topics of interest. */
  record HasTopic(String topic) implements Rule {
  }

  /** A free attribute (name and value without regard to case); STARTS_WITH is not offered. */
  record AttributeIs(String name, Op op, List<String> values) implements Rule {
  }

  /** An inbound SMS from the contact since {@code since}, of one of {@code classes} (empty: any). */
  record Replied(Instant since, List<String> classes) implements Rule {
  }

  /** An outbound SMS accepted by a provider since {@code since}, on {@code topic} (null: any). */
  record Messaged(Instant since, String topic) implements Rule {
  }

  /** A click (not a link-preview bot's visit) on one of the contact's short links since then. */
  record Clicked(Instant since) implements Rule {
  }

  /** A conversion event (a purchase: the message {@code conversion} published for the contact) since then. */
  record Converted(Instant since) implements Rule {
  }

  enum JourneyState { ENTERED, FINISHED, RUNNING }

  /** A run of journey {@code processId} that entered (started) or finished since {@code since}, or is running now. */
  record InJourney(String processId, JourneyState state, Instant since, String outcome) implements Rule {
  }

  /** An opt-in line for {@code topic} in the consent ledger since {@code since}, whether or not it still holds. */
  record OptedIn(String topic, Instant since) implements Rule {
  }

  /** Created before {@code since} and no sign of life after it: no inbound SMS, no consent line. */
  record Inactive(Instant since) implements Rule {
  }
}
