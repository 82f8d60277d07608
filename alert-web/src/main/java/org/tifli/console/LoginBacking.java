package org.tifli.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.ResourceBundle;

/**
 * The console's sign-in and sign-out. A user who signs in starts on the first page of their menu; a
 * wrong username or password gets one message, the same for both.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject SecurityContext securityContext;

  @Inject FacesContext faces;

  @Inject ConsoleMenu menu;

  @Inject ConsoleLanguage language;

  @NotBlank private String username;

  @NotBlank private String password;

  public String signIn() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
    password = null;
    if (status == AuthenticationStatus.SUCCESS && !menu.getEntries().isEmpty()) {
      external.redirect(external.getRequestContextPath() + menu.getHome());
      faces.responseComplete();
      return null;
    }
    String refusal = "login.failed";
    if (status == AuthenticationStatus.SUCCESS) {
      // A service account (role system) has the API, and no page of the console.
      ((HttpServletRequest) external.getRequest()).logout();
      external.invalidateSession();
      refusal = "login.noConsole";
    }
    ResourceBundle text = faces.getApplication().getResourceBundle(faces, "text");
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString(refusal), null));
    return null;
  }

  /** Ends the session; the sign-in page that follows keeps the language the user had. */
  public String signOut() throws ServletException {
    String lang = language.getCode();
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    return ConsoleMenu.LOGIN_PAGE + "?faces-redirect=true&" + LanguageChoice.PARAMETER + "=" + lang;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
