package io.waymark.platform.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Event listeners between modules ({@code @ApplicationModuleListener}) run asynchronously after the publishing
 * transaction commits; the event publication registry keeps each one until it completes.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
