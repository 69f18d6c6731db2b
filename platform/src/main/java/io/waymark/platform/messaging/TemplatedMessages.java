package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.link.MessageLinks;
import io.waymark.platform.link.ShortLinks;
import io.waymark.platform.policy.MessageClass;
import io.waymark.platform.template.Channel;
import io.waymark.platform.template.LinkMinter;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.RenderedMessage;
import io.waymark.platform.template.TemplateRenderException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Journey messages from templates: renders the approved version of a template for the contact and the journey's
 * variables, then sends it once per key through {@link SmsSender} or {@link EmailSender}.
 *
 * <ul>
 * <li>The template's message class is the one the policy judges (the content decides what the message is); a
 * different class named by the journey is logged.</li>
 * <li>A repeated key is never rendered again: the first attempt's text stands, even if the template changed since.</li>
 * <li>A promotional follow-up template without opt-out wording that turns out to be the first message the contact
 * gets from this journey instance has the brand's opt-out text appended.</li>
 * <li>A template that cannot be sent (unknown, no approved version) throws {@code TemplateNotSendableException}: the
 * job fails and, out of retries, waits for ops to approve a version. A value a token needs but the contact or journey
 * lacks is FAILED with reason {@code TEMPLATE_RENDER: ...}: nothing is written, nothing broken is sent.</li>
 * <li>Variables: the journey's variables, plus each entry of {@code attributes} (the trigger event's attributes) at
 * top level where no variable has that name, so {@code {appointment.time}} reads {@code attributes.appointment.time}.</li>
 * <li>Short links ({@code {link:...}}) are minted for the message's key and the contact, with the journey's process
 * id and the {@code variant} variable for their UTM parameters; email carries none.</li>
 * </ul>
 */
@Service
public class TemplatedMessages {

  private static final Logger LOG = LoggerFactory.getLogger(TemplatedMessages.class);

  private final SmsSender sms;
  private final EmailSender email;
  private final MessageTemplates templates;
  private final ContactDirectory contacts;
  private final ShortLinks links;

  TemplatedMessages(SmsSender sms, EmailSender email, MessageTemplates templates, ContactDirectory contacts,
      ShortLinks links) {
    this.sms = sms;
    this.email = email;
    this.templates = templates;
    this.contacts = contacts;
    this.links = links;
  }

  public SmsOutcome sendSms(TemplatedSms request) {
    Map<String, String> answers = PromptAnswers.checked(request.answers());
    if (sms.attempted(request.idempotencyKey())) {
      return sms.send(request.toSmsRequest(null, request.messageClass(), null, answers));
    }
    Optional<ContactView> contact = contacts.find(request.contactId());
    if (contact.isEmpty()) {
      return new SmsOutcome(SmsOutcome.Status.SUPPRESSED, null, null, "UNKNOWN_CONTACT", false);
    }
    RenderedMessage rendered;
    try {
      Map<String, Object> variables = variables(request.variables());
      LinkMinter minter = links.minter(new MessageLinks(request.idempotencyKey(), request.contactId(),
          request.processId(), request.processInstanceKey(),
          variables.get("variant") instanceof String variant && !variant.isBlank() ? variant : null));
      rendered = templates.render(request.templateKey(), request.templateVersion(), contact.get(), variables, minter);
    } catch (TemplateRenderException e) {
      LOG.info("SMS {} not sent: {}", request.idempotencyKey(), e.getMessage());
      return new SmsOutcome(SmsOutcome.Status.FAILED, null, null, "TEMPLATE_RENDER: " + e.getMessage(), false);
    }
    if (rendered.channel() != Channel.SMS) {
      throw new IllegalArgumentException("template '" + request.templateKey() + "' is an " + rendered.channel()
          + " template; send-sms needs an SMS template");
    }
    if (request.messageClass() != null && !request.messageClass().equalsIgnoreCase(rendered.messageClass())) {
      LOG.warn("SMS {}: the journey calls it {}, template {} is {}; the template's class applies",
          request.idempotencyKey(), request.messageClass(), rendered.templateKey(), rendered.messageClass());
    }
    String body = rendered.body();
    if (needsOptOutText(request, rendered)) {
      body = body + " " + templates.optOutText(request.brandOrDefault());
    }
    return sms.send(request.toSmsRequest(body, rendered.messageClass(), rendered.version(), answers));
  }

