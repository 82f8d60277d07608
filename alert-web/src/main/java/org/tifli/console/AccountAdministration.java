package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.tifli.api.Caller;
import org.tifli.application.Accounts;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.RecordExistsException;
import org.tifli.domain.Role;
import org.tifli.domain.UserAccount;
import org.tifli.publicpage.PublicPageSettings;

/**
 * The administrators' pages of accounts, through the same {@link Accounts} service as the API: the
 * users' page (people: officers, supervisors, administrators) and the service accounts' page
 * (police systems, role {@code system}). Each lists its accounts, creates one, and disables or
 * enables one; a password goes in and is never shown again.
 */
@Named
@ViewScoped
public class AccountAdministration implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AccountAdministration.class.getName());
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The roles a person may hold; {@code system} is for service accounts only. */
  private static final List<String> PEOPLE_ROLES =
      List.of(Role.OFFICER.groupName(), Role.SUPERVISOR.groupName(), Role.ADMIN.groupName());

  @EJB private transient Accounts accounts;

  @Inject private transient Caller caller;

  @Inject private transient PublicPageSettings settings;

  /** An account as the list shows it. */
  public record AccountRow(String username, List<String> roles, boolean enabled, String created)
      implements Serializable {}

  private boolean services;
  private List<AccountRow> rows = List.of();

  private String username;
  private String password;
  private List<String> roles = new ArrayList<>();

  /** The view action: {@code true} for the service accounts' page, {@code false} for users. */
  public void load(boolean serviceAccounts) {
    services = serviceAccounts;
    refresh();
  }

  /** Creates the account from the form; field by field messages when it cannot. */
  public void create() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    Set<Role> granted = EnumSet.noneOf(Role.class);
    if (services) {
      granted.add(Role.SYSTEM);
    } else {
      roles.stream()
          .filter(PEOPLE_ROLES::contains)
          .forEach(role -> granted.add(Role.valueOf(role.toUpperCase(Locale.ROOT))));
    }
    if (granted.isEmpty()) {
      ConsoleText.refuse(faces, "create:roles", text.getString("accounts.roles.required"));
      return;
    }

    try {
      accounts.create(username, password.toCharArray(), granted, caller.actor());
    } catch (InvalidRequestException e) {
      String field = e.field().equals("password") ? "password" : "username";
      ConsoleText.refuse(
          faces, "create:" + field, text.getString("accounts." + field + ".invalid"));
      return;
    } catch (RecordExistsException e) {
      ConsoleText.refuse(faces, "create:username", text.getString("accounts.exists"));
      return;
    } finally {
      password = null;
    }

    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            format(text.getString("accounts.created"), username),
            null));
    LOG.fine(() -> "Account created from the console");
    username = null;
    roles = new ArrayList<>();
    refresh();
  }

  public void disable(String account) {
    change(account, true);
  }

  public void enable(String account) {
    change(account, false);
  }

  private void change(String account, boolean disable) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    try {
      if (disable) {
        accounts.disable(account, null, caller.actor());
      } else {
        accounts.enable(account, caller.actor());
      }
      String done = disable ? "accounts.disabled" : "accounts.enabled";
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO, format(text.getString(done), account), null));
    } catch (ForbiddenActionException e) {
      ConsoleText.refuse(faces, null, text.getString("accounts.disableSelf"));
    } catch (IllegalTransitionException e) {
      ConsoleText.refuse(faces, null, text.getString("accounts.changedMeanwhile"));
    }
    refresh();
  }

  private void refresh() {
    rows =
        accounts.list().stream()
            .filter(account -> account.roles().contains(Role.SYSTEM) == services)
            .map(this::row)
            .toList();
  }

  private AccountRow row(UserAccount account) {
    return new AccountRow(
        account.username(),
        account.roles().stream().map(Role::groupName).toList(),
        account.enabled(),
        WHEN.format(account.createdAt().atZone(settings.timeZone())));
  }

  private static String format(String pattern, String value) {
    return MessageFormat.format(pattern, value);
  }

  public boolean isServices() {
    return services;
  }

  public List<AccountRow> getRows() {
    return rows;
  }

  public List<String> getRoleChoices() {
    return PEOPLE_ROLES;
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

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }
}
