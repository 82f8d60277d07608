package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.application.EffectiveTemplate;
import org.tifli.application.PostTemplates;
import org.tifli.application.TemplatePreview;

/**
 * The message templates of posts, one per language ({@code ar}, {@code fr}, {@code en}, {@code
 * zgh}) and kind ({@code ALERT}, {@code UPDATE}, {@code CLOSING_RESOLVED}, {@code
 * CLOSING_CANCELLED}, {@code CLOSING_EXPIRED}), which administrators edit, reset and preview.
 */
@Path("templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "templates", description = "The texts of posts, per language and kind")
public class TemplateResource {

  @EJB PostTemplates templates;

  @Inject Caller caller;

  /** A new text: {@code {"text":"ENFANT DISPARU : {name}, {age} ans… Dossier {reference}."}}. */
  public record TemplateChange(@NotNull(message = "the template's text is required") String text) {}

  /**
   * What to preview: a draft {@code text} (else the template in use) filled with the facts of an
   * active {@code alert} (else of a made-up child). Both are optional.
   */
  public record PreviewRequest(String text, Long alert) {}

  /**
   * A template as administrators see it.
   *
   * @param edited false while the template Tifli ships applies
   * @param placeholders those the text may use, such as {@code name}
   * @param required those the text must use
   * @param rightToLeft whether the language is written right to left (Arabic)
   */
  public record TemplateView(
      String language,
      String kind,
      String text,
      boolean edited,
      String shippedText,
      List<String> placeholders,
      List<String> required,
      boolean rightToLeft,
      Instant updatedAt,
      String updatedBy) {

    static TemplateView of(EffectiveTemplate template) {
      return new TemplateView(
          template.language().code(),
          template.kind().name(),
          template.text(),
          template.edited(),
          template.shippedText(),
          template.placeholders(),
          template.required(),
          template.language().rightToLeft(),
          template.updatedAt(),
          template.updatedBy());
    }
  }

  /**
   * One platform's post of a preview.
   *
   * @param length as the platform counts it
   * @param shortened whether the text was cut to fit the limit
   */
  public record PlatformPostView(
      String platform, String text, int length, int limit, boolean shortened) {}

  /**
   * A preview: the text filled in, and each platform's post of it.
   *
   * @param alert the alert whose facts were used; null for the made-up child
   * @param link the link to the alert's page (Facebook sends it beside the text)
   */
  public record PreviewView(
      String language,
      String kind,
      String text,
      boolean rightToLeft,
      Long alert,
      boolean withPhoto,
      String link,
      List<PlatformPostView> posts) {

    static PreviewView of(TemplatePreview preview) {
      return new PreviewView(
          preview.language().code(),
          preview.kind().name(),
          preview.text(),
          preview.language().rightToLeft(),
          preview.alertId(),
          preview.withPhoto(),
          preview.link(),
          preview.posts().stream()
              .map(
                  p ->
                      new PlatformPostView(
                          p.platform().name(), p.text(), p.length(), p.limit(), p.shortened()))
              .toList());
    }
  }

  @GET
  @Operation(
      summary = "List the message templates",
      description = "Every language and kind, with the text in use and the one Tifli ships.")
  public List<TemplateView> list() {
    return templates.list().stream().map(TemplateView::of).toList();
  }

  @GET
  @Path("{language}/{kind}")
  @Operation(summary = "Read a message template")
  @APIResponse(responseCode = "200", description = "The template")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public TemplateView get(@PathParam("language") String language, @PathParam("kind") String kind) {
    return TemplateView.of(templates.get(language, kind));
  }

  @PUT
  @Path("{language}/{kind}")
  @Operation(
      summary = "Edit a message template",
      description =
          "Plain text with placeholders in braces: {name}, {age}, {place}, {seenAt} and"
              + " {reference} for the alert and its updates, which must name the child; only"
              + " {reference}, which is required, for a closing message. At most 1,000 characters."
              + " The link to the alert's page and the delivery's tag follow the text on every"
              + " platform. Posts written from now on use it.")
  @APIResponse(responseCode = "200", description = "The template as edited")
  @APIResponse(responseCode = "400", ref = TifliApi.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public TemplateView edit(
      @PathParam("language") String language,
      @PathParam("kind") String kind,
      @NotNull(message = "a template is required, with its text") @Valid TemplateChange change) {
    return TemplateView.of(templates.edit(language, kind, change.text(), caller.actor()));
  }

  @DELETE
  @Path("{language}/{kind}")
  @Operation(summary = "Go back to the template Tifli ships")
  @APIResponse(responseCode = "200", description = "The template, as shipped")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public TemplateView reset(
      @PathParam("language") String language, @PathParam("kind") String kind) {
    return TemplateView.of(templates.reset(language, kind, caller.actor()));
  }

  @POST
  @Path("{language}/{kind}/preview")
  @Operation(
      summary = "Preview a message template on each platform",
      description =
          "Fills the template (or a draft in \"text\") with the facts of an active alert"
              + " (\"alert\") or of a made-up child, and lays it out as each platform gets it,"
              + " shortened to"
              + " its limit (a Telegram caption 1,024, an X post 280 as X counts). Stores nothing.")
  @APIResponse(responseCode = "200", description = "The text and each platform's post")
  @APIResponse(responseCode = "400", ref = TifliApi.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public PreviewView preview(
      @PathParam("language") String language,
      @PathParam("kind") String kind,
      @Valid PreviewRequest request) {
    Optional<String> draft = Optional.ofNullable(request).map(PreviewRequest::text);
    Optional<Long> alert = Optional.ofNullable(request).map(PreviewRequest::alert);
    return PreviewView.of(templates.preview(language, kind, draft, alert));
  }

  @GET
  @Path("{language}/{kind}/audit")
  @Operation(
      summary = "The template's history",
      description = "Every edit and reset, oldest first, a page at a time.")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public Page<CaseResource.AuditView> audit(
      @PathParam("language") String language,
      @PathParam("kind") String kind,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return new Page<>(
        templates.history(language, kind, Page.first(page, size), size).stream()
            .map(CaseResource.AuditView::of)
            .toList(),
        page,
        size,
        templates.historyLength(language, kind));
  }
}
