/** The application shell ({@code MainLayout}: navbar, role-filtered side menu, sign-out) and the sign-in view. */
package io.waymark.ui.layout;
