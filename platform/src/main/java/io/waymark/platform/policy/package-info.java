/**
 * The send decision: may this contact get this class of message on this topic now? SEND, DEFER until an instant,
 * or SUPPRESS with a reason. {@link io.waymark.platform.policy.SendPolicy} is the facade; it is asked before every
 * send, in every code path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Send policy")
package io.waymark.platform.policy;
