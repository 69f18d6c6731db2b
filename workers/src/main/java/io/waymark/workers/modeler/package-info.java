/**
 * What journey designers take into Camunda Modeler: the element templates, served for download.
 */
package io.waymark.workers.modeler;
