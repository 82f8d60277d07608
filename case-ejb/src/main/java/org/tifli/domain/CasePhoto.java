package org.tifli.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A photo of the missing child, as an officer or a police system uploaded it.
 *
 * <p>Personal data: a photo leaves Tifli only through an alert, and only the one photo of the case
 * marked for publication does. The content is kept as uploaded, after its format was recognised
 * from its bytes and its image header was read.
 */
@Entity
@Table(name = "case_photo")
@NamedQuery(
    name = CasePhoto.OF_CASE,
    query = "SELECT p FROM CasePhoto p WHERE p.missingChildCase.id = :caseId ORDER BY p.id")
@NamedQuery(
    name = CasePhoto.COUNT_OF_CASE,
    query = "SELECT COUNT(p) FROM CasePhoto p WHERE p.missingChildCase.id = :caseId")
@NamedQuery(
    name = CasePhoto.PUBLICATION_COUNT_OF_CASE,
    query =
        "SELECT COUNT(p) FROM CasePhoto p"
            + " WHERE p.missingChildCase.id = :caseId AND p.forPublication = TRUE")
public class CasePhoto {

  public static final String OF_CASE = "CasePhoto.ofCase";
  public static final String COUNT_OF_CASE = "CasePhoto.countOfCase";
  public static final String PUBLICATION_COUNT_OF_CASE = "CasePhoto.publicationCountOfCase";

  @Id
  @SequenceGenerator(name = "photo_id_seq", sequenceName = "photo_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "photo_id_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private MissingChildCase missingChildCase;

  @Enumerated(EnumType.STRING)
  @Column(name = "format", nullable = false, updatable = false, length = 10)
  private PhotoFormat format;

  @Column(name = "width", nullable = false, updatable = false)
  private int width;

  @Column(name = "height", nullable = false, updatable = false)
  private int height;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private int sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "for_publication", nullable = false)
  private boolean forPublication;

  @Column(name = "uploaded_by", nullable = false, updatable = false, length = Actor.NAME_LENGTH)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Version private long version;

  protected CasePhoto() {}

  public CasePhoto(
      MissingChildCase missingChildCase,
      PhotoFormat format,
      int width,
      int height,
      byte[] content,
      String uploadedBy,
      Instant uploadedAt) {
    this.missingChildCase = Objects.requireNonNull(missingChildCase);
    this.format = Objects.requireNonNull(format);
    this.width = width;
    this.height = height;
    this.content = content.clone();
    this.sizeBytes = content.length;
    this.uploadedBy = Objects.requireNonNull(uploadedBy);
    this.uploadedAt = Objects.requireNonNull(uploadedAt);
  }

  /** Makes this the photo an alert publishes, or stops publishing it. */
  public void markForPublication(boolean publish) {
    forPublication = publish;
  }

  public Long id() {
    return id;
  }

  public MissingChildCase missingChildCase() {
    return missingChildCase;
  }

  public PhotoFormat format() {
    return format;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public byte[] content() {
    return content.clone();
  }

  public boolean forPublication() {
    return forPublication;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
