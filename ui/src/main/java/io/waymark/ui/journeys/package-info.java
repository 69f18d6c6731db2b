/** The Journeys view: journeys and versions, the diagram with counts per element, upload, lint, publish, pause. */
package io.waymark.ui.journeys;
