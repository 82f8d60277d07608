package org.tifli.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The console's menu for the signed-in user: the pages of {@link ConsolePage} their roles open, and
 * the page they start on (the first of them).
 */
@Named
@RequestScoped
public class ConsoleMenu {

  static final String LOGIN_PAGE = "/login.xhtml";

  @Inject FacesContext faces;

  private List<ConsolePage> entries;

  /** The pages the menu lists for the signed-in user; none for someone not signed in. */
  public List<ConsolePage> getEntries() {
    if (entries == null) {
      ExternalContext external = faces.getExternalContext();
      entries =
          external.getUserPrincipal() == null
              ? List.of()
              : ConsolePage.menuFor(external::isUserInRole);
    }
    return entries;
  }

  /** Whether the page is the one being shown, for {@code aria-current}. */
  public boolean isCurrent(ConsolePage page) {
    return faces.getViewRoot() != null && page.viewId().equals(faces.getViewRoot().getViewId());
  }

  public boolean isSignedIn() {
    return faces.getExternalContext().getUserPrincipal() != null;
  }

  public String getUserName() {
    return isSignedIn() ? faces.getExternalContext().getUserPrincipal().getName() : "";
  }

  /** The view action of the console's address: on to the user's first page. */
  public String goHome() {
    return getHome() + "?faces-redirect=true";
  }

  /** Where the signed-in user starts: the first page of their menu, else the sign-in page. */
  public String getHome() {
    return getEntries().stream().findFirst().map(ConsolePage::viewId).orElse(LOGIN_PAGE);
  }
}
