package io.waymark.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the platform alone for its slice and module tests; the real application lives in {@code ui}. */
@SpringBootApplication
public class PlatformTestApplication {
}
