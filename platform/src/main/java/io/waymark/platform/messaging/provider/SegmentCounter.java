package io.waymark.platform.messaging.provider;

/**
 * SMS segments of a body: GSM-7 (extension characters cost two septets) in 160, or 153 per part when concatenated;
 * otherwise UCS-2 in 70 / 67 UTF-16 units. A stand-in until the template module owns encoding.
 */
public final class SegmentCounter {

  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  private SegmentCounter() {
  }

  public static int segments(String body) {
    int septets = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (GSM_BASIC.indexOf(c) >= 0) {
        septets++;
      } else if (GSM_EXTENSION.indexOf(c) >= 0) {
        septets += 2;
      } else {
        return parts(body.length(), 70, 67);
      }
    }
    return parts(septets, 160, 153);
  }

  private static int parts(int units, int single, int concatenated) {
    if (units <= single) {
      return 1;
    }
    return (units + concatenated - 1) / concatenated;
  }
}
