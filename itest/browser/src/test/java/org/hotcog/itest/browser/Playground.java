package org.hotcog.itest.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The playground page (/playground) as a person uses it: pick a user and a channel, type, click. */
final class Playground {
    private static final By MESSAGES = By.cssSelector("#messages .message");
    private static final By SUGGESTIONS = By.cssSelector("#suggestions div");

    private final Browser browser;
    private final String url;

    Playground(Browser browser, String baseUrl) {
        this.browser = browser;
        this.url = baseUrl + "/playground";
    }

    /** Opens the page as the user in the channel. */
    Playground open(String user, String channel) {
        browser.open(url);
        browser.await("the demo guild's users", d -> new Select(d.findElement(By.id("user"))).getOptions().size() > 1);
        new Select(browser.driver().findElement(By.id("user"))).selectByVisibleText(user);
        browser.click(By.cssSelector("#channels button"), "# " + channel);
        browser.visible(By.cssSelector("#channels button.active"), "# " + channel);
        return this;
    }

    /** Clicks a button of a message. */
    Playground click(String label) {
        browser.click(By.cssSelector("#messages .row button"), label);
        return this;
    }

    WebElement input() {
        return browser.driver().findElement(By.id("input"));
    }

    /** Types into the composer, as keys. */
    Playground type(CharSequence... keys) {
        input().sendKeys(keys);
        return this;
    }

    /** Waits until the suggestion list offers an entry starting with {@code label}, and returns the labels. */
    List<String> awaitSuggestion(String label) {
        return browser.await("a suggestion \"" + label + "\"", d -> {
            List<String> labels = d.findElements(SUGGESTIONS).stream().filter(WebElement::isDisplayed)
                    .map(WebElement::getText).toList();
            return labels.stream().anyMatch(l -> l.startsWith(label)) ? labels : null;
        });
    }

    /** Types a whole line and sends it. */
    Playground send(String line) {
        input().clear();
        type(line, Keys.ENTER);
        browser.await("the composer to empty after sending", d -> input().getAttribute("value").isEmpty());
        return this;
    }

    /** The messages shown, oldest first. */
    List<WebElement> messages() {
        return browser.driver().findElements(MESSAGES);
    }

    /** Waits for a message showing {@code text} and returns it. */
    WebElement awaitMessage(String text) {
        return browser.visible(MESSAGES, text);
    }

    /** The texts of the messages shown, oldest first. */
    List<String> messageTexts() {
        return browser.await("the messages", d -> messages().stream().map(WebElement::getText).toList());
    }
}
