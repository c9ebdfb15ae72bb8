package org.hotcog.itest.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for a test class: Debian's {@code /usr/bin/chromium} driven through
 * {@code /usr/bin/chromedriver} (both installed by {@code .ci/install-browser.sh}), with a fresh profile.
 * Register it on a static field; it starts before the class's {@code @BeforeAll} methods and quits
 * after its last test:
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 * }</pre>
 * When a test, or a {@code @BeforeAll}/{@code @BeforeEach} method, fails, the page as it was is kept
 * in {@code target/browser-failures}: a screenshot, its HTML and the browser's console log.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a page may take to show what a test waits for; the machine may be busy. */
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path FAILURES = Path.of(System.getProperty("browser.failures", "target/browser-failures"));
    /**
     * Selenium looks for DevTools bindings of the browser's version and warns that it has none; these
     * tests use WebDriver only. Held here because java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: run .ci/install-browser.sh (as root), "
                        + "which installs Debian's chromium and chromium-driver");
            }
        }
        profile = Files.createTempDirectory("hotcog-chromium-");
        // An explicit driver keeps Selenium Manager from looking for (and downloading) one. English in
        // UTC: dates and times that pages format are the same on every machine.
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "UTC")).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        // Without these, Chromium keeps calling Google's servers, which a closed network refuses.
        options.addArguments("--no-first-run", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteProfile();
        }
    }

    /** The Selenium driver, for what this class does not offer. */
    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Waits until the condition gives something other than null or false, and returns it. Elements
     * that a page re-renders while the condition runs are looked up again.
     */
    public <T> T await(String what, Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.apply((ChromeDriver) d));
    }

    /** Waits for a visible element. */
    public WebElement visible(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits for a visible element whose text contains {@code text}, and returns it. */
    public WebElement visible(By locator, String text) {
        return await("an element " + locator + " showing \"" + text + "\"", d -> d.findElements(locator).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    /**
     * Clicks the visible element whose text contains {@code text}; if the page redraws it between
     * finding and clicking, finds it again.
     */
    public void click(By locator, String text) {
        await("to click " + locator + " showing \"" + text + "\"", d -> {
            WebElement element = d.findElements(locator).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        keepPage(context);
        throw failure;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        keepPage(context);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        keepPage(context);
        throw failure;
    }

    /** Saves the page as it is now: NAME.png, NAME.html and NAME.log (the console) under target/browser-failures. */
    private void keepPage(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName()
                + context.getTestMethod().map(Method::getName).map(m -> "." + m).orElse("");
        try {
            Files.createDirectories(FAILURES);
            Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource());
            Files.writeString(FAILURES.resolve(name + ".log"), driver.manage().logs().get(LogType.BROWSER).getAll()
                    .stream().map(LogEntry::toString).collect(Collectors.joining("\n")));
            System.err.println("The browser's page when " + name + " failed: " + FAILURES.resolve(name + ".png"));
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep the browser's page of " + name + ": " + e);
        }
    }

    private void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
