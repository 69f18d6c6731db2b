/**
 * Short links: {@code {link:<url>}} in a template becomes a short link per recipient ({@code /l/{code}}) with UTM
 * parameters and an expiry; opening it records a click (or a bot's preview) and tells the waiting journey.
 * Facade: {@link io.waymark.platform.link.ShortLinks}. Event: {@link io.waymark.platform.link.LinkClicked}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Short links")
package io.waymark.platform.link;
