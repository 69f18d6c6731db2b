package io.waymark.ui.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The application shell: server push (Vaadin's default, automatic push over a WebSocket, falling back to long
 * polling), so that views can show what happened elsewhere without a page reload, e.g. a new hot lead in a rep's inbox.
 */
@Push
public class AppShell implements AppShellConfigurator {
}
