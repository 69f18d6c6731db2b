package io.waymark.platform.segment;

/** A segment's identity. */
public record SegmentId(long value) {

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
