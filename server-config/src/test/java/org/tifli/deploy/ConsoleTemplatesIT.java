package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Message templates administered in the console, in a real browser, against the shared server: an
 * administrator opens a template, edits it and sees each platform's preview follow, saves it (the
 * API then answers the new text), has a template the renderer refuses turned down beside the field
 * with nothing stored, and goes back to the shipped text; an Arabic template is edited and
 * previewed right to left.
 *
 * <p>The test edits the English update, which no other test's posts use, and puts the shipped one
 * back before it ends.
 */
class ConsoleTemplatesIT {

  private static final String TEMPLATE = "/templates/en/UPDATE";

  @RegisterExtension static final Browser browser = new Browser();

  private static Walk walk;

  @BeforeAll
  static void signInToTheApi() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void aTemplateIsEditedWithALivePreviewSavedAndResetToTheShippedText() {
    String shipped = walk.api.get(TEMPLATE, walk.admin).json().getString("shippedText");
    String marker = "console-" + UUID.randomUUID().toString().substring(0, 8);
    String edited = "NEW DETAILS " + marker + ": {name}, {age}, last seen at {place}.";
    try {
      ConsoleScreen templates = templatesPage().step("templates");
      ConsoleScreen opened = open("en-UPDATE").step("opened");
      assertThat(opened.text("editorTitle")).contains("English", "Update");
      assertThat(post("X")).doesNotContain(marker);

      typeDraft(edited);
      String preview = awaitPreview("FACEBOOK", marker);
      templates.step("previewed");

      assertThat(preview).contains("NEW DETAILS " + marker + ": ").doesNotContain("{name}");
      assertThat(post("X")).contains(marker);
      assertThat(post("TELEGRAM")).contains(marker);
      assertThat(walk.api.get(TEMPLATE, walk.admin).json().getString("text"))
          .as("a preview stores nothing")
          .isEqualTo(shipped);

      ConsoleScreen saved = templates.click("edit:save").step("saved");

      assertThat(saved.messages()).contains("The template en / UPDATE has been saved");
      JsonObject template = walk.api.get(TEMPLATE, walk.admin).json();
      assertThat(template.getString("text")).isEqualTo(edited);
      assertThat(template.getBoolean("edited")).isTrue();
      assertThat(template.getString("updatedBy")).isEqualTo("admin");
      assertThat(row("en-UPDATE").getText()).contains("Edited");
      assertThat(history()).last().isEqualTo("EDITED");

      typeDraft("NEW DETAILS {nickname} of {reference}");
      browser.until(d -> !fieldMessage().isEmpty());
      browser.settled();
      templates.step("refused-while-typing");
      ConsoleScreen refused = templates.click("edit:save").step("refused");

      assertThat(refused.fieldMessage("edit:text"))
          .startsWith("This template cannot be used, nothing was saved:")
          .contains("{nickname}", "{name} is missing");
      assertThat(browser.findAll(By.cssSelector("[data-post]"))).isEmpty();
      assertThat(walk.api.get(TEMPLATE, walk.admin).json().getString("text")).isEqualTo(edited);

      browser.find(By.id("edit:reset")).click();
      browser.find(By.id("edit:confirmYes")).click();
      ConsoleScreen reset = browser.settled().step("reset");

      assertThat(reset.messages())
          .contains("The template en / UPDATE is back to the shipped text.");
      JsonObject back = walk.api.get(TEMPLATE, walk.admin).json();
      assertThat(back.getBoolean("edited")).isFalse();
      assertThat(back.getString("text")).isEqualTo(shipped);
      assertThat(browser.find(By.id("edit:text")).getDomProperty("value")).isEqualTo(shipped);
      assertThat(post("FACEBOOK")).doesNotContain(marker);
      assertThat(history()).endsWith("EDITED", "RESET");
    } finally {
      walk.api.delete(TEMPLATE, walk.admin);
    }
  }

  @Test
  void anArabicTemplateIsWrittenAndPreviewedRightToLeft() {
    templatesPage();
    ConsoleScreen opened = open("ar-ALERT").step("arabic");

    assertThat(browser.find(By.id("edit:text")).getDomAttribute("dir")).isEqualTo("rtl");
    List<WebElement> posts = browser.findAll(By.cssSelector("[data-post]"));
    assertThat(posts).hasSize(5);
    assertThat(posts).allSatisfy(p -> assertThat(p.getDomAttribute("dir")).isEqualTo("rtl"));
    assertThat(opened.text("editorTitle")).contains("Arabic", "Alert");
    assertThat(browser.findAll(By.cssSelector("[data-platform]")))
        .extracting(e -> e.getDomAttribute("data-platform"))
        .containsExactly("FACEBOOK", "INSTAGRAM", "X", "TELEGRAM", "WEBHOOK");
  }

  private static ConsoleScreen templatesPage() {
    ConsoleScreen console =
        browser.signIn("admin", Walk.PASSWORD).openFromMenu("MESSAGE_TEMPLATES");
    assertThat(console.title()).isEqualTo("Message templates");
    return console;
  }

  /** Opens the template of the row marked {@code language-KIND}. */
  private static ConsoleScreen open(String template) {
    row(template).findElement(By.cssSelector("button[id$=':open']")).click();
    return browser.settled();
  }

  private static WebElement row(String template) {
    return browser
        .find(By.cssSelector("[data-template='" + template + "']"))
        .findElement(By.xpath("ancestor::tr"));
  }

  /**
   * Replaces the draft as someone typing would: the last keys go through the keyboard, so that the
   * page's own key handling asks for the preview.
   */
  private static void typeDraft(String text) {
    WebElement area = browser.find(By.id("edit:text"));
    area.clear();
    area.sendKeys(text);
  }

  /** Waits until the platform's preview shows the text, and returns that preview. */
  private static String awaitPreview(String platform, String expected) {
    return browser.until(
        d -> {
          try {
            List<WebElement> posts =
                d.findElements(By.cssSelector("[data-post='" + platform + "']"));
            return posts.isEmpty() || !posts.get(0).getText().contains(expected)
                ? null
                : posts.get(0).getText();
          } catch (StaleElementReferenceException replaced) {
            // The preview was drawn again while it was being read.
            return null;
          }
        });
  }

  private static String post(String platform) {
    return browser.find(By.cssSelector("[data-post='" + platform + "']")).getText();
  }

  private static String fieldMessage() {
    try {
      return browser.find(By.id("edit:textMessage")).getText().strip();
    } catch (StaleElementReferenceException replaced) {
      return "";
    }
  }

  /** The actions of the open template's history, oldest first. */
  private static List<String> history() {
    return browser.findAll(By.cssSelector("#history [data-action]")).stream()
        .map(e -> e.getDomAttribute("data-action"))
        .toList();
  }
}
