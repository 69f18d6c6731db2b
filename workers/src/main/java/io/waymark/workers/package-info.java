/**
 * Zeebe job workers, one class per job type, each reading its variables, calling one platform facade and returning
 * a record of the new variables; and the engine bridge ({@code engine}) that deploys the bundled journeys, starts
 * requested runs and correlates inbound replies.
 */
package io.waymark.workers;
