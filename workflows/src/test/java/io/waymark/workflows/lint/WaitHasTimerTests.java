package io.waymark.workflows.lint;

import static io.waymark.workflows.lint.JourneyLinterTests.findings;
import static io.waymark.workflows.lint.LintFixtures.journey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.zeebe.MessageBuilder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Rule wait-has-timer over the ways a journey can wait. */
class WaitHasTimerTests {

  private static final Consumer<MessageBuilder> REPLY =
      message -> message.name("sms-reply").zeebeCorrelationKeyExpression("contactId");
  private static final Consumer<MessageBuilder> CLICK =
      message -> message.name("link-clicked").zeebeCorrelationKeyExpression("contactId");

  private final JourneyLinter linter = new JourneyLinter(LintFixtures.CATALOG);

  @Test
  void refusesAnEventBasedGatewayWithoutATimerAndOnlyIt() {
    BpmnModelInstance model = journey("lint-gateway").startEvent("StartEvent_Lead")
        .eventBasedGateway("Gateway_Reply")
        .intermediateCatchEvent("Message_Replied").message(REPLY)
        .endEvent("End_Replied")
        .moveToLastGateway()
        .intermediateCatchEvent("Message_Clicked").message(CLICK)
        .endEvent("End_Clicked")
        .done();

    assertThat(findings(linter.lint(model))).containsExactly("ERROR wait-has-timer Gateway_Reply");
  }

  @Test
  void wantsAnInterruptingTimerOnAReceiveTask() {
    BpmnModelInstance bare = journey("lint-receive").startEvent("StartEvent_Lead")
        .receiveTask("Task_AwaitReply").message(REPLY)
        .endEvent("End_Replied").done();
    BpmnModelInstance nonInterrupting = journey("lint-receive-nudge").startEvent("StartEvent_Lead")
        .receiveTask("Task_AwaitReply").message(REPLY)
        .endEvent("End_Replied")
        .moveToActivity("Task_AwaitReply").boundaryEvent("Timer_Nudge").cancelActivity(false).timerWithDuration("P1D")
        .endEvent("End_Nudged").done();
    BpmnModelInstance timed = journey("lint-receive-timed").startEvent("StartEvent_Lead")
        .receiveTask("Task_AwaitReply").message(REPLY)
        .endEvent("End_Replied")
        .moveToActivity("Task_AwaitReply").boundaryEvent("Timer_NoReply").timerWithDuration("P3D")
        .endEvent("End_NoReply").done();

    assertThat(findings(linter.lint(bare))).containsExactly("ERROR wait-has-timer Task_AwaitReply");
    assertThat(findings(linter.lint(nonInterrupting))).containsExactly("ERROR wait-has-timer Task_AwaitReply");
    assertThat(linter.lint(timed).findings()).isEmpty();
  }

  @Test
  void acceptsAWaitInsideASubprocessWithATimerBoundary() {
    BpmnModelInstance model = journey("lint-sub-timer").startEvent("StartEvent_Lead")
        .subProcess("SubProcess_Conversation", sub -> sub.embeddedSubProcess().startEvent("StartEvent_Conversation")
            .intermediateCatchEvent("Message_Replied").message(REPLY)
            .endEvent("End_Replied"))
        .endEvent("End_Done")
        .moveToActivity("SubProcess_Conversation").boundaryEvent("Timer_ConversationOver").timerWithDuration("P7D")
        .endEvent("End_TimedOut")
        .done();

    assertThat(linter.lint(model).findings()).isEmpty();
  }

  @Test
  void acceptsAWaitBoundedByAMaximumDurationStopRule() {
    BpmnModelInstance model = journey("lint-max-duration")
        .eventSubProcess("SubProcess_MaxDuration", stop -> stop.startEvent("StartEvent_MaxDuration").interrupting(true)
            .timerWithDuration("P30D").endEvent("End_Expired"))
        .startEvent("StartEvent_Lead")
        .intermediateCatchEvent("Message_Replied").message(REPLY)
        .endEvent("End_Replied")
        .done();
    BpmnModelInstance notInterrupting = journey("lint-reminder-only")
        .eventSubProcess("SubProcess_Reminder", stop -> stop.startEvent("StartEvent_Reminder").interrupting(false)
            .timerWithDuration("P30D").endEvent("End_Reminded"))
        .startEvent("StartEvent_Lead")
        .intermediateCatchEvent("Message_Replied").message(REPLY)
        .endEvent("End_Replied")
        .done();

    assertThat(linter.lint(model).findings()).isEmpty();
    assertThat(findings(linter.lint(notInterrupting))).containsExactly("ERROR wait-has-timer Message_Replied");
  }
}
