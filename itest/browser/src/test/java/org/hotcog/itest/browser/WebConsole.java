package org.hotcog.itest.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Felix Web Console of a running Hotcog, used in the browser as an operator uses it: signed in
 * with HTTP Basic as {@code admin}, bundles installed with the bundles page's upload form.
 */
public final class WebConsole {
    static final String USER = "admin";
    private static final By BUNDLE_ROWS = By.cssSelector("#plugin_table tbody tr");

    private final Browser browser;
    private final String baseUrl;
    private final String password;

    /**
     * @param baseUrl where Hotcog's HTTP server listens, e.g. {@code http://127.0.0.1:8080}
     * @param password the console password ({@code HOTCOG_CONSOLE_PASSWORD} or {@code data/console-password})
     */
    public WebConsole(Browser browser, String baseUrl, String password) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.password = password;
    }

    /**
     * Opens a console page. The first visit carries the credentials in the address, which Chromium
     * turns into a Basic authorization it keeps for the page's own requests.
     */
    public void open(String path) {
        browser.open(baseUrl.replaceFirst("://", "://" + USER + ":" + URLEncoder.encode(password,
                StandardCharsets.UTF_8) + "@") + "/system/console" + path);
    }

    /** Opens the bundles page and waits for its list. */
    public void openBundles() {
        open("/bundles");
        browser.visible(BUNDLE_ROWS);
    }

    /**
     * Installs and starts a bundle jar through the bundles page's "Install/Update..." dialog, and
     * waits until the page lists it as active.
     */
    public void install(Path bundle, String symbolicName) {
        openBundles();
        browser.visible(By.cssSelector("button.installButton")).click();
        WebElement dialog = browser.visible(By.id("uploadDialog"));
        check(dialog.findElement(By.name("bundlestart")));
        check(dialog.findElement(By.name("refreshPackages")));
        dialog.findElement(By.name("bundlefile")).sendKeys(bundle.toAbsolutePath().toString());
        browser.visible(By.xpath("//div[contains(@class,'ui-dialog')]//button[normalize-space()='Install or Update']"))
                .click();
        awaitState(symbolicName, "Active");
    }

    /** Reloads the bundles page until the bundle's row shows the state. */
    public void awaitState(String symbolicName, String state) {
        browser.await("bundle " + symbolicName + " " + state + " in the console", driver -> {
            openBundles();
            return driver.findElements(BUNDLE_ROWS).stream()
                    .filter(row -> row.findElements(By.cssSelector(".symName")).stream()
                            .anyMatch(name -> name.getText().equals(symbolicName)))
                    .anyMatch(row -> row.findElements(By.tagName("td")).get(4).getText().equals(state));
        });
    }

    private static void check(WebElement checkbox) {
        if (!checkbox.isSelected()) {
            checkbox.click();
        }
    }
}
