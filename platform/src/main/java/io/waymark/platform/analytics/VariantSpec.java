package io.waymark.platform.analytics;

import io.waymark.platform.support.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An experiment's variants and their weights, as a journey declares them in its process property {@code variants}
 * ({@code control:45, discount:45, holdout:10}): names kebab-case lowercase and distinct, weights whole percents
 * summing to 100. The variant named {@link #HOLDOUT} receives nothing. A contact's variant follows from its bucket
 * (0..9999) by the cumulative weights, in the order declared.
 */
public record VariantSpec(Map<String, Integer> weights) {

  /** The variant that receives nothing. */
  public static final String HOLDOUT = "holdout";
  /** Buckets a contact can fall in: 0..9999, i.e. weights resolve to a hundredth of a percent. */
  public static final int BUCKETS = 10_000;

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public VariantSpec {
    weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  /** Parses a {@code variants} property; a malformed one is refused naming the field {@code variants}. */
  public static VariantSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InvalidInputException("variants", "is required: e.g. control:45, discount:45, holdout:10");
    }
    Map<String, Integer> weights = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (String part : spec.split(",")) {
      String item = part.strip();
      int colon = item.indexOf(':');
      if (colon < 0) {
        throw new InvalidInputException("variants", "'" + item + "' is not name:weight (e.g. control:45)");
      }
      String name = item.substring(0, colon).strip();
      String weightText = item.substring(colon + 1).strip();
      if (!NAME.matcher(name).matches()) {
        throw new InvalidInputException("variants", "'" + name + "' is no variant name: lowercase kebab-case, "
            + "e.g. discount or free-shipping");
      }
      if (!seen.add(name)) {
        throw new InvalidInputException("variants", "names '" + name + "' twice");
      }
      int weight;
      try {
        weight = Integer.parseInt(weightText);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("variants", "the weight of '" + name + "' is '" + weightText
            + "': a whole percent from 1 to 100");
      }
      if (weight < 1 || weight > 100) {
        throw new InvalidInputException("variants", "the weight of '" + name + "' is " + weight
            + ": a whole percent from 1 to 100");
      }
      weights.put(name, weight);
      total += weight;
    }
    if (weights.size() < 2) {
      throw new InvalidInputException("variants", "an experiment needs at least two variants");
    }
    if (total != 100) {
      throw new InvalidInputException("variants", "the weights sum to " + total + ", not 100");
    }
    return new VariantSpec(weights);
  }

  /** The variant of a bucket (0..9999): the first whose cumulative weight (in hundredths of a percent) exceeds it. */
  public String pick(int bucket) {
    if (bucket < 0 || bucket >= BUCKETS) {
      throw new IllegalArgumentException("bucket " + bucket + " is outside 0.." + (BUCKETS - 1));
    }
    int cumulative = 0;
    for (Map.Entry<String, Integer> entry : weights.entrySet()) {
      cumulative += entry.getValue() * (BUCKETS / 100);
      if (bucket < cumulative) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("weights do not sum to 100: " + weights);
  }

  public List<String> names() {
    return new ArrayList<>(weights.keySet());
  }

  public boolean hasHoldout() {
    return weights.containsKey(HOLDOUT);
  }

  /** The normalised spec, {@code control:45, discount:45, holdout:10}. */
  @Override
  public String toString() {
    return weights.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(", "));
  }
}
