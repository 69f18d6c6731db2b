package io.waymark.platform.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Machine clients authenticate to {@code /api/v1/**} with header {@code X-Api-Key}, one of
 * {@code waymark.api-keys} (comma-separated). With no keys configured the API is open; the profiles meant for
 * production refuse to start without keys.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Api-Key";

  private final List<byte[]> keys;

  ApiKeyFilter(@Value("${waymark.api-keys:}") List<String> keys,
      @Value("${waymark.api-keys-required:false}") boolean required) {
    this.keys = keys.stream().map(String::strip).filter(k -> !k.isEmpty())
        .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    if (required && this.keys.isEmpty()) {
      throw new IllegalStateException("waymark.api-keys is empty: set WAYMARK_API_KEYS to one or more keys "
          + "(comma-separated) for the machine clients of /api/v1");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return keys.isEmpty() || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(HEADER);
    if (presented != null && matches(presented.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"header " + HEADER
        + (presented == null ? " is missing" : " holds an unknown key") + "\"}");
  }

  private boolean matches(byte[] presented) {
    boolean match = false;
    for (byte[] key : keys) {
      match |= MessageDigest.isEqual(key, presented);
    }
    return match;
  }
}
