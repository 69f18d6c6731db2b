/** Vaadin views. They call platform facades only, never repositories; grids page lazily. */
package io.waymark.ui;
