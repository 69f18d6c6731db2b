package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known vectors. Auth token {@code 12345}, URL {@code https://mycompany.com/myapp.php?foo=1&bar=2} and the voice-call
 * parameters below are Twilio's own example (twilio-java's {@code RequestValidatorTest}, the same example as in
 * Twilio's "Webhooks security" guide); {@code RSOYDt4T1cUTdK1PDd93/VVr8B8=} is the signature that test asserts, and
 * the port variants below are its further vectors.
 */
class TwilioSignatureTests {

  static final String TOKEN = "12345";
  static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

  static Map<String, List<String>> params() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("Digits", List.of("1234"));
    params.put("CallSid", List.of("CA1234567890ABCDE"));
    params.put("To", List.of("+18005551212"));
    params.put("Caller", List.of("+14158675309"));
    params.put("From", List.of("+14158675309"));
    return params;
  }

  private final TwilioSignature signature = new TwilioSignature(TOKEN);

  @Test
  void computesTwiliosPublishedSignature() {
    assertThat(signature.sign(URL, params())).isEqualTo(SIGNATURE);
    assertThat(signature.matches(URL, params(), SIGNATURE)).isTrue();
  }

  @Test
  void acceptsTheUrlWithItsPortRemovedOrTheDefaultPortAddedAsTwiliosHelpersDo() {
    // the further vectors of twilio-java's RequestValidatorTest: signatures over the URL with port 1234 (http),
    // with :443 (https) and with :80 (http)
    assertThat(signature.matches(URL.replace(".com", ".com:1234"), params(), SIGNATURE)).isTrue();
    assertThat(signature.matches("http://mycompany.com:1234/myapp.php?foo=1&bar=2", params(),
        "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")).isTrue();
    assertThat(signature.matches(URL, params(), "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
    assertThat(signature.matches(URL.replace("https:", "http:"), params(), "0ZXoZLH/DfblKGATFgpif+LLRf4="))
        .isTrue();
    assertThat(signature.matches(URL.replace(".com", ".com:8443"), params(), "kvajT1Ptam85bY51eRf/AJRuM3w="))
        .isFalse();
  }

  @Test
  void sortsParametersByNameWhateverTheOrderTheyArrivedIn() {
    Map<String, List<String>> reversed = new LinkedHashMap<>();
    List.copyOf(params().entrySet()).reversed().forEach(e -> reversed.put(e.getKey(), e.getValue()));

    assertThat(signature.matches(URL, reversed, SIGNATURE)).isTrue();
  }

  @Test
  void rejectsOneChangedByteInAValue() {
    Map<String, List<String>> params = params();
    params.put("Digits", List.of("1235"));

    assertThat(signature.matches(URL, params, SIGNATURE)).isFalse();
  }

  @Test
  void rejectsOneChangedByteInTheUrl() {
    assertThat(signature.matches(URL.replace("foo=1", "foo=2"), params(), SIGNATURE)).isFalse();
    assertThat(signature.matches(URL.replace("https:", "http:"), params(), SIGNATURE)).isFalse();
  }

  @Test
  void rejectsOneChangedByteInTheSignature() {
    assertThat(signature.matches(URL, params(), "RSOYDt4T1cUTdK1PDd93/VVr8B9=")).isFalse();
    assertThat(signature.matches(URL, params(), "NOT" + SIGNATURE)).isFalse();
  }

  @Test
  void rejectsAnAddedParameterAndAnotherToken() {
    Map<String, List<String>> params = params();
    params.put("Body", List.of(""));

    assertThat(signature.matches(URL, params, SIGNATURE)).isFalse();
    assertThat(new TwilioSignature("12346").matches(URL, params(), SIGNATURE)).isFalse();
  }

  @Test
  void rejectsAMissingOrEmptySignature() {
    assertThat(signature.matches(URL, params(), null)).isFalse();
    assertThat(signature.matches(URL, params(), "")).isFalse();
  }

  @Test
  void refusesAnEmptyAuthToken() {
    assertThatThrownBy(() -> new TwilioSignature(" ")).hasMessageContaining("auth token");
  }
}
