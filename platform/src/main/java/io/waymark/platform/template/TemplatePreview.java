package io.waymark.platform.template;

import io.waymark.platform.support.InvalidInputException.Problem;
import java.util.List;

/**
 * What a template text renders to with sample values, and every problem that would stop it from being saved (a preview
 * never fails on them). The SMS fields are null for email.
 *
 * @param subject the rendered subject (email)
 * @param body the rendered body
 * @param characters characters of the rendered body (code points)
 * @param encoding GSM-7 or UCS-2 (SMS)
 * @param units septets or UTF-16 units (SMS)
 * @param segments SMS segments of the rendered body
 * @param maxSegments the limit it is checked against (SMS)
 * @param ucs2Characters the characters of the rendered body that force UCS-2, with index, code point and look-alike
 * @param templateUcs2Characters the same for the body as written, indices into it (to highlight in an editor)
 * @param lookAlikeBody the body as written with every GSM look-alike applied (SMS)
 * @param lookAlikeSegments the segments that body renders to
 * @param optOutWording whether the rendered body carries opt-out wording
 * @param tokens the token names used, in order of first use
 * @param problems every problem, each with its field; empty when the template may be saved
 */
public record TemplatePreview(Channel channel, String subject, String body, int characters,
    SmsEncoding.Encoding encoding, Integer units, Integer segments, Integer maxSegments,
    List<SmsEncoding.ForcingCharacter> ucs2Characters, List<SmsEncoding.ForcingCharacter> templateUcs2Characters,
    String lookAlikeBody, Integer lookAlikeSegments, boolean optOutWording, List<String> tokens,
    List<Problem> problems) {

  /** Whether the template could be saved as it is. */
  public boolean isValid() {
    return problems.isEmpty();
  }
}
