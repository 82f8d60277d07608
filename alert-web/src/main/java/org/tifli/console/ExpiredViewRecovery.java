package org.tifli.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewDeclarationLanguage;
import java.io.IOException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * Keeps what the user typed when the page they send has expired on the server (its state was
 * dropped: too many pages open in the session, or a redeployment), instead of throwing it away on
 * an error page.
 *
 * <p>The page is built afresh and the form's values are put back in its fields, then it is shown
 * again with a message asking the user to check and send it once more. Nothing else happens: no
 * value reaches a bean and no button's action runs, because a page whose state is gone cannot prove
 * that it came from this server (the state is what stops a forged form), so the user's second
 * sending, with fresh state, is the one that counts.
 *
 * <p>Two parts work together: the view handler rebuilds the page, and {@link SkipToRendering} stops
 * the request after the form's values are applied.
 */
public class ExpiredViewRecovery extends ViewHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(ExpiredViewRecovery.class.getName());
  private static final String RECOVERED = ExpiredViewRecovery.class.getName() + ".recovered";

  public ExpiredViewRecovery(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public UIViewRoot restoreView(FacesContext context, String viewId) {
    UIViewRoot restored = super.restoreView(context, viewId);
    if (restored != null || !context.isPostback()) {
      return restored;
    }
    ViewDeclarationLanguage vdl = getViewDeclarationLanguage(context, viewId);
    if (vdl == null) {
      return null;
    }
    UIViewRoot rebuilt = createView(context, viewId);
    context.setViewRoot(rebuilt);
    try {
      vdl.buildView(context, rebuilt);
    } catch (IOException e) {
      throw new FacesException("cannot rebuild the expired page " + viewId, e);
    }
    context.getAttributes().put(RECOVERED, Boolean.TRUE);
    ResourceBundle text = context.getApplication().getResourceBundle(context, "text");
    context.addMessage(
        null,
        new FacesMessage(FacesMessage.SEVERITY_WARN, text.getString("error.expired.kept"), null));
    LOG.fine(() -> "Rebuilt the expired page " + viewId + " with the values sent");
    return rebuilt;
  }

  /**
   * After the form's values are back in the fields of a rebuilt page, goes straight to showing it.
   */
  public static class SkipToRendering implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void afterPhase(PhaseEvent event) {
      FacesContext context = event.getFacesContext();
      if (Boolean.TRUE.equals(context.getAttributes().get(RECOVERED))) {
        context.renderResponse();
      }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
      // Nothing to do before the values are applied.
    }

    @Override
    public PhaseId getPhaseId() {
      return PhaseId.APPLY_REQUEST_VALUES;
    }
  }
}
