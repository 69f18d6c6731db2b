package io.waymark.platform.governance;

/** No user by that username. */
public class UnknownUserException extends RuntimeException {

  public UnknownUserException(String username) {
    super("no user '" + username + "'");
  }
}
