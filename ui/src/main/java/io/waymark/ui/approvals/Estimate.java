package io.waymark.ui.approvals;

import io.waymark.platform.campaign.ApprovalView;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.PreviewRequest;
import io.waymark.platform.template.TemplatePreview;
import io.waymark.platform.template.TemplateView;
import io.waymark.platform.template.VersionView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a request would send and cost: the pinned template version rendered with the token catalog's sample values
 * ({@link MessageTemplates#preview}), its segments per message, segments for the whole audience (per message ×
 * audience size) and the cost at {@code waymark.campaigns.segment-price}. A template that cannot be read (gone, no
 * such version) gives no preview and no estimate rather than an error: the approver sees that it is missing.
 */
record Estimate(String preview, Integer segmentsPerMessage, Long segments, BigDecimal cost) {

  static final Estimate NONE = new Estimate(null, null, null, null);

  static Estimate of(ApprovalView approval, MessageTemplates templates, BigDecimal segmentPrice) {
    Optional<TemplateView> template = templates.find(approval.templateKey());
    Optional<VersionView> version = template.flatMap(t -> approval.templateVersion() == null
        ? Optional.ofNullable(t.approvedVersion()).flatMap(t::version) : t.version(approval.templateVersion()));
    if (version.isEmpty()) {
      return NONE;
    }
    TemplateView t = template.orElseThrow();
    VersionView v = version.get();
    TemplatePreview preview = templates.preview(new PreviewRequest(t.channel(), t.messageClass(), t.brand(),
        v.subject(), v.body(), v.maxSegments(), v.followUp(), Map.of()));
    if (preview.segments() == null) {
      return new Estimate(preview.body(), null, null, null);
    }
    long segments = (long) preview.segments() * approval.audienceSize();
    return new Estimate(preview.body(), preview.segments(), segments,
        segmentPrice.multiply(BigDecimal.valueOf(segments)));
  }

  /** "USD 0.0237", "USD 1,234.56" (four decimals below one dollar, two above). */
  String costText() {
    if (cost == null) {
      return "unknown";
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(cost.compareTo(BigDecimal.ONE) < 0 ? 4 : 2);
    return "USD " + format.format(cost);
  }

  String segmentsText() {
    return segments == null ? "unknown" : NumberFormat.getIntegerInstance(Locale.US).format(segments)
        + " (" + segmentsPerMessage + " per message)";
  }
}
