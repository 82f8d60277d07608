package org.tifli.geo;

/** The level of an administrative area in the two-level hierarchy of a country. */
public enum AreaLevel {
  /** First-level division (ADM1), for Morocco one of the 12 regions. */
  REGION,
  /** Second-level division (ADM2): a province or a prefecture, always inside one region. */
  PROVINCE
}
