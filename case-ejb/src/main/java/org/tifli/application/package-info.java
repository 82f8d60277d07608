/**
 * The use cases: opening a case, asking for an alert and deciding on it, publishing each delivery,
 * taking and triaging sightings. Each public method of a bean here is one transaction, and the unit
 * of audit.
 */
package org.tifli.application;
