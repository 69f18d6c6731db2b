package io.waymark.platform.crm.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * What the CRM adapters share: a JDK HttpClient with connect and read timeouts, JSON, answers read whatever their
 * status, and the meaning of an I/O failure.
 */
final class CrmHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  private CrmHttp() {
  }

  /** An HTTP answer: status and JSON body (an empty object when there was none or it was not JSON). */
  record Answer(int status, JsonNode body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  static RestClient restClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(readTimeout);
    return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
  }

  /** Sends the request and reads the answer, whatever its status; I/O failures are classified for {@code system}. */
  static Answer exchange(String system, String what, boolean write, RestClient.RequestHeadersSpec<?> request) {
    try {
      return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
          read(response.getBody())));
    } catch (ResourceAccessException e) {
      throw unreachable(system, what, write, e);
    }
  }

  private static JsonNode read(InputStream body) throws IOException {
    byte[] bytes = body.readAllBytes();
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException notJson) {
      ObjectNode text = JSON.createObjectNode();
      text.put("message", new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip());
      return text;
    }
  }

  /**
   * A failure to connect never reached the CRM: retry at once. A timeout or reset after a read was sent: retry at
   * once. The same after a write was sent: the write may have happened, so no immediate retry (see
   * {@link CrmUnavailableException#unconfirmed}).
   */
  static CrmUnavailableException unreachable(String system, String what, boolean write, ResourceAccessException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
          || cause instanceof UnknownHostException) {
        return new CrmUnavailableException(system, what + ": not reachable (" + cause + ")", e);
      }
    }
    return write ? CrmUnavailableException.unconfirmed(system, what + ": no answer (" + e.getMessage() + ")", e)
        : new CrmUnavailableException(system, what + ": no answer (" + e.getMessage() + ")", e);
  }
}
