package io.waymark.platform.template;

/**
 * Turns the target of a {@code {link:<url>}} into the short URL the recipient gets. Passed into
 * {@link MessageTemplates#render(String, Integer, io.waymark.platform.contact.ContactView, java.util.Map, LinkMinter)}
 * by the sender, who knows the message (its key, contact and journey); implemented by the link module, so that the
 * template module knows nothing of how links are stored.
 */
@FunctionalInterface
public interface LinkMinter {

  /**
   * The length of every short code: previews and the segment checks at save use a sample short URL of this many
   * characters, so the counts they show are those of real messages.
   */
  int CODE_LENGTH = 10;

  /** The path a short URL has after its base URL and before its code. */
  String PATH = "/l/";

  /** For renderings that must not carry links (email): any link fails the rendering. */
  LinkMinter NONE = link -> {
    throw new IllegalStateException("this message cannot carry short links (" + link.target() + ")");
  };

  /** The short URL (absolute) for one link of the message being rendered. */
  String mint(LinkTarget link);

  /**
   * One link of a message being rendered.
   *
   * @param target the URL with every token rendered (absolute http or https, as the checks at save demand)
   * @param position the link's place among the message's links, 0 for the first
   * @param templateKey the template rendered
   * @param templateVersion its version
   * @param messageClass the template's class ({@code promotional}, ...), lower case
   * @param expiryHours the version's link lifetime in hours, or null for the configured default
   */
  record LinkTarget(String target, int position, String templateKey, int templateVersion, String messageClass,
      Integer expiryHours) {
  }
}
