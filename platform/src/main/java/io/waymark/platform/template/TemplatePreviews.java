package io.waymark.platform.template;

import io.waymark.platform.support.InvalidInputException.Problem;
import java.util.List;
import java.util.Map;

/** Builds a {@link TemplatePreview} from a definition that may have problems. */
final class TemplatePreviews {

  private TemplatePreviews() {
  }

  static TemplatePreview of(TemplateRendering rendering, TemplateDefinition template, Map<String, ?> variables,
      List<String> tokens, List<Problem> problems) {
    TemplateRendering.Sample sample = rendering.sample(template, variables, TemplateRendering.Values.SAMPLES);
    String body = sample.body();
    int characters = body.codePointCount(0, body.length());
    if (!template.sms()) {
      return new TemplatePreview(template.channel(), sample.subject(), body, characters, null, null, null, null,
          null, null, null, null, sample.optOutWording(), tokens, problems);
    }
    String written = template.body() == null ? "" : template.body();
    String lookAlikeBody = SmsEncoding.withLookAlikes(written);
    TemplateDefinition lookAlike = new TemplateDefinition(template.channel(), template.messageClass(),
        template.brand(), null, lookAlikeBody, template.maxSegments(), template.followUp(),
        template.linkExpiryHours());
    SmsEncoding.Analysis analysis = sample.analysis();
    return new TemplatePreview(template.channel(), null, body, analysis.characters(), analysis.encoding(),
        analysis.units(), analysis.segments(), template.maxSegments(), analysis.ucs2Characters(),
        SmsEncoding.analyze(written).ucs2Characters(), lookAlikeBody,
        rendering.sample(lookAlike, variables, TemplateRendering.Values.SAMPLES).analysis().segments(), sample.optOutWording(), tokens,
        problems);
  }
}
