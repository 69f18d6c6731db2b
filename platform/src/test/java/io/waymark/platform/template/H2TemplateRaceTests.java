package io.waymark.platform.template;

/** The template races on the embedded default: H2 in MySQL mode. */
class H2TemplateRaceTests extends TemplateRaceContractTests {
}
