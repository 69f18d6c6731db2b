package io.waymark.platform.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;

/** An owner rule of the current routing document, at its position. */
@Entity
@Table(name = "crm_routing_rule")
class CrmRule {

  @Id
  private int position;
  private String name;
  private String kind;
  private String teamId;
  private String region;
  private String productLine;
  private String language;
  private String tag;

  protected CrmRule() {
  }

  CrmRule(RoutingDocument.Rule rule, int position) {
    this.position = position;
    this.name = rule.name();
    this.kind = rule.kind();
    this.teamId = rule.team();
    this.region = rule.region();
    this.productLine = rule.productLine();
    this.language = rule.language();
    this.tag = rule.tag();
  }

  String name() {
    return name;
  }

  boolean isAccountOwner() {
    return "ACCOUNT_OWNER".equals(kind);
  }

  String teamId() {
    return teamId;
  }

  /** Why the rule does not apply to the lead, or null when every criterion it names matches. */
  String mismatch(LeadFacts lead) {
    if (region != null && !region.equalsIgnoreCase(lead.region()) && !region.equalsIgnoreCase(lead.country())) {
      return "region " + lead.region() + " / country " + lead.country() + " is not " + region;
    }
    if (productLine != null && !productLine.equalsIgnoreCase(lead.productLine())) {
      return "product line " + lead.productLine() + " is not " + productLine;
    }
    if (language != null && !language.equals(lead.language())) {
      return "language " + lead.language() + " is not " + language;
    }
    if (tag != null && lead.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
      return "tags " + lead.tags() + " lack " + tag;
    }
    return null;
  }

  RoutingDocument.Rule toDocument() {
    return new RoutingDocument.Rule(name, kind, teamId, region, productLine, language, tag);
  }

  /**
   * What routing knows of a lead: the contact's owner, region (as stored: a state for North American numbers) and
   * country (of the number, ISO 3166), the ISO 639 language of its locale, the product line and the task's tags.
   */
  record LeadFacts(String accountOwner, String region, String country, String language, String productLine,
      List<String> tags) {

    static String languageOf(String locale) {
      return locale == null || locale.isBlank() ? null
          : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage().toLowerCase(Locale.ROOT);
    }
  }
}
