/**
 * The words officers use, as entities and value objects: the missing child's case, the alert that
 * publishes it, the channels that serve each area, the ledger of deliveries to them and the
 * sightings the public reports.
 *
 * <p>Rules that need nothing but the objects themselves live here (an alert moves only along its
 * life cycle, a delivery is sent once); rules that need the database or other services live in
 * {@code org.tifli.application}.
 */
package org.tifli.domain;
