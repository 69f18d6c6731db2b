/**
 * The send decision: may this contact get this class of message on this topic now? SEND, DEFER until an instant,
 * or SUPPRESS with a stable reason code. {@link io.waymark.platform.policy.SendPolicy} is the facade; it is asked
 * before every send, in every code path.
 *
 * <p>Choices made here:
 * <ul>
 * <li>Order: message class (unknown is bad input), contact ({@code UNKNOWN_CONTACT}), consent ({@code NO_CONSENT}),
 * then expiry, caps and quiet hours ({@code SendRuleEngine}).</li>
 * <li>Rules are data: {@code policy/send-rules.tsv} on the classpath, one row per law or house rule with its source,
 * loaded at start. It is not a database table, so nothing is stored and the module has no migration.</li>
 * <li>Transactional messages have no window and no cap; alerts keep to 07:00-22:00 local (house rule); promotional
 * messages follow the federal, state and country rows. See {@link io.waymark.platform.policy.MessageClass}.</li>
 * <li>The recipient's zone is the contact's own; without one, every zone of the number, and the window must then be
 * open in all of them. The country comes from the number, the state from the contact's region.</li>
 * <li>Caps count over rolling windows through {@link io.waymark.platform.policy.SendHistory}, a port the messaging
 * module implements (policy must not depend on messaging). Over a cap the message is deferred until the cap frees,
 * or suppressed as {@code CAP_REACHED} if that is after the request's {@code notAfter}. A message that quiet hours
 * would hold past {@code notAfter} is suppressed as {@code EXPIRED}.</li>
 * <li>The decision is a check, not a reservation: two sends decided at the same moment can both pass a cap with one
 * slot left.</li>
 * </ul>
 *
 * <p>Not modelled: public holidays (France); the area-code presumption of Florida and Oklahoma (a number with a state's
 * area code counts as a resident's) — the state comes from the contact's region only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Send policy")
package io.waymark.platform.policy;
