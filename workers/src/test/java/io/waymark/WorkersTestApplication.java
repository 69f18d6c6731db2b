package io.waymark;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boots the platform and the workers without the UI, for the workers' HTTP and engine tests; the real application
 * lives in {@code ui}. In package {@code io.waymark} so that it finds the platform's entities, repositories and
 * components as the real application does.
 */
@SpringBootApplication
public class WorkersTestApplication {
}
