/**
 * Sign-in and access: Spring Security with Vaadin's {@code VaadinWebSecurity} (form sign-in at {@code /login}, views
 * guarded by annotations), a stateless pass-through chain for the machine endpoints, users from the governance
 * module, the audit log's {@code CurrentActor}, the first users (demo users or an admin from configuration), and phone
 * masking for roles that do not need full numbers.
 */
package io.waymark.ui.security;
