/**
 * The journey linter: {@link io.waymark.workflows.lint.JourneyLinter} reads a BPMN file with Camunda's model API and
 * reports {@link io.waymark.workflows.lint.Finding}s (rule id, element id, message; errors block publication, warnings
 * do not) in a {@link io.waymark.workflows.lint.LintReport}. One package-private class per rule. Free of Spring and of
 * the engine client; the template catalog comes in as a {@link io.waymark.workflows.lint.JourneyLinter.TemplateCheck}.
 */
package io.waymark.workflows.lint;
