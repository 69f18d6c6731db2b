/**
 * Contacts: one per E.164 phone number, with names, email, locale, region, time zone, lifecycle stage, owner and
 * free attributes. {@link io.waymark.platform.contact.ContactDirectory} is the facade;
 * {@link io.waymark.platform.contact.PhoneNumbers} turns whatever people type into E.164.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package io.waymark.platform.contact;
