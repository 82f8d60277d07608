/** Administrative areas, point lookup, target zones and the widening schedule. */
package org.tifli.geo;
