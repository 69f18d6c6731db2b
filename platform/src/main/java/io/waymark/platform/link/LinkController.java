package io.waymark.platform.link;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /l/{code}}, open to anyone: a click or a preview answers 302 to the target (never cached, so every visit
 * is seen); an expired code answers 410 and an unknown one 404, each with a small page that shows neither the target
 * nor anything about the recipient.
 */
@RestController
class LinkController {

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>%s</title>
      <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
      </head><body><h1>%s</h1><p>%s</p></body></html>
      """;

  private final ShortLinks links;

  LinkController(ShortLinks links) {
    this.links = links;
  }

  @GetMapping("/l/{code}")
  ResponseEntity<String> open(@PathVariable String code,
      @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent) {
    ShortLinks.Visit visit = links.open(code, userAgent);
    return switch (visit.kind()) {
      case CLICK, PREVIEW -> ResponseEntity.status(HttpStatus.FOUND).location(URI.create(visit.target()))
          .cacheControl(CacheControl.noStore()).build();
      case EXPIRED -> page(HttpStatus.GONE, "This link has expired",
          "The offer or page this link pointed to is no longer available through it. "
              + "If you still need it, visit the sender's website or reply to their message.");
      case UNKNOWN -> page(HttpStatus.NOT_FOUND, "Link not found",
          "This link does not exist. Please check that it was copied completely.");
    };
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).body(PAGE.formatted(title, title, text));
  }
}
