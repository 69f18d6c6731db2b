package io.waymark.platform.messaging.provider;

import io.waymark.platform.messaging.provider.SmsProviderException.Kind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** What the HTTP adapters share: a JDK HttpClient with timeouts, and the meaning of an I/O failure. */
public final class HttpClients {

  private HttpClients() {
  }

  public static RestClient restClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(readTimeout);
    return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
  }

  /**
   * A failure to connect never reached the provider: {@link Kind#RETRYABLE}. Anything later (a read timeout, a reset
   * connection) may have left an accepted message behind: {@link Kind#UNCONFIRMED}.
   */
  public static SmsProviderException classify(String provider, ResourceAccessException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
          || cause instanceof UnknownHostException) {
        return new SmsProviderException(Kind.RETRYABLE, provider, null, "not reachable: " + cause, e);
      }
    }
    return new SmsProviderException(Kind.UNCONFIRMED, provider, null, "no answer, the message may have been "
        + "accepted: " + e.getMessage(), e);
  }
}
