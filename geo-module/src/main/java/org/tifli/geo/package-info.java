/**
 * Administrative areas, point lookup, target zones and the widening schedule. Plain Java and JTS;
 * no Jakarta EE.
 *
 * <ul>
 *   <li>{@link org.tifli.geo.AreaCatalog}: regions and provinces loaded from GeoJSON; Morocco's
 *       ship as the default (boundaries © OpenStreetMap contributors, ODbL 1.0; attributes © HCP,
 *       RGPH 2024).
 *   <li>{@link org.tifli.geo.AreaLocator}: latitude/longitude → {@link org.tifli.geo.Placement}.
 *   <li>{@link org.tifli.geo.WideningSchedule} and {@link org.tifli.geo.TargetZones}: which
 *       provinces an alert reaches at each stage, and which are new.
 *   <li>{@link org.tifli.geo.CapShapes}: outlines and circles for CAP messages.
 * </ul>
 *
 * <p>Coordinates are WGS 84 degrees; distances are great-circle kilometres on a sphere of radius
 * {@link org.tifli.geo.GeoPoint#EARTH_RADIUS_KM}.
 */
package org.tifli.geo;
