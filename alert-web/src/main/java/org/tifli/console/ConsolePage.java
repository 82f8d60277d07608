package org.tifli.console;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.tifli.domain.Role;

/**
 * Every page of the console, who may open it and whether the menu lists it: the one place to add a
 * page. {@link ConsoleAccess} refuses a page to anyone without one of its roles (403) and does not
 * serve a page under {@code /console/} that is missing here (404); {@link ConsoleMenu} lists the
 * pages marked {@link Menu#LISTED} to those who may open them, in the order they appear below.
 */
public enum ConsolePage {
  HOME("/console/index.xhtml", "menu.home", Menu.HIDDEN, Role.OFFICER, Role.SUPERVISOR, Role.ADMIN),
  DASHBOARD(
      "/console/dashboard.xhtml", "menu.dashboard", Menu.LISTED, Role.OFFICER, Role.SUPERVISOR),
  APPROVALS("/console/approvals.xhtml", "menu.approvals", Menu.LISTED, Role.SUPERVISOR),
  CASES("/console/cases.xhtml", "menu.cases", Menu.LISTED, Role.OFFICER, Role.SUPERVISOR),
  NEW_CASE("/console/case-new.xhtml", "menu.newCase", Menu.LISTED, Role.OFFICER),
  SIGHTINGS("/console/sightings.xhtml", "menu.sightings", Menu.LISTED, Role.OFFICER),
  ALERTS("/console/alerts.xhtml", "menu.alerts", Menu.LISTED, Role.SUPERVISOR),
  CASE("/console/case.xhtml", "menu.case", Menu.HIDDEN, Role.OFFICER, Role.SUPERVISOR),
  CASE_PHOTO("/console/photo", "menu.casePhoto", Menu.HIDDEN, Role.OFFICER, Role.SUPERVISOR),
  ALERT("/console/alert.xhtml", "menu.alert", Menu.HIDDEN, Role.OFFICER, Role.SUPERVISOR),
  USERS("/console/admin/users.xhtml", "menu.users", Menu.LISTED, Role.ADMIN),
  SERVICE_ACCOUNTS(
      "/console/admin/service-accounts.xhtml", "menu.serviceAccounts", Menu.LISTED, Role.ADMIN),
  CHANNELS("/console/admin/channels.xhtml", "menu.channels", Menu.LISTED, Role.ADMIN),
  MESSAGE_TEMPLATES(
      "/console/admin/message-templates.xhtml", "menu.messageTemplates", Menu.LISTED, Role.ADMIN);

  /** Whether the menu lists a page; pages reached from another page (a case, an alert) are not. */
  public enum Menu {
    LISTED,
    HIDDEN
  }

  private final String viewId;
  private final String labelKey;
  private final Menu menu;
  private final Set<Role> roles;

  ConsolePage(String viewId, String labelKey, Menu menu, Role... roles) {
    this.viewId = viewId;
    this.labelKey = labelKey;
    this.menu = menu;
    this.roles = EnumSet.copyOf(Arrays.asList(roles));
  }

  /** The page at a servlet path such as {@code /console/dashboard.xhtml}. */
  public static Optional<ConsolePage> at(String servletPath) {
    return Arrays.stream(values()).filter(page -> page.viewId.equals(servletPath)).findFirst();
  }

  /** The pages the menu lists for someone who holds the roles the predicate accepts. */
  public static List<ConsolePage> menuFor(Predicate<String> holdsRole) {
    return Arrays.stream(values())
        .filter(page -> page.menu == Menu.LISTED && page.allows(holdsRole))
        .toList();
  }

  /** Whether someone who holds the roles the predicate accepts (by group name) may open it. */
  public boolean allows(Predicate<String> holdsRole) {
    return roles.stream().map(Role::groupName).anyMatch(holdsRole);
  }

  /** The view id, which is also the servlet path: {@code /console/dashboard.xhtml}. */
  public String viewId() {
    return viewId;
  }

  /** The key in the {@code text} bundle of the page's name in the menu and its title. */
  public String labelKey() {
    return labelKey;
  }

  public Set<Role> roles() {
    return roles;
  }

  // Getters for Faces pages, which read bean properties.

  public String getViewId() {
    return viewId;
  }

  public String getLabelKey() {
    return labelKey;
  }
}
