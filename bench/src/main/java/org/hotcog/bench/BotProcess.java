package org.hotcog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hotcog.emulator.LocalDiscord;

/**
 * The bot under test, a separate JVM whose output goes to a log file. Extra JVM options for it come from the
 * environment variable {@code BOT_JAVA_OPTS} (e.g. a flight recording), the same for either bot.
 */
final class BotProcess implements AutoCloseable {
    /** Relative to the repository's root, where interactions.sh runs; another build's jar from the variable JAR. */
    private static final Path HOTCOG_JAR = Path.of(System.getenv().getOrDefault("JAR", "target/hotcog.jar"));
    /** The /pong feature bundle Hotcog starts with. */
    static final Path PONG_BUNDLE = Path.of("bench/target/bench-pong.jar");
    private static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** The unit of utime and stime in /proc/PID/stat: USER_HZ, 100 on every Linux architecture Java runs on. */
    private static final long NANOS_PER_CLOCK_TICK = 10_000_000;

    private final String name;
    private final Process process;
    private final Path log;
    /** Hotcog's web console, logged in; null for the baseline, which has none. */
    private WebConsole console;
    /** Hotcog's REST API ({@code http://127.0.0.1:PORT/api/}) and data folder; null for the baseline. */
    private URI api;
    private Path data;

    private BotProcess(String name, ProcessBuilder builder, Path log) throws IOException {
        this.name = name;
        this.log = log;
        this.process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts {@link JdaBaselineBot} on this JVM's class path. */
    static BotProcess baseline(LocalDiscord discord, Path work) throws IOException {
        List<String> command = javaCommand();
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JdaBaselineBot.class.getName(),
                discord.botToken(), discord.restUrl(), discord.gatewayUrl()));
        return new BotProcess("baseline", new ProcessBuilder(command), work.resolve("baseline.log"));
    }

    /**
     * Starts {@code target/hotcog.jar} connected to the local Discord and installs the /pong bundle. The modules
     * named in the environment variable {@code STOP_MODULES} (e.g. {@code "ai economy"}) are stopped first, by a
     * start of their own on the same data folder, so that the measured bot starts without them, and with only the
     * gateway intents the remaining modules need.
     */
    static BotProcess hotcog(LocalDiscord discord, Path work) throws Exception {
        List<String> stopped = Arrays.stream(System.getenv().getOrDefault("STOP_MODULES", "").trim().split("\\s+"))
                .filter(module -> !module.isEmpty()).toList();
        if (!stopped.isEmpty()) {
            try (BotProcess preparation = startHotcog(discord, work)) {
                for (String module : stopped) {
                    preparation.post("modules/" + module + "/stop");
                }
            }
        }
        BotProcess bot = startHotcog(discord, work);
        try {
            bot.console.upload(PONG_BUNDLE);
            return bot;
        } catch (Exception | AssertionError e) {
            bot.close();
            throw e;
        }
    }

    private static BotProcess startHotcog(LocalDiscord discord, Path work) throws Exception {
        List<String> command = javaCommand();
        command.addAll(List.of("-jar", HOTCOG_JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path data = work.resolve("data");
        int httpPort = freePort();
        builder.environment().putAll(Map.of(
                "HOTCOG_DISCORD_TOKEN", discord.botToken(),
                "HOTCOG_DISCORD_API_URL", discord.restUrl(),
                "HOTCOG_DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                "HOTCOG_DATA_DIR", data.toString(),
                "HOTCOG_HTTP_PORT", Integer.toString(httpPort)));
        BotProcess bot = new BotProcess("hotcog", builder, work.resolve("hotcog.log"));
        try {
            WebConsole console = new WebConsole(URI.create("http://127.0.0.1:" + httpPort),
                    data.resolve("console-password"));
            bot.awaitUntil(console::healthy, "GET /api/health answering 200");
            bot.console = console;
            bot.api = URI.create("http://127.0.0.1:" + httpPort + "/api/");
            bot.data = data;
            return bot;
        } catch (Exception | AssertionError e) {
            bot.close();
            throw e;
        }
    }

    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault("BOT_JAVA_OPTS", "").trim();
        if (!options.isEmpty()) {
            command.addAll(Arrays.asList(options.split("\\s+")));
        }
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    interface Check {
        boolean done() throws Exception;
    }

    /** Polls until the check passes; fails with the bot's log if the bot exits or the wait runs out. */
    void awaitUntil(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!check.done()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " from the " + name + " bot within " + START_WAIT
                        + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + "; its log "
                        + log + ":\n" + logTail());
            }
            Thread.sleep(100);
        }
    }

    /** Hotcog's web console, to install or update bundles in the running bot. */
    WebConsole console() {
        if (console == null) {
            throw new IllegalStateException("the " + name + " bot has no web console");
        }
        return console;
    }

    /** Hotcog's REST API base, {@code http://127.0.0.1:PORT/api/}. */
    URI api() {
        return api;
    }

    /** A POST to Hotcog's REST API with the admin token; fails unless it answers 200. */
    private void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve(path))
                .header("Authorization", "Bearer " + adminToken()).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** The admin token Hotcog's first start wrote into its data folder. */
    String adminToken() throws IOException {
        return Files.readString(data.resolve("admin-token")).strip();
    }

    /** Resident memory of the bot now, in bytes (VmRSS of /proc/PID/status). */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            throw new IllegalStateException("no VmRSS for the " + name + " bot");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of the " + name + " bot", e);
        }
    }

    /** Output of a {@code jcmd} diagnostic command on the bot, such as {@code GC.heap_info}. */
    String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the bot has used so far, user and system, all threads (utime + stime of /proc/PID/stat). */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_CLOCK_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of the " + name + " bot", e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the bot as an operator would (SIGTERM, its shutdown hooks run); kills it only if that hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            System.err.println("the " + name + " bot did not stop within " + STOP_WAIT + "; killing it");
            process.destroyForcibly().waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
