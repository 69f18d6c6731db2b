package io.waymark.platform.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an SMS body travels: GSM-7 (3GPP TS 23.038 basic table, the extension table costing two septets) when every
 * character is in it, otherwise UCS-2 (UTF-16 code units; characters outside the BMP, such as emoji, cost two).
 * A single message holds 160 septets or 70 units; a concatenated message holds 153 septets or 67 units per part (the
 * rest is the header). Parts are packed greedily as handsets and providers do: an extension character (escape plus
 * character) and a surrogate pair are never split across two parts, so a part may end one unit short.
 *
 * <p>{@link Analysis#characters()} counts code points (an emoji is one character), {@link Analysis#units()} septets or
 * UTF-16 units. {@link ForcingCharacter#index()} is a UTF-16 index into the analysed text, as {@code String.charAt}
 * and JavaScript use. An empty text has 0 segments.
 */
public final class SmsEncoding {

  public static final int GSM_SINGLE = 160;
  public static final int GSM_PART = 153;
  public static final int UCS2_SINGLE = 70;
  public static final int UCS2_PART = 67;

  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  /**
   * GSM replacements for typographic characters that phones and word processors put in by themselves. Letters are
   * never replaced (changing a spelling is the author's choice); an empty replacement removes an invisible character.
   */
  private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
      Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x201B, "'"),
      Map.entry(0x2032, "'"), Map.entry(0x0060, "'"), Map.entry(0x00B4, "'"), Map.entry(0x02BC, "'"),
      Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x201F, "\""),
      Map.entry(0x2033, "\""), Map.entry(0x00AB, "\""), Map.entry(0x00BB, "\""),
      Map.entry(0x2039, "'"), Map.entry(0x203A, "'"),
      Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
      Map.entry(0x2014, "-"), Map.entry(0x2015, "-"), Map.entry(0x2212, "-"), Map.entry(0x2022, "-"),
      Map.entry(0x2026, "..."),
      Map.entry(0x00A0, " "), Map.entry(0x2000, " "), Map.entry(0x2001, " "), Map.entry(0x2002, " "),
      Map.entry(0x2003, " "), Map.entry(0x2004, " "), Map.entry(0x2005, " "), Map.entry(0x2006, " "),
      Map.entry(0x2007, " "), Map.entry(0x2008, " "), Map.entry(0x2009, " "), Map.entry(0x200A, " "),
      Map.entry(0x202F, " "), Map.entry(0x205F, " "), Map.entry(0x3000, " "), Map.entry(0x0009, " "),
      Map.entry(0x00AD, ""), Map.entry(0x200B, ""), Map.entry(0x2060, ""), Map.entry(0xFEFF, ""),
      Map.entry(0x2122, "TM"), Map.entry(0x00AE, "(R)"), Map.entry(0x00A9, "(C)"), Map.entry(0x00D7, "x"));

  private SmsEncoding() {
  }

  /** What a text costs as one SMS body. */
  public static Analysis analyze(String text) {
    Objects.requireNonNull(text, "text");
    List<ForcingCharacter> forcing = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (septets(codePoint) == 0) {
        forcing.add(new ForcingCharacter(i, Character.toString(codePoint), String.format("U+%04X", codePoint),
            LOOK_ALIKES.get(codePoint)));
      }
      i += Character.charCount(codePoint);
    }
    int characters = text.codePointCount(0, text.length());
    if (forcing.isEmpty()) {
      int[] costs = text.codePoints().map(SmsEncoding::septets).toArray();
      return new Analysis(characters, Encoding.GSM_7, sum(costs), segments(costs, GSM_SINGLE, GSM_PART), List.of());
    }
    int[] costs = text.codePoints().map(Character::charCount).toArray();
    return new Analysis(characters, Encoding.UCS_2, text.length(), segments(costs, UCS2_SINGLE, UCS2_PART),
        List.copyOf(forcing));
  }

  /**
   * The text with every typographic character that has a GSM look-alike replaced by it (curly quotes, dashes,
   * ellipsis, bullet, unusual spaces, invisible characters, ™ ® © ×). Other characters are left as they are.
   */
  public static String withLookAlikes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> {
      String lookAlike = septets(codePoint) == 0 ? LOOK_ALIKES.get(codePoint) : null;
      if (lookAlike != null) {
        out.append(lookAlike);
      } else {
        out.appendCodePoint(codePoint);
      }
    });
    return out.toString();
  }

  private static int septets(int codePoint) {
    if (codePoint > 0xFFFF) {
      return 0;
    }
    if (GSM_BASIC.indexOf(codePoint) >= 0) {
      return 1;
    }
    return GSM_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 0;
  }

  private static int sum(int[] costs) {
    int total = 0;
    for (int cost : costs) {
      total += cost;
    }
    return total;
  }

  /** Greedy packing: a character that does not fit whole in the current part starts the next one. */
  private static int segments(int[] costs, int single, int part) {
    int total = sum(costs);
    if (total == 0) {
      return 0;
    }
    if (total <= single) {
      return 1;
    }
    int parts = 1;
    int used = 0;
    for (int cost : costs) {
      if (used + cost > part) {
        parts++;
        used = 0;
      }
      used += cost;
    }
    return parts;
  }

  public enum Encoding { GSM_7, UCS_2 }

  /**
   * @param characters code points in the text
   * @param encoding GSM-7 when every character is in the GSM basic or extension table
   * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
   * @param segments SMS parts the text is sent as (0 for an empty text)
   * @param ucs2Characters every character that forces UCS-2, in text order (empty for GSM-7)
   */
  public record Analysis(int characters, Encoding encoding, int units, int segments,
      List<ForcingCharacter> ucs2Characters) {

    public Analysis {
      ucs2Characters = List.copyOf(ucs2Characters);
    }
  }

  /**
   * A character that forces UCS-2.
   *
   * @param index its UTF-16 index in the analysed text
   * @param character the character itself
   * @param codePoint its code point as {@code U+2019}
   * @param lookAlike the GSM text {@link #withLookAlikes} puts in its place ("" removes an invisible character), or
   *     null when there is none
   */
  public record ForcingCharacter(int index, String character, String codePoint, String lookAlike) {
  }
}
