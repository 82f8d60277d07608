package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A guardian who reported the disappearance. Their contact details are for the police only: never
 * published, never logged, and kept out of the audit trail's values.
 */
@Embeddable
public class Guardian {

  public static final int NAME_LENGTH = 200;
  public static final int RELATION_LENGTH = 50;
  public static final int PHONE_LENGTH = 30;

  @Column(name = "name", nullable = false, length = NAME_LENGTH)
  private String name;

  @Column(name = "relation", length = RELATION_LENGTH)
  private String relation;

  @Column(name = "phone", length = PHONE_LENGTH)
  private String phone;

  protected Guardian() {}

  public Guardian(String name, String relation, String phone) {
    this.name = name;
    this.relation = relation;
    this.phone = phone;
  }

  public String name() {
    return name;
  }

  public String relation() {
    return relation;
  }

  public String phone() {
    return phone;
  }
}
