package io.waymark.platform.crm.connector;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.crm.salesforce.*}: the connector is enabled when {@code instanceUrl} (the org's My Domain URL) is
 * set, and then needs the connected app's {@code clientId} and {@code clientSecret} for the OAuth 2.0
 * client-credentials flow against {@code tokenUrl} (default {@code <instance-url>/services/oauth2/token}). Tasks are
 * upserted on {@code externalIdField} (a custom Text or Number field marked External ID and Unique on Task) with REST
 * API {@code apiVersion}. {@code timeZone} gives the date of a task's due time ({@code ActivityDate} has no time).
 * {@code webhookSecret} enables {@code /webhooks/salesforce/tasks}.
 */
@ConfigurationProperties("waymark.crm.salesforce")
record SalesforceProperties(
    String instanceUrl,
    String tokenUrl,
    String clientId,
    String clientSecret,
    @DefaultValue("v60.0") String apiVersion,
    @DefaultValue("Waymark_Task_Id__c") String externalIdField,
    String webhookSecret,
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue CrmResilience resilience) {

  private static final Pattern API_VERSION = Pattern.compile("v[0-9]{2,3}\\.[0-9]");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  SalesforceProperties {
    String prefix = "waymark.crm.salesforce.";
    if (Settings.isSet(instanceUrl)) {
      instanceUrl = Settings.httpUrl(instanceUrl, prefix + "instance-url");
      tokenUrl = Settings.isSet(tokenUrl) ? Settings.httpUrl(tokenUrl, prefix + "token-url")
          : instanceUrl + "/services/oauth2/token";
      List<String> missing = new ArrayList<>();
      if (!Settings.isSet(clientId)) {
        missing.add(prefix + "client-id: is required when " + prefix + "instance-url is set");
      }
      if (!Settings.isSet(clientSecret)) {
        missing.add(prefix + "client-secret: is required when " + prefix + "instance-url is set");
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", missing));
      }
      if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
        throw new IllegalArgumentException(prefix + "api-version: '" + apiVersion + "' is not like v60.0");
      }
      if (externalIdField == null || !FIELD.matcher(externalIdField).matches()) {
        throw new IllegalArgumentException(prefix + "external-id-field: '" + externalIdField
            + "' is not a field API name (e.g. Waymark_Task_Id__c)");
      }
      Settings.positive(timeout, prefix + "timeout");
      Settings.positive(connectTimeout, prefix + "connect-timeout");
    } else {
      for (String[] set : new String[][] {{"token-url", tokenUrl}, {"client-id", clientId},
          {"client-secret", clientSecret}, {"webhook-secret", webhookSecret}}) {
        if (Settings.isSet(set[1])) {
          throw new IllegalArgumentException(prefix + "instance-url: is required when " + prefix + set[0]
              + " is set");
        }
      }
    }
    webhookSecret = Settings.isSet(webhookSecret) ? webhookSecret.strip() : null;
    resilience = resilience == null ? CrmResilience.defaults() : resilience;
  }

  boolean enabled() {
    return Settings.isSet(instanceUrl);
  }

  boolean webhooksEnabled() {
    return webhookSecret != null;
  }
}
