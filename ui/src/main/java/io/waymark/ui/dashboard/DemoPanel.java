package io.waymark.ui.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import io.waymark.demo.DemoTraffic;
import io.waymark.demo.DemoTraffic.Progress;

/**
 * "Play demo traffic" for admins in embedded mode: starts {@link DemoTraffic} in the background and shows its progress
 * (polled every second while it runs); when it is done the dashboard is read again.
 */
final class DemoPanel extends HorizontalLayout {

  static final int POLL_MILLIS = 1000;

  final Button play = new Button("Play demo traffic");
  final ProgressBar bar = new ProgressBar();
  final Span status = new Span();
  private final DemoTraffic traffic;
  private final Runnable finished;
  private Registration polling;
  private Progress.State shown = Progress.State.IDLE;

  DemoPanel(DemoTraffic traffic, Runnable finished) {
    this.traffic = traffic;
    this.finished = finished;
    setId("demo-traffic");
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    play.setId("demo-play");
    play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    play.setTooltipText("Sandbox only: new demo contacts enter win-back and lead follow-up, then reply, click and "
        + "buy through the real paths");
    play.addClickListener(e -> start());
    bar.setId("demo-progress");
    bar.setWidth("12rem");
    status.setId("demo-status");
    status.getStyle().set("font-size", "var(--lumo-font-size-s)");
    add(play, bar, status);
    refresh();
  }

  void start() {
    if (!traffic.start()) {
      Notification.show("Demo traffic is playing already");
    }
    refresh();
  }

  /** Shows the run's progress; when a run has just ended, says so and lets the dashboard read again. */
  void refresh() {
    Progress p = traffic.progress();
    boolean running = p.state() == Progress.State.RUNNING;
    play.setEnabled(!running);
    bar.setVisible(running);
    bar.setValue(p.fraction());
    status.setText(switch (p.state()) {
      case IDLE -> "";
      case RUNNING -> p.step() + ": " + p.done() + " of " + p.total();
      case FINISHED -> "Demo traffic played: " + p.summary();
      case FAILED -> "Demo traffic stopped: " + p.summary();
    });
    if (shown == Progress.State.RUNNING && !running) {
      Notification.show(status.getText(), 5000, Notification.Position.BOTTOM_START);
      finished.run();
    }
    shown = p.state();
    getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    UI ui = attach.getUI();
    polling = ui.addPollListener(poll -> refresh());
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (polling != null) {
      polling.remove();
    }
    detach.getUI().setPollInterval(-1);
  }
}
