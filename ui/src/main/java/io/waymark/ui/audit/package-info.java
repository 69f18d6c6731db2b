/** The audit log view (COMPLIANCE, ADMIN). */
package io.waymark.ui.audit;
