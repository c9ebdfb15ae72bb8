package org.hotcog.itest.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hotcog.itest.jar.HotcogProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The playground in a real browser, on the jar in offline mode: a person picks a user, types slash
 * commands with autocomplete, and sees replies, embeds and buttons rendered and clickable. The
 * fixture module (this module's src/main/java), installed through the web console, adds a command
 * with buttons and a form. The tests share one Hotcog; each works as its own user or tells its
 * messages apart by their text.
 */
class PlaygroundTest {
    static final String CONSOLE_PASSWORD = "browser-test-console-password";
    /** The fixture bundle; the POM names it, as Maven builds it before the tests. */
    static final Path FIXTURE = Path.of(System.getProperty("fixture.bundle"));

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    static Path dir;
    static HotcogProcess hotcog;

    @BeforeAll
    static void startHotcogWithTheFixture() throws Exception {
        hotcog = new HotcogProcess(dir).env("HOTCOG_CONSOLE_PASSWORD", CONSOLE_PASSWORD).startAndAwaitReady();
        new WebConsole(browser, hotcog.url(""), CONSOLE_PASSWORD).install(FIXTURE, "org.hotcog.itest.browser.fixture");
        // The module's command reaches the local Discord with the next command sync.
        Playground playground = playground("alice", "general").type("/pan");
        playground.awaitSuggestion("/panel");
    }

    @AfterAll
    static void stopHotcog() throws Exception {
        if (hotcog != null) {
            hotcog.close();
            // Its log outlives the temporary folder, for a look after a failure.
            Files.writeString(Path.of("target/PlaygroundTest-hotcog.log"), hotcog.output());
        }
    }

    static Playground playground(String user, String channel) {
        return new Playground(browser, hotcog.url("")).open(user, channel);
    }

    @Test
    void slashCommandWithAnAutocompletedOption() {
        Playground playground = playground("alice", "general");
        playground.type("/he");
        assertThat(playground.awaitSuggestion("/help")).noneMatch(s -> s.startsWith("/ping"));
        playground.type(Keys.TAB, "mo");
        playground.awaitSuggestion("module:");
        playground.type(Keys.TAB);
        // The choices come from the bot's autocomplete handler: the modules with commands, filtered by what is typed.
        assertThat(playground.awaitSuggestion("core")).contains("fixture");
        playground.type("co");
        assertThat(playground.awaitSuggestion("core")).doesNotContain("fixture");
        playground.type(Keys.TAB);
        assertThat(playground.input().getDomProperty("value")).isEqualTo("/help module:core ");
        playground.type(Keys.ENTER);

        WebElement help = playground.awaitMessage("only you can see this");
        assertThat(help.findElement(By.cssSelector(".used-by")).getText()).isEqualTo("alice used /help");
        WebElement embed = help.findElement(By.cssSelector(".embed"));
        assertThat(embed.findElement(By.cssSelector(".title")).getText()).isEqualTo("Commands");
        assertThat(embed.findElements(By.cssSelector(".field .name"))).extracting(WebElement::getText)
                .containsExactly("core");
        assertThat(embed.findElements(By.cssSelector(".field code"))).extracting(WebElement::getText)
                .contains("/ping", "/help", "/about").doesNotContain("/panel");
    }

    @Test
    void anUnknownCommandIsNamedAndNotSent() {
        Playground playground = playground("alice", "bot-commands");
        playground.type("/nosuch", Keys.ENTER);
        assertThat(browser.visible(By.id("status"), "No command /nosuch").getText()).isEqualTo("No command /nosuch");
        playground.type(Keys.chord(Keys.CONTROL, "a"), "/help nosuch", Keys.ENTER);
        browser.visible(By.id("status"), "/help has no subcommand nosuch");
        assertThat(playground.input().getDomProperty("value")).isEqualTo("/help nosuch");
    }

    @Test
    void pingAndAboutAnswerForEveryoneInTheChannel() {
        Playground playground = playground("mod-mia", "bot-commands");
        playground.send("/ping");
        WebElement pong = playground.awaitMessage("Pong! Gateway");
        assertThat(pong.getText()).doesNotContain("only you can see this").contains("hotcog-bot");
        assertThat(pong.findElement(By.cssSelector(".used-by")).getText()).isEqualTo("mod-mia used /ping");

        playground.send("/about");
        WebElement about = playground.awaitMessage("Uptime");
        assertThat(about.findElement(By.cssSelector(".embed .title")).getText()).startsWith("Hotcog ");
        assertThat(about.findElements(By.cssSelector(".field .name"))).extracting(WebElement::getText)
                .containsExactly("Uptime", "Guilds", "Modules");
        // Feature modules by name, once each: the fixture installed through the console, and those the
        // runtime ships (a list that grows with the runtime, hence not compared exactly).
        assertThat(about.findElements(By.cssSelector(".field code"))).extracting(WebElement::getText)
                .contains("fixture", "economy", "levels", "moderation", "tickets").doesNotHaveDuplicates()
                .noneMatch(name -> name.startsWith("org.") || name.equals("core"));

        playground("alice", "bot-commands").awaitMessage("Pong! Gateway");
    }

    @Test
    void buttonsAndAFormOfAFeatureModule() {
        Playground playground = playground("hotcog-demo-owner", "general");
        playground.send("/panel");
        WebElement panel = playground.awaitMessage("Panel for");
        // Markdown, mentions and a timestamp as Discord shows them (the browser runs in UTC).
        assertThat(panel.findElement(By.cssSelector(":scope > .content")).getText()).isEqualTo(
                "Panel for @hotcog-demo-owner in #general, made November 14, 2023: press the button or ignore it"
                        + " leave a note.");
        assertThat(text(panel, ":scope > .content > strong")).containsExactly("Panel");
        assertThat(text(panel, ":scope > .content > .mention")).containsExactly("@hotcog-demo-owner", "#general");
        assertThat(text(panel, ":scope > .content > time")).containsExactly("November 14, 2023");
        assertThat(text(panel, ":scope > .content > u")).containsExactly("press");
        assertThat(text(panel, ":scope > .content > s")).containsExactly("ignore it");
        assertThat(text(panel, ":scope > .content > em")).containsExactly("note");
        WebElement embed = panel.findElement(By.cssSelector(".embed"));
        assertThat(text(embed, ".content > code")).containsExactly("/panel");
        assertThat(text(embed, "pre > code")).containsExactly("buttons:\n  press, note");
        WebElement docs = embed.findElement(By.cssSelector("a"));
        assertThat(docs.getText()).isEqualTo("the docs");
        assertThat(docs.getDomProperty("href")).isEqualTo("https://hotcog.org/docs");
        assertThat(text(embed, ".field em")).containsExactly("not yet");

        playground.click("Press");
        playground.awaitMessage("Pressed 1 times");
        playground.click("Press");
        assertThat(text(playground.awaitMessage("Pressed 2 times"), ".content > strong")).containsExactly("2");

        playground.click("Leave a note");
        WebElement form = browser.visible(By.id("modal"));
        assertThat(form.findElement(By.id("modal-title")).getText()).isEqualTo("Leave a note");
        assertThat(form.findElement(By.tagName("label")).getText()).isEqualToIgnoringCase("Your note");
        form.findElement(By.name("note")).sendKeys("Looks **good**");
        form.findElement(By.cssSelector("button[value=submit]")).click();
        WebElement note = playground.awaitMessage("Note from");
        assertThat(note.findElement(By.cssSelector(".content")).getText())
                .isEqualTo("Note from @hotcog-demo-owner: Looks good");
        assertThat(text(note, ".content > strong")).containsExactly("good");
    }

    @Test
    void ephemeralAnswersStandInTimeOrderAmongChannelMessages() {
        String marker = "ordering-" + System.nanoTime();
        Playground alice = playground("alice", "bot-commands");
        alice.send("before " + marker);
        alice.awaitMessage("before " + marker);
        alice.send("/help");
        alice.awaitMessage("only you can see this");
        alice.send("after " + marker);
        alice.awaitMessage("after " + marker);

        List<String> seen = alice.messageTexts();
        List<String> between = between(seen, "before " + marker, "after " + marker);
        assertThat(between).hasSize(1);
        assertThat(between.get(0)).contains("only you can see this", "Commands");

        Playground mia = playground("mod-mia", "bot-commands");
        mia.awaitMessage("after " + marker);
        assertThat(between(mia.messageTexts(), "before " + marker, "after " + marker)).isEmpty();
    }

    @Test
    void messagesShowMarkdownAndNeverRunTheirHtml() {
        String marker = "markup-" + System.nanoTime();
        Playground playground = playground("mod-mia", "general");
        playground.send(marker + " <img src=x onerror=\"document.title='injected'\"><script>document.title='injected'"
                + "</script> **bold** *slanted* `a<b` [site](https://hotcog.org) [bad](javascript:alert(1))");
        WebElement message = playground.awaitMessage(marker);

        assertThat(message.findElement(By.cssSelector(".content")).getText()).isEqualTo(marker
                + " <img src=x onerror=\"document.title='injected'\"><script>document.title='injected'</script>"
                + " bold slanted a<b site [bad](javascript:alert(1))");
        assertThat(message.findElements(By.cssSelector("img, script"))).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Hotcog playground");
        assertThat(text(message, "strong")).containsExactly("bold");
        assertThat(text(message, "em")).containsExactly("slanted");
        assertThat(text(message, "code")).containsExactly("a<b");
        assertThat(message.findElements(By.tagName("a"))).extracting(a -> a.getDomProperty("href"))
                .containsExactly("https://hotcog.org/");
    }

    @Test
    void markdownAsDiscordReadsIt() throws Exception {
        String marker = "discord-" + System.nanoTime();
        String moderators = new ObjectMapper().readTree(hotcog.get("/playground/api/state").body()).path("roles")
                .properties().stream().filter(role -> role.getValue().asText().equals("Moderators"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Playground playground = playground("alice", "bot-commands");
        playground.send(marker + " ***both*** \\*plain\\* snake_case_name _slanted_ ||hidden|| <@&" + moderators
                + "> <@1> <t:1700000000:t> <t:1700000000:F> ``a`b``");
        WebElement message = playground.awaitMessage(marker);

        assertThat(message.findElement(By.cssSelector(".content")).getText()).isEqualTo(marker
                + " both *plain* snake_case_name slanted hidden @Moderators @unknown-user 10:13 PM"
                + " Tuesday, November 14, 2023 at 10:13 PM a`b");
        assertThat(text(message, "strong > em, em > strong")).containsExactly("both");
        assertThat(text(message, ".content > em")).containsExactly("slanted");
        assertThat(text(message, ".spoiler")).containsExactly("hidden");
        assertThat(text(message, ".mention")).containsExactly("@Moderators", "@unknown-user");
        assertThat(text(message, "code")).containsExactly("a`b");
    }

    private static List<String> text(WebElement scope, String css) {
        return scope.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The messages strictly between the one showing {@code first} and the one showing {@code last}. */
    private static List<String> between(List<String> messages, String first, String last) {
        int from = indexOf(messages, first), to = indexOf(messages, last);
        assertThat(from).as("position of \"%s\" before \"%s\" in %s", first, last, messages).isLessThan(to);
        return messages.subList(from + 1, to);
    }

    private static int indexOf(List<String> messages, String text) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no message shows \"" + text + "\" in " + messages);
    }
}
