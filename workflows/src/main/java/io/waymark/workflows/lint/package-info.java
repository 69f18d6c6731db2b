/**
 * The journey linter: {@link io.waymark.workflows.lint.JourneyLinter} reads a BPMN file with Camunda's model API and
 * reports {@link io.waymark.workflows.lint.Finding}s (rule id, element id, message; errors block publication, warnings
 * do not) in a {@link io.waymark.workflows.lint.LintReport}. One package-private class per rule. Journeys and
 * sub-journeys (process property {@code kind}) are linted alike where a rule fits both, and each by its own rules where
 * not. Free of Spring and of the engine client; the template catalog comes in as a
 * {@link io.waymark.workflows.lint.JourneyLinter.TemplateCheck}.
 */
package io.waymark.workflows.lint;
