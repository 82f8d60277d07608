package org.tifli.geo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The provinces an alert reaches at some stage. Provinces are the unit of targeting: a whole region
 * appears as all of its provinces.
 *
 * @param provinces distinct provinces, in catalog order
 */
public record TargetZone(List<AdministrativeArea> provinces) {

  public TargetZone {
    provinces = List.copyOf(provinces);
  }

  /** The ISO 3166-2 codes of the provinces, in catalog order. */
  public List<String> codes() {
    return provinces.stream().map(AdministrativeArea::code).toList();
  }

  /** The codes of the regions that at least one province of the zone belongs to. */
  public Set<String> regionCodes() {
    Set<String> regions = new LinkedHashSet<>();
    provinces.forEach(p -> regions.add(p.parentCode()));
    return regions;
  }

  /** Whether the zone includes the province with this code. */
  public boolean contains(String provinceCode) {
    return provinces.stream().anyMatch(p -> p.code().equals(provinceCode));
  }

  /** Whether the zone reaches no province at all. */
  public boolean isEmpty() {
    return provinces.isEmpty();
  }

  @Override
  public String toString() {
    return codes().toString();
  }
}
