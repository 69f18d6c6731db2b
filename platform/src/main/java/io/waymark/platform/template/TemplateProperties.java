package io.waymark.platform.template;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.templates.*}.
 *
 * @param defaultMaxSegments the segment limit of an SMS template that names none (1 to 10)
 * @param optOutText the opt-out wording of a brand that configures none; the sender appends it when a follow-up
 *     template is the first message of a run
 * @param brands per brand code: its {@code name} (the value of {@code {brand.name}} unless a journey passes one) and
 *     its {@code opt-out-text}, accepted in promotional templates besides the common forms ("Reply STOP to opt out")
 * @param tokens where the token catalog lives (a Spring resource location)
 * @param bundled where the bundled templates live
 * @param installBundled whether start-up installs bundled templates whose key does not exist yet
 */
@ConfigurationProperties("waymark.templates")
record TemplateProperties(
    @DefaultValue("3") int defaultMaxSegments,
    @DefaultValue("Reply STOP to opt out.") String optOutText,
    Map<String, Brand> brands,
    @DefaultValue(TemplateProperties.TOKENS) String tokens,
    @DefaultValue(TemplateProperties.BUNDLED) String bundled,
    @DefaultValue("true") boolean installBundled) {

  static final String TOKENS = "classpath:template/tokens.tsv";
  static final String BUNDLED = "classpath:template/bundled-templates.json";

  TemplateProperties {
    brands = brands == null ? Map.of() : Map.copyOf(brands);
    if (defaultMaxSegments < 1 || defaultMaxSegments > TemplateChecks.MAX_SEGMENTS) {
      throw new IllegalStateException("waymark.templates.default-max-segments must be 1 to "
          + TemplateChecks.MAX_SEGMENTS + ", not " + defaultMaxSegments);
    }
  }

  /** A brand's name and opt-out wording; either may be unset. */
  record Brand(String name, String optOutText) {
  }

  /** The configured name of a brand, or null. */
  String brandName(String brand) {
    Brand b = brands.get(brand);
    return b == null || b.name() == null || b.name().isBlank() ? null : b.name().strip();
  }

  /** The opt-out wording of a brand: its own, else the default. */
  String optOutText(String brand) {
    Brand b = brand == null ? null : brands.get(brand);
    return b == null || b.optOutText() == null || b.optOutText().isBlank() ? optOutText : b.optOutText().strip();
  }
}
