package org.tifli.deploy;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Any page of the console as a user sees it, in the page-object style: what the layout shows
 * everywhere (title, menu, language, messages) and the actions it offers everywhere (follow the
 * menu, switch language, sign out), found by ids and {@code data-*} attributes rather than by
 * words, so that tests read the same in every language. A test of a particular screen finds that
 * screen's fields by their ids ({@link #type}, {@link #click}, {@link #text}).
 */
final class ConsoleScreen {

  private final Browser browser;

  ConsoleScreen(Browser browser) {
    this.browser = browser;
  }

  /** Fills the login form and sends it. */
  ConsoleScreen signIn(String username, String password) {
    type("login:username", username);
    type("login:password", password);
    return clickAndLoad("login:signIn");
  }

  /** The page's heading. */
  String title() {
    return browser.find(By.id("title")).getText().strip();
  }

  /** The path of the page shown, from the context root: {@code /console/dashboard.xhtml}. */
  String path() {
    String url = browser.driver().getCurrentUrl();
    String path = url.substring(browser.appUrl().length());
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** {@code rtl} or {@code ltr}, from the page's {@code html} element. */
  String direction() {
    return browser.find(By.tagName("html")).getDomAttribute("dir");
  }

  String language() {
    return browser.find(By.tagName("html")).getDomAttribute("lang");
  }

  /** The pages of the menu, by their names in {@code ConsolePage} (DASHBOARD, CASES, ...). */
  List<String> menu() {
    return browser.findAll(By.cssSelector("#menu a[data-page]")).stream()
        .map(a -> a.getDomAttribute("data-page"))
        .toList();
  }

  /** Follows the menu entry of the page, named as in {@code ConsolePage}. */
  ConsoleScreen openFromMenu(String page) {
    return browser.loading(
        () -> browser.find(By.cssSelector("#menu a[data-page='" + page + "']")).click());
  }

  /** Switches the console to {@code ar}, {@code fr} or {@code en}. */
  ConsoleScreen switchLanguage(String code) {
    return browser.loading(
        () -> browser.find(By.cssSelector("#languages a[data-lang='" + code + "']")).click());
  }

  ConsoleScreen signOut() {
    return clickAndLoad("session:signOut");
  }

  /** The signed-in user's name, shown beside the sign-out button. */
  String user() {
    return browser.find(By.id("user")).getText().strip();
  }

  /** The page's messages (successes, warnings, errors not tied to one field). */
  String messages() {
    return browser.find(By.id("messages")).getText().strip();
  }

  /** The validation message of a field laid out with {@code t:field}. */
  String fieldMessage(String inputId) {
    return browser.find(By.id(inputId + "Message")).getText().strip();
  }

  /** Replaces the text of an input. */
  ConsoleScreen type(String id, String text) {
    WebElement input = browser.find(By.id(id));
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** Clicks a link or a button that loads another page, and waits for that page. */
  ConsoleScreen clickAndLoad(String id) {
    return browser.loading(() -> browser.find(By.id(id)).click());
  }

  /** Clicks the element (an Ajax button, a tab) and waits until its Ajax request is over. */
  ConsoleScreen click(String id) {
    browser.find(By.id(id)).click();
    return browser.settled();
  }

  String text(String id) {
    return browser.find(By.id(id)).getText().strip();
  }

  boolean has(By by) {
    return !browser.findAll(by).isEmpty();
  }

  /** Keeps a screenshot as the test's next step; see {@link Browser#step}. */
  ConsoleScreen step(String name) {
    browser.step(name);
    return this;
  }
}
