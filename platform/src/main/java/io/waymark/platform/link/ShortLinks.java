package io.waymark.platform.link;

import org.springframework.stereotype.Service;

/** Short links: minted per recipient at render time, opened at {@code /l/{code}}. */
@Service
public class ShortLinks {

  /**
   * Someone opened {@code /l/{code}} with {@code userAgent} (may be null): a click (recorded, {@link LinkClicked}
   * published), a preview by a link-preview bot (recorded as such), or an expired or unknown code (nothing to follow).
   */
  public Visit open(String code, String userAgent) {
    throw new UnsupportedOperationException("contract only");
  }

  /** What opening a code came to; {@code target} (with its UTM parameters) only for CLICK and PREVIEW. */
  public record Visit(Kind kind, String target) {

    public enum Kind {
      CLICK, PREVIEW, EXPIRED, UNKNOWN
    }
  }
}
