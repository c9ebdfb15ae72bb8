package org.hotcog.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;

/**
 * Time from a click on a ticket panel's button to the ticket being ready: the bot, {@code target/hotcog.jar} in a
 * process of its own, stores the ticket, makes its private channel with every overwrite, posts and pins the opening
 * message, and answers the member with the channel's mention; the clock stops when that answer arrives. Each ticket
 * is closed with /forceclose before the next click (not timed), so the guild never fills up.
 *
 * <p>Usage: {@code TicketOpenBenchmark WORK_DIR} from the repository's root (see bench/tickets.sh); environment:
 * TICKETS (200), WARMUP (20).
 */
public final class TicketOpenBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TicketOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int tickets = InteractionBenchmark.positiveFromEnv("TICKETS", 200);
        int warmup = InteractionBenchmark.positiveFromEnv("WARMUP", 20);
        try (LocalDiscord discord = LocalDiscord.start()) {
            Guild guild = discord.createGuild("Bench guild");
            TextChannel general = guild.createTextChannel("general");
            Role support = guild.createRole("Support", 0);
            User owner = guild.owner();
            try (BotProcess bot = BotProcess.hotcog(discord, work)) {
                bot.awaitUntil(() -> discord.registeredCommands().stream()
                        .anyMatch(c -> c.name().equals("ticketpanel")), "/ticketpanel registered");
                discord.command(owner, general, "ticketcategory").subcommand("create").option("name", "Bench")
                        .option("staff-roles", "<@&" + support.id() + ">").option("member-limit", 0L).send()
                        .awaitReply(WAIT);
                discord.command(owner, general, "ticketpanel").option("channel", general).send().awaitReply(WAIT);
                bot.awaitUntil(() -> general.messages().stream().anyMatch(m -> !m.customIds().isEmpty()),
                        "the panel posted");
                Message panel = general.messages().stream().filter(m -> !m.customIds().isEmpty()).findFirst()
                        .orElseThrow();
                String button = panel.customIds().get(0);
                User member = discord.createUser("member");
                guild.addMember(member);

                open(discord, guild, owner, member, panel, button, warmup);
                long cpuBefore = bot.cpuNanos();
                long restBefore = discord.restRequests();
                long[] nanos = open(discord, guild, owner, member, panel, button, tickets);
                Arrays.sort(nanos);
                System.out.println(String.format(Locale.ROOT, "%d tickets opened from a panel (each closed before "
                        + "the next): click to ready p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; bot CPU "
                        + "%.1f ms and %.1f REST requests a ticket, open and close", tickets,
                        Percentiles.nearestRank(nanos, 0.50) / 1e6, Percentiles.nearestRank(nanos, 0.95) / 1e6,
                        Percentiles.nearestRank(nanos, 0.99) / 1e6, nanos[nanos.length - 1] / 1e6,
                        (bot.cpuNanos() - cpuBefore) / 1e6 / tickets,
                        (double) (discord.restRequests() - restBefore) / tickets));
            }
        }
    }

    /** Opens and closes {@code count} tickets; returns each open's time from click to answer. */
    private static long[] open(LocalDiscord discord, Guild guild, User owner, User member, Message panel,
            String button, int count) throws InterruptedException {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Message answer = discord.clickButton(member, panel, button).awaitReply(WAIT);
            nanos[i] = System.nanoTime() - start;
            String content = answer.content();
            if (!content.contains("<#")) {
                throw new AssertionError("no ticket: " + content);
            }
            long channelId = Long.parseLong(content.substring(content.indexOf("<#") + 2, content.lastIndexOf('>')));
            TextChannel channel = guild.textChannels().stream().filter(c -> c.id() == channelId).findFirst()
                    .orElseThrow();
            discord.command(owner, channel, "forceclose").send().awaitReply(WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!channel.deleted() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        return nanos;
    }
}
