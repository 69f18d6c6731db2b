package io.waymark.ui.security;

/**
 * Phone numbers for people whose work does not need them (DESIGNER, APPROVER): the country code and the last two
 * digits stay, the rest becomes dots, grouped for reading: {@code +14155550167} shows as {@code +1 415 ••• ••67}.
 * Full numbers for SALES_REP, OPS, COMPLIANCE and ADMIN.
 */
public final class PhoneMask {

  private PhoneMask() {
  }

  /** The number as the signed-in user may see it. */
  public static String forSignedInUser(String e164) {
    return SignedIn.seesFullPhoneNumbers() ? e164 : mask(e164);
  }

  /** {@code +14155550167} -> {@code +1 415 ••• ••67}; other E.164 numbers keep their first 3 digits and last 2. */
  public static String mask(String e164) {
    if (e164 == null || e164.isBlank()) {
      return "";
    }
    String digits = e164.replaceAll("[^0-9]", "");
    if (digits.length() < 6) {
      return "•".repeat(digits.length());
    }
    boolean northAmerica = digits.startsWith("1") && digits.length() == 11;
    String country = northAmerica ? "1" : digits.substring(0, 2);
    String area = northAmerica ? digits.substring(1, 4) : digits.substring(2, Math.min(4, digits.length() - 2));
    int hidden = digits.length() - country.length() - area.length() - 2;
    String dots = "•".repeat(Math.max(hidden, 0));
    String grouped = dots.length() > 3 ? dots.substring(0, 3) + " " + dots.substring(3) : dots;
    return "+" + country + " " + area + " " + grouped + digits.substring(digits.length() - 2);
  }
}
