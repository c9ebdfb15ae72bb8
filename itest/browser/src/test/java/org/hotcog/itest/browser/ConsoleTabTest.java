package org.hotcog.itest.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hotcog.itest.jar.HotcogProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web console's Hotcog tab in a real browser, on the jar in offline mode: an operator signs in,
 * installs the fixture module by uploading its jar from the tab, stops it and sees its command leave
 * the local Discord (the playground stops offering it), starts it again, updates and rolls it back,
 * reads the audit log and creates, uses and revokes an API token. The tests share one Hotcog; each
 * leaves the fixture active at its first version.
 */
class ConsoleTabTest {
    static final String CONSOLE_PASSWORD = "console-tab-test-password";
    static final String MODULE = "fixture";
    static final String SYMBOLIC_NAME = "org.hotcog.itest.browser.fixture";
    /** The fixture, and the same classes as version 0.2.0; the POM names both, as Maven builds them. */
    static final Path FIXTURE = Path.of(System.getProperty("fixture.bundle"));
    static final Path FIXTURE_NEXT = Path.of(System.getProperty("fixture.next.bundle"));
    static final String VERSION = "0.1.0.SNAPSHOT", NEXT_VERSION = "0.2.0";

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    static Path dir;
    static HotcogProcess hotcog;
    static HotcogTab tab;

    @BeforeAll
    static void installTheFixtureFromTheTab() throws Exception {
        hotcog = new HotcogProcess(dir).env("HOTCOG_CONSOLE_PASSWORD", CONSOLE_PASSWORD).startAndAwaitReady();
        tab = new HotcogTab(browser, new WebConsole(browser, hotcog.url(""), CONSOLE_PASSWORD)).open();
        assertThat(tab.install(FIXTURE)).isEqualTo("Installed fixture " + VERSION + ".");
        tab.awaitRow(MODULE, "its command", row -> row.commands().equals("/panel"));
    }

