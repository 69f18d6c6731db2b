package io.waymark.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.waymark.workflows.lint.JourneyLinter;
import io.waymark.workflows.lint.LintReport;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every bundled journey parses, validates, names its metadata, passes the journey linter (warnings allowed), uses only
 * job types a worker serves and bounds every wait by a timer. A journey about one contact checks consent right before
 * every send and stops when the contact opts out; an audience journey (campaign-send) resolves its audience before it
 * sends in batches, never holds contact ids in variables, and stops when its campaign is cancelled. The journey
 * library (every journey about one contact; see JOURNEYS.md) also sends templates only, with a send window, stops on
 * every rule through an interrupting event subprocess, records only the outcomes it declares and, where promotional,
 * has a holdout or says why not; campaign-send too declares its outcomes and why it has no holdout. A sub-journey
 * (hot-lead-handoff) declares what it takes and returns, records nothing, sets its result at every end, and its
 * callers call it as the linter asks (static process id, no variables copied back but the mapped outputs).
 */
class BundledJourneysTests {

  static final List<String> BUNDLED = Journeys.BUNDLED;

  /** Sub-journeys: called by journeys, never started on their own. */
  static final List<String> SUB_JOURNEYS = Journeys.SUB_JOURNEYS;

  /** Every bundled journey, sub-journeys aside. */
  static final List<String> JOURNEYS = BUNDLED.stream().filter(id -> !SUB_JOURNEYS.contains(id)).toList();

  /** Journeys that act on a resolved audience, never on one contact. */
  static final List<String> AUDIENCE_JOURNEYS = List.of(Journeys.CAMPAIGN_SEND);

  /** Journeys about one contact: every bundled journey but the audience journeys. */
  static final List<String> CONTACT_JOURNEYS = JOURNEYS.stream().filter(id -> !AUDIENCE_JOURNEYS.contains(id)).toList();

  /** Journeys about one contact that text nobody: they hand the contact to a person. */
  static final List<String> SILENT_JOURNEYS = List.of(Journeys.BUYER_INTENT);

  /** Journeys about one contact that text the contact. */
  static final List<String> TEXTING_JOURNEYS = CONTACT_JOURNEYS.stream().filter(id -> !SILENT_JOURNEYS.contains(id))
      .toList();

  static final List<String> LIBRARY = List.of(Journeys.LEAD_FOLLOW_UP, Journeys.BUYER_INTENT,
      Journeys.APPOINTMENT_REMINDER, Journeys.CART_RECOVERY, Journeys.WIN_BACK, Journeys.SHIPPING_UPDATE);

  /** The library's journeys that text the contact. */
  static final List<String> TEXTING_LIBRARY = LIBRARY.stream().filter(TEXTING_JOURNEYS::contains).toList();

  /** The journeys that hand hot leads to sales through hot-lead-handoff. */
  static final List<String> HOT_LEAD_CALLERS = List.of(Journeys.LEAD_FOLLOW_UP, Journeys.BUYER_INTENT);

  /** The library and campaign-send: they declare their outcomes and their holdout (or why not) as properties. */
  static final List<String> LIBRARY_AND_CAMPAIGN = java.util.stream.Stream.concat(LIBRARY.stream(),
      AUDIENCE_JOURNEYS.stream()).toList();

  /** The template keys agreed with the template catalog (bundled templates, feature/templates). */
  static final Set<String> AGREED_TEMPLATE_KEYS = Set.of("lead-follow-up.qualifying-question",
      "lead-follow-up.nurture-follow-up", "appointment-reminder.reminder-24h",
      "appointment-reminder.reminder-2h", "cart-recovery.first-nudge", "cart-recovery.second-nudge-with-code",
      "win-back.first", "win-back.second", "shipping-update.shipped", "shipping-update.out-for-delivery",
      "shipping-update.delivered");

  private static BpmnModelInstance read(String processId) throws Exception {
    try (InputStream in = BundledJourneysTests.class.getClassLoader()
        .getResourceAsStream(Journeys.resource(processId))) {
      assertThat(in).as("bpmn/%s.bpmn on the classpath", processId).isNotNull();
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return model;
    }
  }

