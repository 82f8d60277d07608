package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The message template of one language and kind of post, as an administrator edited it. Every pair
 * of language and kind has its row from the start, without text: a template nobody has edited is
 * the one Tifli ships (the {@code posts} bundles), and going back to it clears the text again.
 *
 * <p>Invariant: a stored text is a valid template of its kind ({@link TemplateText#problems}).
 */
@Entity
@Table(name = "post_template")
@NamedQuery(name = PostTemplate.ALL, query = "SELECT t FROM PostTemplate t ORDER BY t.id")
@NamedQuery(
    name = PostTemplate.OF,
    query = "SELECT t FROM PostTemplate t WHERE t.language = :language AND t.kind = :kind")
public class PostTemplate {

  public static final String ALL = "PostTemplate.all";
  public static final String OF = "PostTemplate.of";

  /** Rows are made by the migrations, one per language and kind; the application adds none. */
  @Id private Long id;

  @Column(name = "language", nullable = false, length = 3)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  private PostKind kind;

  @Column(name = "template_text", length = TemplateText.MAX_LENGTH)
  private String text;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by", length = Actor.NAME_LENGTH)
  private String updatedBy;

  @Version private long version;

  protected PostTemplate() {}

  /**
   * Replaces the text.
   *
   * @throws InvalidRequestException naming field {@code text}, with every problem of the text
   */
  public void edit(String newText, String by, Instant when) {
    List<String> problems = TemplateText.problems(kind, newText);
    if (!problems.isEmpty()) {
      throw InvalidRequestException.of("text", problems);
    }
    text = newText;
    updatedBy = Objects.requireNonNull(by);
    updatedAt = Objects.requireNonNull(when);
  }

  /** Goes back to the template Tifli ships. */
  public void reset(String by, Instant when) {
    text = null;
    updatedBy = Objects.requireNonNull(by);
    updatedAt = Objects.requireNonNull(when);
  }

  public Long id() {
    return id;
  }

  /** The language's code; see {@link PostLanguage}. */
  public String language() {
    return language;
  }

  public PostKind kind() {
    return kind;
  }

  /** The administrator's text; empty when the shipped template applies. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt);
  }

  public Optional<String> updatedBy() {
    return Optional.ofNullable(updatedBy);
  }
}
