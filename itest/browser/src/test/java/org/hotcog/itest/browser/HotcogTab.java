package org.hotcog.itest.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console's Hotcog tab (/system/console/hotcog) as an operator uses it: modules in rows
 * ({@code tr[data-module=...]}) with their action buttons and update input, the install input, the
 * token form, the audit log, and the status line that says how the last action went. The page
 * redraws its tables every few seconds, so every look goes through {@link Browser#await}.
 */
final class HotcogTab {
    private static final By STATUS = By.id("hotcog-status");
    /** The cells of a module's row, in the order of the table's header. */
    private static final int VERSION = 1, STATE = 2, COMMANDS = 3;

    private final Browser browser;
    private final WebConsole console;

    HotcogTab(Browser browser, WebConsole console) {
        this.browser = browser;
        this.console = console;
    }

    /** Opens the tab and waits until it has drawn its modules table. */
    HotcogTab open() {
        console.open("/hotcog");
        browser.visible(By.cssSelector("#hotcog-modules tbody tr"));
        return this;
    }

    /** Uploads a jar through the tab's "Install a module" input and waits for the status line to say so. */
    String install(Path jar) {
        browser.driver().findElement(By.id("hotcog-install")).sendKeys(jar.toAbsolutePath().toString());
        return awaitStatus("Installed ");
    }

    /** Uploads a jar through the module's own update input and waits for the status line to say so. */
    String update(String module, Path jar) {
        browser.await("the update input of " + module, d -> {
            row(module).findElement(By.cssSelector("input[type=file]")).sendKeys(jar.toAbsolutePath().toString());
            return true;
        });
        return awaitStatus("Updated " + module);
    }

    /** Clicks a module's action button: {@code stop}, {@code start}, {@code reload}, {@code rollback}, ... */
    void click(String module, String action) {
        By button = By.cssSelector("tr[data-module='" + module + "'] button[data-action$='/" + action + "']");
        browser.await("the " + action + " button of " + module, d -> {
            d.findElement(button).click();
            return true;
        });
    }

    /** Clicks the Revoke button of the API token with that name. */
    void revokeToken(String name) {
        browser.await("the Revoke button of the token " + name, d -> {
            WebElement row = d.findElements(By.cssSelector("#hotcog-tokens tbody tr")).stream()
                    .filter(tr -> tr.findElement(By.tagName("td")).getText().equals(name)).findFirst().orElse(null);
            if (row == null) {
                return false;
            }
            row.findElement(By.cssSelector("button[data-action$='/revoke']")).click();
            return true;
        });
    }

    /** Waits for the question the page asks before an action that is hard to undo, accepts it, and returns it. */
    String confirm() {
        Alert question = new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent());
        String text = question.getText();
        question.accept();
        return text;
    }

    /** Waits until the status line shows {@code text} and returns the whole line. */
    String awaitStatus(String text) {
        return browser.visible(STATUS, text).getText();
    }

    /** The module's row. */
    WebElement row(String module) {
        return browser.driver().findElement(By.cssSelector("tr[data-module='" + module + "']"));
    }

    /** Waits until the module's row shows the state, and returns what the row shows. */
    ModuleRow awaitState(String module, String state) {
        return awaitRow(module, "state " + state, shown -> shown.state().equals(state));
    }

    /** Waits until the module's row is drawn and matches the condition, and returns what it shows. */
    ModuleRow awaitRow(String module, String what, Predicate<ModuleRow> condition) {
        return browser.await(module + " with " + what + " in the Hotcog tab", d -> {
            WebElement row = row(module);
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            ModuleRow shown = new ModuleRow(cells.get(VERSION), cells.get(STATE), cells.get(COMMANDS),
                    row.findElements(By.cssSelector("button[data-action]")).stream().map(WebElement::getText).toList());
            return condition.test(shown) ? shown : null;
        });
    }

    /** What a module's row shows: the version cell (with the previous version, if any), state, commands, buttons. */
    record ModuleRow(String version, String state, String commands, List<String> buttons) {
    }

    /** The texts of a table's cells, row by row. */
    List<List<String>> table(String id) {
        return browser.await("the table " + id, d -> d.findElements(By.cssSelector("#" + id + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList());
    }
}