    @AfterAll
    static void keepTheTabAndStopHotcog() throws Exception {
        try {
            if (hotcog != null && tab != null) {
                // The tab as an operator last saw it, whole, for a look at its layout.
                tab.open();
                browser.await("the audit log drawn", d -> !tab.table("hotcog-audit").isEmpty());
                long height = (Long) browser.driver().executeScript("return document.documentElement.scrollHeight");
                browser.driver().manage().window().setSize(new Dimension(1280, (int) Math.min(height + 200, 4000)));
                Files.write(Path.of("target/ConsoleTabTest-hotcog-tab.png"),
                        browser.driver().getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            if (hotcog != null) {
                hotcog.close();
                Files.writeString(Path.of("target/ConsoleTabTest-hotcog.log"), hotcog.output());
            }
        }
    }

    @Test
    void stopAFeatureAndItsCommandLeavesDiscordThenStartIt() throws Exception {
        String console = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        String playgroundWindow = browser.driver().getWindowHandle();
        try {
            Playground playground = new Playground(browser, hotcog.url("")).open("alice", "bot-commands");
            playground.type("/p");
            assertThat(playground.awaitSuggestion("/panel")).anyMatch(s -> s.startsWith("/ping"));

            browser.driver().switchTo().window(console);
            tab.open();
            HotcogTab.ModuleRow active = tab.awaitState(MODULE, "active");
            assertThat(active.version()).startsWith(VERSION);
            assertThat(active.commands()).isEqualTo("/panel");
            assertThat(active.buttons()).contains("Stop", "Reload").doesNotContain("Start");

            tab.click(MODULE, "stop");
            assertThat(tab.awaitStatus("Stopped")).isEqualTo("Stopped fixture " + VERSION + ".");
            HotcogTab.ModuleRow stopped = tab.awaitState(MODULE, "stopped");
            assertThat(stopped.commands()).isEmpty();
            assertThat(stopped.buttons()).contains("Start").doesNotContain("Stop", "Reload");

            // The page the user still has open stops offering the command once the bot withdrew it.
            browser.driver().switchTo().window(playgroundWindow);
            browser.await("the playground offering /ping but no longer /panel", d -> {
                List<String> offered = d.findElements(By.cssSelector("#suggestions div")).stream()
                        .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
                return offered.stream().anyMatch(s -> s.startsWith("/ping"))
                        && offered.stream().noneMatch(s -> s.startsWith("/panel"));
            });
            assertThat(registeredCommands()).contains("ping", "help").doesNotContain("panel");

            browser.driver().switchTo().window(console);
            tab.click(MODULE, "start");
            assertThat(tab.awaitStatus("Started")).isEqualTo("Started fixture " + VERSION + ".");
            assertThat(tab.awaitState(MODULE, "active").commands()).isEqualTo("/panel");

            browser.driver().switchTo().window(playgroundWindow);
            playground.awaitSuggestion("/panel");
            assertThat(registeredCommands()).contains("panel");
            playground.send("/panel");
            assertThat(playground.awaitMessage("Panel for").getText()).contains("alice used /panel");
        } finally {
            browser.driver().switchTo().window(playgroundWindow).close();
            browser.driver().switchTo().window(console);
        }
    }

    @Test
    void updateAndRollBackFromTheTab() {
        tab.open();
        assertThat(tab.update(MODULE, FIXTURE_NEXT)).isEqualTo("Updated fixture to " + NEXT_VERSION + ".");
        HotcogTab.ModuleRow updated = tab.awaitRow(MODULE, "version " + NEXT_VERSION,
                row -> row.version().startsWith(NEXT_VERSION));
        assertThat(updated.version()).isEqualTo(NEXT_VERSION + "\nprevious " + VERSION);
        assertThat(updated.state()).isEqualTo("active");
        assertThat(updated.commands()).isEqualTo("/panel");
        assertThat(updated.buttons()).contains("Rollback");

        tab.click(MODULE, "rollback");
        assertThat(tab.confirm()).isEqualTo("Go back to version " + VERSION + "?");
        assertThat(tab.awaitStatus("Rolled back")).isEqualTo("Rolled back fixture to " + VERSION + ".");
        // A second rollback would go forward again: the version it left is kept.
        assertThat(tab.awaitRow(MODULE, "version " + VERSION, row -> row.version().startsWith(VERSION)).version())
                .isEqualTo(VERSION + "\nprevious " + NEXT_VERSION);
        assertThat(tab.awaitState(MODULE, "active").commands()).isEqualTo("/panel");
    }

    @Test
    void aJarThatIsNoBundleIsRefusedWithTheReason(@TempDir Path upload) throws Exception {
        Path broken = Files.writeString(upload.resolve("broken.jar"), "not a zip");
        tab.open();
        browser.driver().findElement(By.id("hotcog-install")).sendKeys(broken.toString());
        assertThat(tab.awaitStatus("failed"))
                .isEqualTo("Install broken.jar failed: the upload is not a jar (zip) file");
        assertThat(browser.driver().findElement(By.id("hotcog-status")).getDomAttribute("class")).isEqualTo("error");
    }

    @Test
    void theAuditLogShowsWhatTheOperatorDid() {
        tab.open();
        tab.click(MODULE, "reload");
        assertThat(tab.awaitStatus("Reloaded")).isEqualTo("Reloaded fixture " + VERSION + ".");
        List<List<String>> audit = browser.await("the reload in the audit log", d -> {
            List<List<String>> rows = tab.table("hotcog-audit");
            return rows.get(0).get(2).startsWith("reload ") ? rows : null;
        });
        // Newest first: When, Who, What, Result, Detail.
        assertThat(audit.get(0).subList(1, 4)).containsExactly("console:admin", "reload " + SYMBOLIC_NAME + " "
                + VERSION, "ok");
        assertThat(audit).anySatisfy(row -> assertThat(row.subList(1, 4)).containsExactly("console:admin",
                "install " + SYMBOLIC_NAME + " " + VERSION, "ok"));
    }

    @Test
    void createATokenForAGuildUseItAndRevokeIt() throws Exception {
        tab.open();
        // The demo guild's id, as the tab's guild table shows it, into the token form.
        List<String> guild = browser.await("the demo guild", d -> tab.table("hotcog-guilds").stream()
                .filter(row -> row.get(0).equals("Hotcog Demo")).findFirst().orElse(null));
        String guildId = guild.get(1);
        assertThat(guildId).isEqualTo(new ObjectMapper().readTree(hotcog.get("/playground/api/state").body())
                .path("guild").path("id").asText());

        WebElement form = browser.driver().findElement(By.id("hotcog-new-token"));
        form.findElement(By.name("name")).sendKeys("dashboard");
        new Select(form.findElement(By.name("role"))).selectByVisibleText("read-only");
        form.findElement(By.name("guilds")).sendKeys(guildId);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(tab.awaitStatus("Token")).isEqualTo("Token dashboard created.");
        String secret = browser.visible(By.cssSelector("#hotcog-secret code.secret")).getText();
        assertThat(browser.driver().findElement(By.id("hotcog-secret")).getText()).contains("not shown again");

        List<String> token = browser.await("the new token in the table", d -> tab.table("hotcog-tokens").stream()
                .filter(row -> row.get(0).equals("dashboard")).findFirst().orElse(null));
        // Name, Id, Role, Guilds, ...: the guild exactly as typed, all 19 digits.
        assertThat(token.subList(2, 4)).containsExactly("read-only", guildId);
        assertThat(String.join(" ", token)).doesNotContain(secret);

        // The secret works against the REST API, with the role the form gave it.
        HttpResponse<String> modules = withToken(secret, "GET", "/api/modules");
        assertThat(modules.statusCode()).isEqualTo(200);
        assertThat(modules.body()).contains("\"module\":\"fixture\"");
        assertThat(withToken(secret, "POST", "/api/modules/fixture/stop").statusCode()).isEqualTo(403);

        // Shown once: the page opened again does not have it.
        tab.open();
        browser.await("the tokens table", d -> !tab.table("hotcog-tokens").isEmpty());
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);

        tab.revokeToken("dashboard");
        assertThat(tab.confirm()).isEqualTo("Revoke the token \"dashboard\"?");
        assertThat(tab.awaitStatus("Revoked")).isEqualTo("Revoked token dashboard.");
        assertThat(withToken(secret, "GET", "/api/modules").statusCode()).isEqualTo(401);
        String id = token.get(1);
        List<List<String>> audit = browser.await("the revocation in the audit log", d -> {
            List<List<String>> rows = tab.table("hotcog-audit");
            return rows.get(0).get(2).startsWith("revoke token") ? rows : null;
        });
        // Newest first, Who, What and Result: the operator's two actions and, between them, the token's refused stop.
        assertThat(audit.subList(0, 3)).extracting(row -> row.subList(1, 4)).containsExactly(
                List.of("console:admin", "revoke token " + id, "ok"),
                List.of("token:dashboard (" + id + ")", "POST /api/modules/fixture/stop", "refused"),
                List.of("console:admin", "create token " + id + " \"dashboard\" read-only", "ok"));
    }

    /** The names of the slash commands the local Discord has registered for the bot. */
    private static List<String> registeredCommands() throws Exception {
        JsonNode state = new ObjectMapper().readTree(hotcog.get("/playground/api/state").body());
        List<String> names = new java.util.ArrayList<>();
        state.path("commands").forEach(command -> names.add(command.path("name").asText()));
        return names;
    }

    private static HttpResponse<String> withToken(String secret, String method, String path) throws Exception {
        return hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + secret).method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }
}
