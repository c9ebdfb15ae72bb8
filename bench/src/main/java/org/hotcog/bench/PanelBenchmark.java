package org.hotcog.bench;

import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;

/**
 * Live status messages at scale: {@code target/hotcog.jar} in a process of its own, two local panels with SERVERS
 * servers between them (all running, Wings stats every second), a live status message for each. While the clock
 * runs, every server's CPU wanders around its level each second (by less than the 10 % threshold), the level of a few
 * servers jumps by 40 %
 * every 10 s and two change state every 30 s. Reported: Discord edits a minute against the changes made, the most
 * edits of one message a minute (the budget allows 12), panel requests a minute per key (the panel allows 240), the
 * bot's CPU, its resident memory, its heap and the part of the heap that the Pterodactyl module's own objects take.
 *
 * <p>Usage: {@code PanelBenchmark WORK_DIR} from the repository's root (see bench/ptero.sh); environment: SERVERS
 * (200), MINUTES (3).
 */
public final class PanelBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Settling after the messages are posted: the first edits of each message, sockets authenticating. */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private PanelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = InteractionBenchmark.positiveFromEnv("SERVERS", 200);
        int minutes = InteractionBenchmark.positiveFromEnv("MINUTES", 3);
        try (LocalDiscord discord = LocalDiscord.start(); LocalPanel first = LocalPanel.start();
                LocalPanel second = LocalPanel.start()) {
            Guild guild = discord.createGuild("Bench guild");
            TextChannel general = guild.createTextChannel("general");
            TextChannel status = guild.createTextChannel("status");
            User owner = guild.owner();
            List<PanelServer> servers = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            String[] keys = new String[2];
            LocalPanel[] panels = { first, second };
            for (int p = 0; p < 2; p++) {
                List<PanelServer> mine = new ArrayList<>();
                for (int i = 0; i < count / 2; i++) {
                    PanelServer server = panels[p].addServer("Server " + p + "-" + i, ServerLimits.of(4096, 20480, 200));
                    server.setState(PowerState.RUNNING);
                    server.setUsage(100, 1L << 30, 1L << 30);
                    mine.add(server);
                    refs.add("p" + p + "/" + server.identifier());
                }
                keys[p] = panels[p].createClientKey(mine.toArray(PanelServer[]::new));
                servers.addAll(mine);
            }
            try (BotProcess bot = BotProcess.hotcog(discord, Path.of(args[0]))) {
                bot.awaitUntil(() -> discord.registeredCommands().stream().anyMatch(c -> c.name().equals("server")),
                        "/server registered");
                // the core reconnects once the modules' intents are known: interactions of the first session then
                // fail; wait until no new session has come for a few seconds
                int sessions = discord.identifies();
                long quietSince = System.nanoTime();
                while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                    Thread.sleep(200);
                    if (discord.identifies() != sessions) {
                        sessions = discord.identifies();
                        quietSince = System.nanoTime();
                    }
                }
                HttpClient http = HttpClient.newHttpClient();
                for (int p = 0; p < 2; p++) {
                    HttpResponse<String> put = http.send(HttpRequest.newBuilder(bot.api().resolve("pterodactyl/"
                            + guild.id() + "/panels/p" + p)).header("Authorization", "Bearer " + bot.adminToken())
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                                    "{\"url\": \"" + panels[p].url() + "\", \"clientKey\": \"" + keys[p] + "\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (put.statusCode() != 201) {
                        throw new AssertionError("panel p" + p + " not configured: " + put.statusCode());
                    }
                }
                bot.awaitUntil(() -> !discord.command(owner, general, "server").subcommand("status")
                        .option("server", refs.get(refs.size() - 1)).send().awaitReply(WAIT).embeds().isEmpty(),
                        "both panels in use");
                long postStart = System.nanoTime();
                for (String ref : refs) {
                    Message answer = discord.command(owner, general, "server").subcommand("panel").option("server", ref)
                            .option("channel", status).send().awaitReply(WAIT);
                    if (!answer.content().startsWith("The live status of")) {
                        throw new AssertionError("no live status for " + ref + ": " + answer.content());
                    }
                }
                double postSeconds = (System.nanoTime() - postStart) / 1e9;
                List<Message> messages = status.messages();
                Random random = new Random(7);
                Load load = new Load(servers, random);
                load.run(SETTLE);

                int editsBefore = edits(messages);
                int[] perMessageBefore = messages.stream().mapToInt(Message::editCount).toArray();
                long requestsBefore = first.requests() + second.requests();
                long[] keyRequestsBefore = { first.requests(keys[0]), second.requests(keys[1]) };
                long cpuBefore = bot.cpuNanos();
                int changesBefore = load.changes;
                long start = System.nanoTime();
                load.run(Duration.ofMinutes(minutes));
                double elapsedMinutes = (System.nanoTime() - start) / 6e10;
                int edits = edits(messages) - editsBefore;
                int mostEdits = 0;
                for (int i = 0; i < messages.size(); i++) {
                    mostEdits = Math.max(mostEdits, messages.get(i).editCount() - perMessageBefore[i]);
                }
                double keyRate = Math.max(first.requests(keys[0]) - keyRequestsBefore[0],
                        second.requests(keys[1]) - keyRequestsBefore[1]) / elapsedMinutes;
                System.out.println(String.format(Locale.ROOT, "%d live status messages on 2 panels, posted in %.1f s "
                        + "(%.0f ms each); over %.1f min: %d changes made (%.1f/min), %d Discord edits (%.1f/min), "
                        + "at most %.1f edits/min of one message (budget 12); panel requests %.1f/min in all, "
                        + "%.1f/min on the busiest key (limit 240); bot CPU %.1f %% of one core",
                        messages.size(), postSeconds, postSeconds * 1000 / messages.size(), elapsedMinutes,
                        load.changes - changesBefore, (load.changes - changesBefore) / elapsedMinutes, edits,
                        edits / elapsedMinutes, mostEdits / elapsedMinutes,
                        (first.requests() + second.requests() - requestsBefore) / elapsedMinutes, keyRate,
                        (bot.cpuNanos() - cpuBefore) / (elapsedMinutes * 6e10) * 100));
                System.out.println(String.format(Locale.ROOT, "bot resident memory %.0f MB", bot.residentBytes() / 1e6));
                System.out.println(heap(bot));
            }
        }
    }

    private static int edits(List<Message> messages) {
        return messages.stream().mapToInt(Message::editCount).sum();
    }

    /** The heap in use after a full collection, and the module's own share of it (its classes and JFreeChart's). */
    private static String heap(BotProcess bot) throws Exception {
        String histogram = bot.jcmd("GC.class_histogram");
        long feature = 0;
        long total = 0;
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                long bytes = Long.parseLong(columns[2]);
                total += bytes;
                if (columns[3].startsWith("org.hotcog.pterodactyl.") || columns[3].startsWith("org.jfree.")) {
                    feature += bytes;
                }
            }
        }
        return String.format(Locale.ROOT, "heap live after a full GC %.1f MB, of which the Pterodactyl module's own "
                + "objects (shallow: its histories' samples, watches and messages) %.1f KB; its sockets, strings and "
                + "collections are JDK objects and count in the rest",
                total / 1e6, feature / 1e3);
    }

    /** Moves the servers' load: small wanders, a few jumps, a few state changes; counts the changes that show. */
    private static final class Load {
        private final List<PanelServer> servers;
        private final Random random;
        private final double[] cpu;
        /** Each server's level, around which its CPU wanders; a jump moves it by 40 % of the limit. */
        private final double[] base;
        private int tick;
        int changes;

        Load(List<PanelServer> servers, Random random) {
            this.servers = servers;
            this.random = random;
            this.cpu = new double[servers.size()];
            java.util.Arrays.fill(cpu, 100);
            this.base = new double[servers.size()];
            java.util.Arrays.fill(base, 100);
        }

        void run(Duration duration) throws InterruptedException {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                tick++;
                if (tick % 10 == 0) {
                    for (int j = 0; j < 5; j++) {
                        int i = random.nextInt(servers.size());
                        base[i] = base[i] > 100 ? base[i] - 80 : base[i] + 80;
                        changes++;
                    }
                }
                for (int i = 0; i < servers.size(); i++) {
                    // noise of up to 2 % of a 200 % limit either way around the server's level: below the threshold
                    cpu[i] = base[i] + (random.nextDouble() - 0.5) * 8;
                }
                if (tick % 30 == 0) {
                    for (int j = 0; j < 2; j++) {
                        PanelServer server = servers.get(random.nextInt(servers.size()));
                        server.setState(server.state() == PowerState.RUNNING ? PowerState.OFFLINE : PowerState.RUNNING);
                        changes++;
                    }
                }
                for (int i = 0; i < servers.size(); i++) {
                    servers.get(i).setUsage(cpu[i], (1L << 30) + random.nextInt(1 << 20), 1L << 30);
                }
                Thread.sleep(1000);
            }
        }
    }
}
