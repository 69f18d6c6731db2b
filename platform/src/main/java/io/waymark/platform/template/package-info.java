/**
 * Message templates: versioned SMS and email texts with personalization tokens, GSM-7/UCS-2 segment counting and the
 * compliance rules a template must meet before it can be sent. {@link io.waymark.platform.template.MessageTemplates}
 * is the facade; {@link io.waymark.platform.template.SmsEncoding} counts characters, encoding and segments (pure).
 *
 * <p>Choices made here:
 * <ul>
 * <li>Versions: a template's key, channel, message class and brand are fixed; its versions carry the content. A new
 * version is a DRAFT numbered one above the highest; only a draft changes. Approving re-checks the draft and retires
 * the version approved before it (by the approver, at the same moment); retiring a draft discards it, retiring the
 * approved version leaves nothing to send. Every change locks the template row (the changes queue up), and a unique
 * key on (template, approved marker) lets the database hold at most one approved version per template.</li>
 * <li>Tokens: {@code {name}} or {@code {name|fallback}}, {@code {{} and {@code }}} for literal braces; dotted names
 * read the flat variable key first, then nested maps. Which tokens exist, whether each is always passed (required) or
 * may be missing (optional, so a fallback is mandatory), its format and a sample value are data:
 * {@code template/tokens.tsv}. Contact tokens ({@code firstName}, {@code lastName}, {@code email},
 * {@code attributes.<name>}) come from the contact, else from a journey variable of that name; {@code brand.name} from
 * a variable, else from {@code waymark.templates.brands.<brand>.name}. The phone number is deliberately no token.</li>
 * <li>Values: null, blank, "null", "undefined", maps and lists count as missing; whitespace runs become one space;
 * braces become parentheses; dates and datetimes are written in the contact's locale (default en-US), datetimes in the
 * contact's zone, else in the value's own offset, else UTC marked "UTC". In SMS, values (not the author's text) get
 * the GSM look-alikes of typographic characters, so a curly apostrophe in a name does not switch to UCS-2.</li>
 * <li>Rendering never produces a broken message: a token without value and fallback, an empty body, an SMS over the
 * template's segment limit or an email subject over 255 characters is a
 * {@link io.waymark.platform.template.TemplateRenderException}; a missing key, no approved version or a version that
 * is not approved is a {@link io.waymark.platform.template.TemplateNotSendableException}. Templates are read from
 * the database on each render (no cache), so an approval takes effect at the next send.</li>
 * <li>Segments: an SMS template has a limit (1 to 10, default {@code waymark.templates.default-max-segments} = 3),
 * checked at save by rendering with the sample values, with the fallbacks and with the longer of each per token, and
 * again at every render. Samples are chosen as long as typical values; a longer real value fails at render rather than
 * going out over the limit.</li>
 * <li>Opt-out: a promotional SMS must carry opt-out wording (common English forms, or the brand's
 * {@code opt-out-text}) unless marked {@code followUp}: only ever sent after a first message of its journey. If a
 * follow-up template ends up as the first message of a run, the sender appends
 * {@link io.waymark.platform.template.MessageTemplates#optOutText} ({@code RenderedMessage.optOutWording} says whether
 * it is needed). Email templates share the token rules but have no opt-out or segment rules (the email sender owns
 * the unsubscribe footer).</li>
 * <li>Short links: {@code {link:<url>}} (SMS only) is a part of its own whose URL is literals and tokens, rendered with
 * the token rules and then turned into a short URL by the {@link io.waymark.platform.template.LinkMinter} the sender
 * passes into {@code render} (the link module implements it; this module does not depend on it). Saving refuses an
 * unclosed {@code {link:}, a URL not absolute http(s) with the sample values, and links in email; samples put a
 * stand-in short URL of the real length there ({@code waymark.links.base-url}, else {@code waymark.public-base-url},
 * {@code /l/} and {@link io.waymark.platform.template.LinkMinter#CODE_LENGTH} characters) so segment counts are honest.
 * A version's {@code linkExpiryHours} (1 to 8760, null: the link module's default) is passed with each link.</li>
 * <li>Bundled templates ({@code template/bundled-templates.json}) are installed at start as version 1 APPROVED by
 * "waymark (bundled)" when their key does not exist yet, each in its own transaction: edits are never overwritten, a
 * restart installs nothing again, and two instances starting together meet at the unique key.</li>
 * <li>Not modelled: four-eyes approval (the governance module will own who may approve), per-locale variants of one
 * template, letters' look-alikes (an accent change is the author's call; only typographic characters are offered).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Message templates",
    allowedDependencies = {"contact", "governance", "policy", "support"})
package io.waymark.platform.template;
