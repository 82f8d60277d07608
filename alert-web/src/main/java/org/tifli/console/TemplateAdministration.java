package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.tifli.api.Caller;
import org.tifli.application.EffectiveTemplate;
import org.tifli.application.PostTemplates;
import org.tifli.application.TemplatePreview;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.PostKind;
import org.tifli.domain.PostLanguage;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.publicpage.PublicPageSettings;

/**
 * The administrators' page of message templates, through the same {@link PostTemplates} as {@code
 * /api/v1/templates}: every template by language and kind, one opened to edit with a live preview
 * of each platform's post (as the publishers lay it out, within each platform's limit), saved,
 * reset to the one Tifli ships, and its history.
 *
 * <p>A draft the renderer refuses (an unknown placeholder, a missing one, a text too long) is
 * refused beside the field, and nothing is stored; the preview waits for a valid draft.
 */
@Named
@ViewScoped
public class TemplateAdministration implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final int HISTORY_LENGTH = 100;
  private static final String TEXT_FIELD = "edit:text";

  @EJB private transient PostTemplates templates;

  @Inject private transient Caller caller;

  @Inject private transient PublicPageSettings settings;

  /** A template as the table shows it. */
  public record TemplateRow(
      String language, String kind, boolean edited, String updatedAt, String updatedBy)
      implements Serializable {}

  /** One platform's post of the preview. */
  public record PostRow(String platform, String text, int length, int limit, boolean shortened)
      implements Serializable {}

  private String languageFilter;
  private List<TemplateRow> rows = List.of();

  private String language;
  private String kind;
  private boolean rightToLeft;
  private boolean edited;
  private String shippedText;
  private List<String> placeholders = List.of();
  private List<String> required = List.of();
  private String draft;
  private String previewText;
  private List<PostRow> preview = List.of();
  private List<AuditHistory.Entry> history = List.of();

  /** The view action. */
  public void load() {
    refresh();
  }

  public void filter() {
    refresh();
  }

  /** Opens a template to edit, with the preview of the text in use. */
  public void open(String templateLanguage, String templateKind) {
    EffectiveTemplate template;
    try {
      template = templates.get(templateLanguage, templateKind);
    } catch (RecordNotFoundException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      ConsoleText.refuse(faces, null, ConsoleText.bundle(faces).getString("templates.notFound"));
      return;
    }
    show(template);
    draft = template.text();
    preview();
  }

  public void close() {
    language = null;
    kind = null;
    draft = null;
    preview = List.of();
    history = List.of();
  }

  /**
   * Fills the draft with a made-up child's facts and lays it out for each platform; a draft the
   * renderer refuses shows why beside the field, and no preview.
   */
  public void preview() {
    if (language == null) {
      return;
    }
    try {
      TemplatePreview made =
          templates.preview(language, kind, Optional.ofNullable(draft), Optional.empty());
      previewText = made.text();
      preview =
          made.posts().stream()
              .map(
                  p ->
                      new PostRow(
                          p.platform().name(), p.text(), p.length(), p.limit(), p.shortened()))
              .toList();
    } catch (InvalidRequestException e) {
      previewText = null;
      preview = List.of();
      refused(FacesContext.getCurrentInstance(), e);
    }
  }

  /** Keeps the draft as the template; refused beside the field when the renderer refuses it. */
  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    if (language == null) {
      return;
    }
    EffectiveTemplate saved;
    try {
      saved = templates.edit(language, kind, draft == null ? "" : draft, caller.actor());
    } catch (InvalidRequestException e) {
      previewText = null;
      preview = List.of();
      refused(faces, e);
      return;
    }

    ConsoleText.say(faces, MessageFormat.format(text.getString("templates.saved"), name(saved)));
    show(saved);
    draft = saved.text();
    preview();
    refresh();
  }

  /** Goes back to the template Tifli ships. */
  public void reset() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (language == null) {
      return;
    }
    EffectiveTemplate shipped = templates.reset(language, kind, caller.actor());

    ConsoleText.say(
        faces,
        MessageFormat.format(
            ConsoleText.bundle(faces).getString("templates.wasReset"), name(shipped)));
    show(shipped);
    draft = shipped.text();
    preview();
    refresh();
  }

  private void show(EffectiveTemplate template) {
    language = template.language().code();
    kind = template.kind().name();
    rightToLeft = template.language().rightToLeft();
    edited = template.edited();
    shippedText = template.shippedText();
    placeholders = template.placeholders();
    required = template.required();
    history =
        AuditHistory.of(templates.history(language, kind, 0, HISTORY_LENGTH), settings.timeZone());
  }

  private void refresh() {
    rows =
        templates.list().stream()
            .filter(t -> languageFilter == null || t.language().code().equals(languageFilter))
            .map(this::row)
            .toList();
  }

  private TemplateRow row(EffectiveTemplate template) {
    return new TemplateRow(
        template.language().code(),
        template.kind().name(),
        template.edited(),
        template.updatedAt() == null
            ? null
            : WHEN.format(template.updatedAt().atZone(settings.timeZone())),
        template.updatedBy());
  }

  private static String name(EffectiveTemplate template) {
    return template.language().code() + " / " + template.kind().name();
  }

  /**
   * The renderer's reasons, beside the field, after the bundle's word that the draft was refused.
   */
  // TODO [i18n] The reasons themselves are the renderer's own sentences, in English, for the
  // console and the API alike; translating them needs the renderer to name each problem by a key.
  private static void refused(FacesContext faces, InvalidRequestException e) {
    String reasons =
        e.problems().stream()
            .map(InvalidRequestException.FieldProblem::message)
            .collect(Collectors.joining("; "));
    ConsoleText.refuse(
        faces,
        TEXT_FIELD,
        ConsoleText.bundle(faces).getString("templates.refused") + " " + reasons);
  }

  // What the page reads.

  public List<String> getLanguageChoices() {
    return Arrays.stream(PostLanguage.values()).map(PostLanguage::code).toList();
  }

  public List<String> getKinds() {
    return Arrays.stream(PostKind.values()).map(PostKind::name).toList();
  }

  public List<TemplateRow> getRows() {
    return rows;
  }

  public boolean isOpen() {
    return language != null;
  }

  public String getLanguage() {
    return language;
  }

  public String getKind() {
    return kind;
  }

  /** {@code rtl} for an Arabic template, else {@code ltr}: the direction of its text and posts. */
  public String getDirection() {
    return rightToLeft ? "rtl" : "ltr";
  }

  public boolean isEdited() {
    return edited;
  }

  public String getShippedText() {
    return shippedText;
  }

  public String getPlaceholders() {
    return placeholders.stream().map(p -> "{" + p + "}").collect(Collectors.joining(" "));
  }

  public String getRequired() {
    return required.stream().map(p -> "{" + p + "}").collect(Collectors.joining(" "));
  }

  public String getPreviewText() {
    return previewText;
  }

  public List<PostRow> getPreview() {
    return preview;
  }

  public List<AuditHistory.Entry> getHistory() {
    return history;
  }

  public String getLanguageFilter() {
    return languageFilter;
  }

  public void setLanguageFilter(String languageFilter) {
    this.languageFilter =
        languageFilter == null || languageFilter.isBlank() ? null : languageFilter;
  }

  public String getDraft() {
    return draft;
  }

  public void setDraft(String draft) {
    this.draft = draft;
  }
}
