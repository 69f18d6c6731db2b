/**
 * Contacts: one per E.164 phone number, with names, email, locale, region, time zone, lifecycle stage, owner, topics
 * of interest and free attributes. {@link io.waymark.platform.contact.ContactDirectory} is the facade;
 * {@link io.waymark.platform.contact.PhoneNumbers} turns whatever people type into E.164;
 * {@link io.waymark.platform.contact.ContactImports} imports CSV files (see {@code contact/IMPORT.md}) and hands each
 * row's consent to an {@link io.waymark.platform.contact.ImportedConsentSink}, which the consent module implements
 * (this module cannot depend on that one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package io.waymark.platform.contact;
