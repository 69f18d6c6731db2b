/**
 * Zeebe job workers, one class per job type, each reading its variables, calling one platform facade and returning
 * a record of the new variables; the engine bridge ({@code engine}) that publishes journeys (lint, deploy, record in
 * the catalog: the bundled ones at start-up and uploads through {@code POST /api/v1/journeys}), starts requested runs
 * and correlates inbound replies; and the Modeler element templates for download ({@code modeler}).
 */
package io.waymark.workers;