  public EmailSender.EmailOutcome sendEmail(String idempotencyKey, ContactId contactId, String templateKey,
      Map<String, Object> journeyVariables) {
    ContactView contact = contacts.find(contactId)
        .orElseThrow(() -> new IllegalArgumentException("no contact " + contactId));
    RenderedMessage rendered = templates.render(templateKey, null, contact, variables(journeyVariables));
    if (rendered.channel() != Channel.EMAIL) {
      throw new IllegalArgumentException("template '" + templateKey + "' is an " + rendered.channel()
          + " template; send-email needs an EMAIL template");
    }
    return email.send(idempotencyKey, contactId, rendered.subject(), rendered.body());
  }

  private boolean needsOptOutText(TemplatedSms request, RenderedMessage rendered) {
    return !rendered.optOutWording()
        && MessageClass.parse(rendered.messageClass()) == MessageClass.PROMOTIONAL
        && (request.processInstanceKey() == null
            || !sms.anySentInInstance(request.processInstanceKey(), request.contactId()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> variables(Map<String, Object> journey) {
    Map<String, Object> variables = new LinkedHashMap<>(journey == null ? Map.of() : journey);
    if (variables.get("attributes") instanceof Map<?, ?> attributes) {
      ((Map<String, Object>) attributes).forEach(variables::putIfAbsent);
    }
    return variables;
  }

  /**
   * An SMS from a template for one journey step: {@code idempotencyKey} as for {@link SmsRequest};
   * {@code messageClass} as the journey names it (may be null; the template's applies); {@code variables} the
   * journey's; {@code answers} the answer keys of the question the message asks, each with the reply class it
   * stands for ({@code "1" -> "HOT"}; null or empty: it asks none); {@code templateVersion} the version to send, which
   * must still be the approved one (a campaign pins what its approver saw), or null for whichever is approved now;
   * {@code processId} the journey's BPMN process id (the {@code utm_campaign} of its short links), null outside
   * journeys.
   */
  public record TemplatedSms(String idempotencyKey, ContactId contactId, String templateKey, String topic,
      String messageClass, String brand, Map<String, Object> variables, Long processInstanceKey, String elementId,
      Instant notAfter, Map<String, ?> answers, Integer templateVersion, String processId) {

    public TemplatedSms(String idempotencyKey, ContactId contactId, String templateKey, String topic,
        String messageClass, String brand, Map<String, Object> variables, Long processInstanceKey, String elementId,
        Instant notAfter, Map<String, ?> answers, Integer templateVersion) {
      this(idempotencyKey, contactId, templateKey, topic, messageClass, brand, variables, processInstanceKey,
          elementId, notAfter, answers, templateVersion, null);
    }

    public TemplatedSms(String idempotencyKey, ContactId contactId, String templateKey, String topic,
        String messageClass, String brand, Map<String, Object> variables, Long processInstanceKey, String elementId,
        Instant notAfter, Map<String, ?> answers) {
      this(idempotencyKey, contactId, templateKey, topic, messageClass, brand, variables, processInstanceKey,
          elementId, notAfter, answers, null);
    }

    public TemplatedSms(String idempotencyKey, ContactId contactId, String templateKey, String topic,
        String messageClass, String brand, Map<String, Object> variables, Long processInstanceKey, String elementId,
        Instant notAfter) {
      this(idempotencyKey, contactId, templateKey, topic, messageClass, brand, variables, processInstanceKey,
          elementId, notAfter, null, null);
    }

    String brandOrDefault() {
      return brand == null || brand.isBlank() ? MessageTemplates.DEFAULT_BRAND : brand;
    }

    SmsRequest toSmsRequest(String body, String renderedClass, Integer version, Map<String, String> checked) {
      return new SmsRequest(idempotencyKey, contactId, topic, renderedClass, body, processInstanceKey, elementId,
          notAfter, brand, templateKey, version, checked);
    }
  }
}
