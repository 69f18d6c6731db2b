/**
 * Short links: {@code {link:<url>}} in an SMS template becomes a short link per recipient ({@code /l/{code}}) with UTM
 * parameters and an expiry; opening it records a click (or a bot's preview) and tells the waiting journey.
 *
 * <ul>
 * <li>Minting: messaging passes {@link io.waymark.platform.link.ShortLinks#minter} (a template
 * {@link io.waymark.platform.template.LinkMinter}) into rendering; the template module knows nothing of this module.
 * One link per (message key, position), 10 base62 characters from {@code SecureRandom}; UTM source=sms, medium=message
 * class, campaign=journey process id, content=variant, never overwriting the URL's own parameters; expiry from the
 * template version's {@code linkExpiryHours} or {@code waymark.links.default-expiry}.</li>
 * <li>Opening: {@link io.waymark.platform.link.ShortLinks#open} records a CLICK in {@code link_click} and publishes
 * {@link io.waymark.platform.link.LinkClicked} in the same transaction (workers publish {@code link-clicked} to the
 * journey), or a PREVIEW for a known link-preview bot ({@code waymark.links.preview-agents}); expired and unknown
 * codes record nothing. {@code LinkController} answers 302, 410 or 404 (a small page without target or recipient).</li>
 * </ul>
 * Tables: {@code short_link}, {@code link_click} (V17). Facade: {@link io.waymark.platform.link.ShortLinks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Short links")
package io.waymark.platform.link;
