/**
 * Shared kernel: the error every module raises for bad input ({@link io.waymark.platform.support.InvalidInputException})
 * and the HTTP rendering of errors, so that every endpoint answers bad input with a 400 naming the field.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.waymark.platform.support;
