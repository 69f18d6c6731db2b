package io.waymark.platform.segment;

/** No segment has this id (HTTP 404). */
public class SegmentNotFoundException extends RuntimeException {

  private final SegmentId id;

  public SegmentNotFoundException(SegmentId id) {
    super("no segment " + id);
    this.id = id;
  }

  public SegmentId id() {
    return id;
  }
}