  @ParameterizedTest
  @FieldSource("JOURNEYS")
  void declaresItsJourneyMetadataOnTheProcess(String processId) throws Exception {
    Process process = read(processId).getModelElementById(processId);
    assertThat(process).as("process with id %s", processId).isNotNull();
    assertThat(process.isExecutable()).isTrue();
    Map<String, String> properties = properties(read(processId), processId);
    assertThat(properties).containsKeys("goal", "trigger", "stopRules", "fallback", "messageClass", "topic");
    assertThat(properties.get("messageClass")).isIn("transactional", "alert", "promotional");
  }

  private static Map<String, String> properties(BpmnModelInstance model, String processId) {
    Process process = model.getModelElementById(processId);
    return process.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.ExtensionElements.class).stream()
        .flatMap(e -> e.getElementsQuery().filterByType(
            io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class).list().stream())
        .flatMap(p -> p.getProperties().stream())
        .collect(Collectors.toMap(ZeebeProperty::getName, ZeebeProperty::getValue));
  }

  private static String jobType(ServiceTask task) {
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    return definition == null ? null : definition.getType();
  }

  private static List<ServiceTask> tasksOfType(BpmnModelInstance model, String jobType) {
    return model.getModelElementsByType(ServiceTask.class).stream().filter(t -> jobType.equals(jobType(t))).toList();
  }

  /** The task's input mappings, target to source. */
  private static Map<String, String> inputs(ServiceTask task) {
    ZeebeIoMapping mapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
    return mapping == null ? Map.of() : mapping.getInputs().stream()
        .collect(Collectors.toMap(ZeebeInput::getTarget, ZeebeInput::getSource));
  }

  private static <T extends EventDefinition> List<T> definitions(FlowNode event, Class<T> type) {
    return event.getChildElementsByType(type).stream().toList();
  }

  @ParameterizedTest
  @FieldSource("TEXTING_JOURNEYS")
  void checksConsentRightBeforeEverySend(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    assertThat(tasksOfType(model, JobTypes.SEND_SMS)).isNotEmpty().allSatisfy(send -> {
      assertThat(send.getIncoming()).as("%s has one way in", send.getId()).hasSize(1);
      SequenceFlow in = send.getIncoming().iterator().next();
      assertThat(in.getSource()).as("%s follows a decision gateway", send.getId()).isInstanceOf(ExclusiveGateway.class);
      assertThat(in.getConditionExpression().getTextContent().strip()).isEqualTo("=decision = \"SEND\"");
      Collection<SequenceFlow> intoDecision = in.getSource().getIncoming();
      assertThat(intoDecision).as("%s: the decision has one way in", send.getId()).hasSize(1);
      FlowNode check = intoDecision.iterator().next().getSource();
      assertThat(check).isInstanceOf(ServiceTask.class);
      assertThat(jobType((ServiceTask) check)).as("%s comes right after a consent check", send.getId())
          .isEqualTo(JobTypes.CHECK_CONSENT);
      assertThat(inputs(send)).as("%s asks about what %s checked", send.getId(), check.getId())
          .containsEntry("topic", inputs((ServiceTask) check).get("topic"))
          .containsEntry("messageClass", inputs((ServiceTask) check).get("messageClass"));
    });
  }

  @ParameterizedTest
  @FieldSource("TEXTING_JOURNEYS")
  void sendsOnTheTopicAndMessageClassItDeclares(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    Map<String, String> properties = properties(model, processId);
    assertThat(model.getModelElementsByType(ServiceTask.class)).filteredOn(
            t -> Set.of(JobTypes.CHECK_CONSENT, JobTypes.SEND_SMS).contains(jobType(t)))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(inputs(t)).as(t.getId()).containsEntry("topic", properties.get("topic"))
            .containsEntry("messageClass", properties.get("messageClass")));
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void boundsEveryWaitByATimer(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    assertThat(model.getModelElementsByType(ReceiveTask.class)).isEmpty();
    assertThat(model.getModelElementsByType(EventBasedGateway.class)).allSatisfy(gateway ->
        assertThat(gateway.getSucceedingNodes().list()).as("%s waits on a timer too", gateway.getId())
            .anySatisfy(event -> assertThat(definitions(event, TimerEventDefinition.class)).isNotEmpty()));
    assertThat(model.getModelElementsByType(IntermediateCatchEvent.class))
        .filteredOn(event -> !definitions(event, MessageEventDefinition.class).isEmpty())
        .allSatisfy(event -> assertThat(event.getPreviousNodes().list()).as("%s waits beside a timer", event.getId())
            .allSatisfy(previous -> assertThat(previous).isInstanceOf(EventBasedGateway.class)));
  }

  /** bpmnlint's no-gateway-join-fork (an error in Camunda's compatibility linting): a loop back joins first. */
  @ParameterizedTest
  @FieldSource("BUNDLED")
  void neverJoinsAndForksInOneGateway(String processId) throws Exception {
    assertThat(read(processId).getModelElementsByType(Gateway.class)).allSatisfy(gateway ->
        assertThat(gateway.getIncoming().size() > 1 && gateway.getOutgoing().size() > 1)
            .as("%s joins and forks", gateway.getId()).isFalse());
  }

  @ParameterizedTest
  @FieldSource("SILENT_JOURNEYS")
  void textsAndEmailsNobody(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    for (String type : List.of(JobTypes.CHECK_CONSENT, JobTypes.SEND_SMS, JobTypes.SEND_EMAIL, JobTypes.SEND_BATCH)) {
      assertThat(tasksOfType(model, type)).as("%s tasks", type).isEmpty();
    }
  }

  @ParameterizedTest
  @FieldSource("JOURNEYS")
  void recordsAnOutcomeBeforeEveryEnd(String processId) throws Exception {
    assertThat(read(processId).getModelElementsByType(EndEvent.class)).allSatisfy(end ->
        assertThat(end.getPreviousNodes().list()).as(end.getId()).singleElement()
            .satisfies(last -> assertThat(jobType((ServiceTask) last)).isEqualTo(JobTypes.RECORD_OUTCOME)));
  }

  /** The interrupting event subprocesses' start events. */
  private static List<StartEvent> stopRules(BpmnModelInstance model) {
    return model.getModelElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> sub.getChildElementsByType(StartEvent.class).stream())
        .filter(StartEvent::isInterrupting).toList();
  }

  @ParameterizedTest
  @FieldSource("CONTACT_JOURNEYS")
  void stopsAtOnceWhenTheContactOptsOut(String processId) throws Exception {
    assertThat(stopRules(read(processId))).anySatisfy(start ->
        assertThat(definitions(start, MessageEventDefinition.class)).singleElement().satisfies(definition -> {
          assertThat(definition.getMessage().getName()).isEqualTo(Messages.CONTACT_OPTED_OUT);
          assertThat(definition.getMessage().getSingleExtensionElement(ZeebeSubscription.class).getCorrelationKey())
              .isEqualTo("=journeyRunId");
        }));
  }

  @ParameterizedTest
  @FieldSource("LIBRARY")
  void stopsOnEveryRuleThroughAnInterruptingEventSubprocess(String processId) throws Exception {
    List<StartEvent> rules = stopRules(read(processId));
    if (TEXTING_JOURNEYS.contains(processId)) {
      assertThat(rules).as("message cap: a send refused at sending").anySatisfy(start ->
          assertThat(definitions(start, ErrorEventDefinition.class)).singleElement()
              .satisfies(d -> assertThat(d.getError().getErrorCode()).isEqualTo("SEND_SUPPRESSED")));
    }
    assertThat(rules).as("maximum duration").anySatisfy(start ->
        assertThat(definitions(start, TimerEventDefinition.class)).hasSize(1));
    assertThat(read(processId).getModelElementsByType(SubProcess.class)).allSatisfy(sub -> {
      assertThat(sub.triggeredByEvent()).as("%s is an event subprocess", sub.getId()).isTrue();
      assertThat(sub.getChildElementsByType(StartEvent.class)).singleElement()
          .satisfies(start -> assertThat(start.isInterrupting()).as(start.getId()).isTrue());
    });
    if (properties(read(processId), processId).get("stopRules").contains("conversion")) {
      assertThat(rules).as("goal reached").anySatisfy(start ->
          assertThat(definitions(start, MessageEventDefinition.class)).singleElement()
              .satisfies(d -> assertThat(d.getMessage().getName()).isEqualTo(Messages.CONVERSION)));
    }
  }

  @ParameterizedTest
  @FieldSource("TEXTING_LIBRARY")
  void sendsAgreedTemplatesWithASendWindow(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    assertThat(tasksOfType(model, JobTypes.SEND_SMS)).isNotEmpty().allSatisfy(send -> {
      assertThat(inputs(send)).as(send.getId()).doesNotContainKeys("body", "subject").containsKey("sendNotAfter");
      assertThat(inputs(send).get("templateId")).as(send.getId()).isIn(AGREED_TEMPLATE_KEYS).startsWith(processId + ".");
      ServiceTask check = (ServiceTask) send.getIncoming().iterator().next().getSource().getIncoming().iterator().next()
          .getSource();
      assertThat(inputs(check)).as("%s checks with the send's window", check.getId())
          .containsEntry("sendNotAfter", inputs(send).get("sendNotAfter"));
    });
  }

  /**
   * A date-time that a mapping computes reaches workers and timers as a string written by FEEL's {@code string()}:
   * Zeebe 8.6 (the embedded broker) writes a date-time value on a whole minute without its seconds ("10:00Z"),
   * which {@code Instant.parse} in the workers refuses; the in-memory test engine (8.8) writes them, so only this
   * rule catches it.
   */
  @ParameterizedTest
  @FieldSource("TEXTING_LIBRARY")
  void writesComputedInstantsAsStrings(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    List<String> sources = new java.util.ArrayList<>();
    model.getModelElementsByType(ZeebeIoMapping.class).forEach(mapping -> {
      mapping.getInputs().forEach(input -> sources.add(input.getSource()));
      mapping.getOutputs().forEach(output -> sources.add(output.getSource()));
    });
    assertThat(sources).filteredOn(source -> source.contains("date and time(") || source.contains("now()"))
        .isNotEmpty()
        .allSatisfy(source -> assertThat(source).contains("string(date and time("));
  }

  @ParameterizedTest
  @FieldSource("LIBRARY_AND_CAMPAIGN")
  void recordsExactlyTheOutcomesItDeclares(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    Set<String> declared = Arrays.stream(properties(model, processId).get("outcomes").split(","))
        .map(String::strip).collect(Collectors.toSet());
    Set<String> recorded = tasksOfType(model, JobTypes.RECORD_OUTCOME).stream()
        .flatMap(t -> recordable(model, inputs(t).get("outcome")).stream()).collect(Collectors.toSet());
    assertThat(recorded).isEqualTo(declared);
  }

  /**
   * The outcomes a record-outcome input stands for: itself when static; for {@code =name}, where {@code name} is the
   * output of a call activity, the values the called sub-journey declares in its property of that name.
   */
  private static Set<String> recordable(BpmnModelInstance model, String source) {
    if (!source.startsWith("=")) {
      return Set.of(source);
    }
    String variable = source.substring(1).strip();
    CallActivity call = model.getModelElementsByType(CallActivity.class).stream()
        .filter(c -> c.getSingleExtensionElement(ZeebeIoMapping.class).getOutputs().stream()
            .anyMatch(o -> o.getTarget().equals(variable)))
        .findFirst().orElseThrow(() -> new AssertionError("no call activity returns " + variable));
    String called = call.getSingleExtensionElement(ZeebeCalledElement.class).getProcessId();
    try {
      String values = properties(read(called), called).get(variable);
      assertThat(values).as("sub-journey %s declares the values of %s", called, variable).isNotBlank();
      return Arrays.stream(values.split(",")).map(String::strip).collect(Collectors.toSet());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @FieldSource("AUDIENCE_JOURNEYS")
  void resolvesTheAudienceAndSendsItInNumberedBatches(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    assertThat(tasksOfType(model, JobTypes.SEND_SMS)).isEmpty();
    assertThat(tasksOfType(model, JobTypes.CHECK_CONSENT)).isEmpty();
    assertThat(tasksOfType(model, JobTypes.RESOLVE_AUDIENCE)).singleElement().satisfies(resolve -> {
      ZeebeIoMapping mapping = resolve.getSingleExtensionElement(ZeebeIoMapping.class);
      assertThat(mapping.getOutputs()).extracting(o -> o.getTarget())
          .containsExactlyInAnyOrder("audienceSize", "batchCount", "approvalRequired", "batchNumbers");
      assertThat(mapping.getOutputs()).filteredOn(o -> o.getTarget().equals("batchNumbers")).singleElement()
          .satisfies(o -> assertThat(o.getSource()).as("batch numbers come from the count, never from contacts")
              .contains("for i in 1..batchCount return i"));
    });
    assertThat(tasksOfType(model, JobTypes.SEND_BATCH)).isNotEmpty().allSatisfy(send -> {
      var loop = (io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics)
          send.getLoopCharacteristics();
      assertThat(loop).as("%s is a multi-instance task", send.getId()).isNotNull();
      assertThat(loop.isSequential()).as("%s sends one batch at a time", send.getId()).isTrue();
      var characteristics = loop.getSingleExtensionElement(
          io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics.class);
      assertThat(characteristics.getInputCollection()).isEqualTo("=batchNumbers");
      assertThat(characteristics.getInputElement()).isEqualTo("batchNumber");
      assertThat(inputs(send)).containsKeys("campaignRunId", "batchNumber")
          .doesNotContainKeys("templateId", "body", "topic");
    });
  }

  @ParameterizedTest
  @FieldSource("AUDIENCE_JOURNEYS")
  void stopsWhenTheCampaignIsCancelledOrRunsTooLong(String processId) throws Exception {
    List<StartEvent> rules = stopRules(read(processId));
    assertThat(rules).as("campaign cancelled").anySatisfy(start ->
        assertThat(definitions(start, MessageEventDefinition.class)).singleElement().satisfies(definition -> {
          assertThat(definition.getMessage().getName()).isEqualTo(Messages.CAMPAIGN_CANCELLED);
          assertThat(definition.getMessage().getSingleExtensionElement(ZeebeSubscription.class).getCorrelationKey())
              .isEqualTo("=campaignRunId");
        }));
    assertThat(rules).as("maximum duration").anySatisfy(start ->
        assertThat(definitions(start, TimerEventDefinition.class)).singleElement()
            .satisfies(timer -> assertThat(timer.getTimeDuration().getTextContent()).isEqualTo("=maxDuration")));
  }

  @ParameterizedTest
  @FieldSource("AUDIENCE_JOURNEYS")
  void waitsForTheApprovalDecisionUntilTheRequestExpires(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    assertThat(tasksOfType(model, JobTypes.REQUEST_APPROVAL)).singleElement().satisfies(request -> {
      FlowNode next = request.getOutgoing().iterator().next().getTarget();
      assertThat(next).isInstanceOf(EventBasedGateway.class);
      assertThat(next.getSucceedingNodes().list()).anySatisfy(event ->
          assertThat(definitions(event, MessageEventDefinition.class)).singleElement().satisfies(d -> {
            assertThat(d.getMessage().getName()).isEqualTo(Messages.APPROVAL_DECIDED);
            assertThat(d.getMessage().getSingleExtensionElement(ZeebeSubscription.class).getCorrelationKey())
                .isEqualTo("=approvalId");
          }));
      assertThat(next.getSucceedingNodes().list()).anySatisfy(event ->
          assertThat(definitions(event, TimerEventDefinition.class)).singleElement()
              .satisfies(timer -> assertThat(timer.getTimeDate().getTextContent()).isEqualTo("=approvalExpiresAt")));
    });
  }

  @ParameterizedTest
  @FieldSource("LIBRARY_AND_CAMPAIGN")
  void hasAHoldoutOrSaysWhyNotWhenPromotional(String processId) throws Exception {
    Map<String, String> properties = properties(read(processId), processId);
    if (properties.get("messageClass").equals("promotional")) {
      assertThat(properties.keySet()).as("a promotional journey has a holdoutShare or a holdoutWaiver")
          .containsAnyOf("holdoutShare", "holdoutWaiver");
      if (properties.containsKey("holdoutShare")) {
        assertThat(Integer.parseInt(properties.get("holdoutShare"))).isBetween(1, 50);
      } else {
        assertThat(properties.get("holdoutWaiver")).hasSizeGreaterThan(40);
      }
    }
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void passesTheJourneyLinter(String processId) throws Exception {
    byte[] bpmn;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(Journeys.resource(processId))) {
      bpmn = in.readAllBytes();
    }
    LintReport report = new JourneyLinter((templateKey, channel) -> true).lint(bpmn);

    assertThat(report.errors()).as("lint errors of %s", processId).isEmpty();
    assertThat(report.warnings()).as("lint warnings of %s", processId)
        .allSatisfy(warning -> assertThat(warning.rule()).isEqualTo("holdout"));
    assertThat(report.processes()).containsOnlyKeys(processId);
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void usesOnlyJobTypesAWorkerServes(String processId) throws Exception {
    assertThat(read(processId).getModelElementsByType(ZeebeTaskDefinition.class))
        .isNotEmpty()
        .allSatisfy(task -> assertThat(JobTypes.ALL).contains(task.getType()));
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void namesEveryFlowNodeMeaningfully(String processId) throws Exception {
    assertThat(read(processId).getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.FlowNode.class))
        .extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(id)
            .matches("(StartEvent|SubProcess|CallActivity|Task|Gateway|Timer|Message|Error|End)_[A-Z][A-Za-z0-9]+"));
    assertThat(read(processId).getModelElementsByType(SequenceFlow.class)).extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(id).matches("Flow_[A-Z][A-Za-z0-9]+"));
  }

  @ParameterizedTest
  @FieldSource("SUB_JOURNEYS")
  void declaresWhatItTakesAndReturnsAndNoTrigger(String processId) throws Exception {
    Process process = read(processId).getModelElementById(processId);
    assertThat(process.isExecutable()).isTrue();
    Map<String, String> properties = properties(read(processId), processId);
    assertThat(properties).containsEntry("kind", Journeys.KIND_SUB_JOURNEY).containsKeys("goal", "inputs", "outputs")
        .doesNotContainKeys("trigger", "stopRules", "outcomes", "holdoutShare", "holdoutWaiver", "maxDuration");
    assertThat(process.getChildElementsByType(StartEvent.class)).singleElement()
        .satisfies(start -> assertThat(start.getEventDefinitions()).as("a plain start event").isEmpty());
    assertThat(tasksOfType(read(processId), JobTypes.RECORD_OUTCOME)).as("the caller records the outcome").isEmpty();
    assertThat(read(processId).getModelElementsByType(SubProcess.class)).as("no stop rules of its own").isEmpty();
  }

  /** Every end of the hand-off is reached through a catch event that sets leadOutcome to a declared value. */
  @Test
  void setsADeclaredLeadOutcomeAtEveryEndOfTheHandOff() throws Exception {
    BpmnModelInstance model = read(Journeys.HOT_LEAD_HANDOFF);
    Set<String> declared = Arrays.stream(properties(model, Journeys.HOT_LEAD_HANDOFF).get("leadOutcome").split(","))
        .map(String::strip).collect(Collectors.toSet());
    assertThat(declared).containsExactlyInAnyOrder("ACCEPTED", "ACCEPTED_AFTER_ESCALATION", "UNACCEPTED");
    Set<String> set = new java.util.HashSet<>();
    assertThat(model.getModelElementsByType(EndEvent.class)).hasSize(4).allSatisfy(end ->
        assertThat(end.getPreviousNodes().list()).as(end.getId()).singleElement().satisfies(last -> {
          Map<String, String> outputs = last.getSingleExtensionElement(ZeebeIoMapping.class).getOutputs().stream()
              .collect(Collectors.toMap(ZeebeOutput::getTarget, ZeebeOutput::getSource));
          assertThat(outputs).containsKeys("leadOutcome", "acceptedBy");
          String value = outputs.get("leadOutcome").replaceAll("^=\"|\"$", "");
          assertThat(value).isIn(declared);
          set.add(value);
        }));
    assertThat(set).isEqualTo(declared);
  }

  /** Waits for acceptance keyed by the task, until the SLA deadline the workers computed; escalates twice at most. */
  @Test
  void waitsForAcceptanceOfTheTaskUntilItsSlaAndEscalatesTwice() throws Exception {
    BpmnModelInstance model = read(Journeys.HOT_LEAD_HANDOFF);
    assertThat(tasksOfType(model, JobTypes.CREATE_CRM_TASK)).singleElement()
        .satisfies(task -> assertThat(inputs(task)).containsEntry("leadSignal", "=leadSignal").doesNotContainKey("sla"));
    assertThat(tasksOfType(model, JobTypes.ESCALATE_LEAD)).extracting(BaseElement::getId)
        .containsExactly("Task_EscalateToNextRep", "Task_EscalateToTeamLead");
    assertThat(tasksOfType(model, JobTypes.ESCALATE_LEAD)).allSatisfy(task -> assertThat(inputs(task)).isEmpty());
    assertThat(model.getModelElementsByType(EventBasedGateway.class)).hasSize(3).allSatisfy(gateway -> {
      assertThat(gateway.getSucceedingNodes().list()).anySatisfy(event ->
          assertThat(definitions(event, MessageEventDefinition.class)).singleElement().satisfies(d -> {
            assertThat(d.getMessage().getName()).isEqualTo(Messages.LEAD_ACCEPTED);
            assertThat(d.getMessage().getSingleExtensionElement(ZeebeSubscription.class).getCorrelationKey())
                .isEqualTo("=crmTaskId");
          }));
      assertThat(gateway.getSucceedingNodes().list()).anySatisfy(event ->
          assertThat(definitions(event, TimerEventDefinition.class)).singleElement()
              .satisfies(timer -> assertThat(timer.getTimeDate().getTextContent()).isEqualTo("=slaDueAt")));
    });
  }

  @ParameterizedTest
  @FieldSource("HOT_LEAD_CALLERS")
  void handsHotLeadsToSalesThroughTheSubJourney(String processId) throws Exception {
    BpmnModelInstance model = read(processId);
    assertThat(model.getModelElementsByType(CallActivity.class)).singleElement().satisfies(call -> {
      assertThat(call.getName()).isEqualTo("Hand the hot lead to sales");
      ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
      assertThat(called.getProcessId()).isEqualTo(Journeys.HOT_LEAD_HANDOFF);
      assertThat(called.isPropagateAllChildVariablesEnabled()).isFalse();
      ZeebeIoMapping mapping = call.getSingleExtensionElement(ZeebeIoMapping.class);
      assertThat(mapping.getInputs()).singleElement().satisfies(input -> {
        assertThat(input.getTarget()).isEqualTo("leadSignal");
        assertThat(input.getSource()).matches("=(if .* then )?\\{type: \".*").contains("text: ");
      });
      assertThat(mapping.getOutputs()).extracting(ZeebeOutput::getTarget, ZeebeOutput::getSource).containsExactly(
          org.assertj.core.groups.Tuple.tuple("leadOutcome", "=leadOutcome"),
          org.assertj.core.groups.Tuple.tuple("crmTaskId", "=crmTaskId"),
          org.assertj.core.groups.Tuple.tuple("ownerId", "=ownerId"),
          org.assertj.core.groups.Tuple.tuple("acceptedBy", "=acceptedBy"));
      assertThat(call.getSucceedingNodes().list()).singleElement().satisfies(next ->
          assertThat(jobType((ServiceTask) next)).isEqualTo(JobTypes.RECORD_OUTCOME));
    });
  }

  /** Every HOT answer of lead-follow-up (the question, during the nurture wait, the follow-up) goes to the hand-off. */
  @Test
  void handsEveryHotAnswerOfTheLeadToSales() throws Exception {
    BpmnModelInstance model = read(Journeys.LEAD_FOLLOW_UP);
    List<SequenceFlow> hot = model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> flow.getConditionExpression() != null
            && flow.getConditionExpression().getTextContent().strip().equals("=replyClass = \"HOT\""))
        .toList();
    assertThat(hot).hasSize(3).allSatisfy(flow ->
        assertThat(flow.getTarget().getId()).isEqualTo("CallActivity_HandHotLeadToSales"));
    FlowNode record = model.<CallActivity>getModelElementById("CallActivity_HandHotLeadToSales").getSucceedingNodes()
        .singleResult();
    assertThat(inputs((ServiceTask) record)).containsEntry("outcome", "HOT_LEAD");
    assertThat(record.getSucceedingNodes().singleResult().getId()).isEqualTo("End_HotLead");
  }
}
