package io.waymark.workers.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A contact's bucket (0..99) for a journey's holdout: a hash of the journey and the contact, so a contact stays in
 * or out of a journey's holdout across runs, independently from journey to journey, and uniformly whatever the ids
 * look like. Journeys hold out the runs whose bucket is below their {@code holdoutShare}.
 */
public final class HoldoutBuckets {

  private HoldoutBuckets() {
  }

  public static int bucket(String processId, long contactId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((processId + ":" + contactId).getBytes(StandardCharsets.UTF_8));
      return Math.floorMod(ByteBuffer.wrap(digest).getLong(), 100);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
