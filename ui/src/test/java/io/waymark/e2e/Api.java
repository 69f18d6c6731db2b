package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The server's REST API over real HTTP, as a web form, a shop or the sandbox would call it: the fixtures of the
 * browser tests (a lead, a reply, a campaign) enter the way they enter in the embedded default.
 */
final class Api {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ObjectMapper json;
  private final String baseUrl;

  Api(ObjectMapper json, String baseUrl) {
    this.json = json;
    this.baseUrl = baseUrl;
  }

  /** POSTs {@code body} as JSON; fails the test unless the answer is {@code expectedStatus}; the answer's JSON. */
  JsonNode post(String path, String body, int expectedStatus) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
  }

  /** GETs {@code path}; fails the test unless the answer is 200; the answer's JSON. */
  JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), 200);
  }

  private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
    try {
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s answered %s", response.uri(), response.body())
          .isEqualTo(expectedStatus);
      return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("calling " + baseUrl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + baseUrl, e);
    }
  }
}
