package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last case number handed out in a year. Read under a write lock, so that references are
 * sequential and unique even with several servers on one database.
 */
@Entity
@Table(name = "case_reference_counter")
public class CaseReferenceCounter {

  @Id
  @Column(name = "case_year")
  private int year;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected CaseReferenceCounter() {}

  public CaseReferenceCounter(int year) {
    this.year = year;
  }

  /** Takes the next number and returns the reference, such as {@code MC-2026-000123}. */
  public String next() {
    lastNumber++;
    return String.format("MC-%d-%06d", year, lastNumber);
  }
}
