/**
 * Governance: the people who use Waymark's UI and what they did. {@link io.waymark.platform.governance.Users}
 * (create, change roles, disable, set a password, find; passwords hashed by a {@code DelegatingPasswordEncoder},
 * BCrypt) with the six {@link io.waymark.platform.governance.Role}s, and the append-only
 * {@link io.waymark.platform.governance.AuditLog} of governance actions, which other modules write to directly (a
 * facade call inside their own transaction, so an entry exists exactly when its change was committed).
 * <p>Choices made here:
 * <ul>
 * <li>Who acts is a port, {@link io.waymark.platform.governance.CurrentActor}, implemented by the application from
 * its security context (a username, {@code api} for REST clients, {@code system} otherwise): the platform does not
 * depend on Spring Security's web or core parts, only on its password hashing ({@code spring-security-crypto}).</li>
 * <li>Users are never deleted, only disabled: the audit log names them.</li>
 * <li>Audit states are JSON text in VARCHAR(4000) columns (one schema for H2 and MySQL); a longer state is kept as
 * {@code {"truncated":true,"text":...}}.</li>
 * <li>Facade methods that change users carry {@code @RolesAllowed("ADMIN")}; reading the audit log
 * {@code @RolesAllowed({"COMPLIANCE","ADMIN"})}. They take effect where the application enables JSR-250 method
 * security (the {@code ui} application does; platform tests do not).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance")
package io.waymark.platform.governance;
