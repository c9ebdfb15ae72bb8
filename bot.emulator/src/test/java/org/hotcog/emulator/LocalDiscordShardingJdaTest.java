package org.hotcog.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Real JDA shard managers against the local Discord: the shard count it recommends, and guilds and their
 * interactions going only to the session that identified with their shard, as Discord routes them.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalDiscordShardingJdaTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private LocalDiscord discord;
    private Guild onZero;
    private Guild onOne;
    private TextChannel zeroChannel;
    private TextChannel oneChannel;
    private User alice;

    @BeforeEach
    void guildsOnBothShards() {
        discord = LocalDiscord.start();
        alice = discord.createUser("alice");
        onZero = discord.createGuildOnShard("Zero", 0, 2);
        onOne = discord.createGuildOnShard("One", 1, 2);
        for (Guild guild : List.of(onZero, onOne)) {
            guild.addMember(alice);
        }
        zeroChannel = onZero.createTextChannel("general");
        oneChannel = onOne.createTextChannel("general");
    }

    @AfterEach
    void close() {
        discord.close();
    }

    @Test
    void guildIdsFollowDiscordsShardRule() {
        assertThat((onZero.id() >>> 22) % 2).isZero();
        assertThat((onOne.id() >>> 22) % 2).isEqualTo(1);
        assertThat((discord.createGuildOnShard("Third", 2, 3).id() >>> 22) % 3).isEqualTo(2);
    }

    @Test
    void aManagerWithoutATotalRunsTheRecommendedShards() throws InterruptedException {
        discord.recommendShards(2);
        ShardManager shards = builder().build();
        try {
            awaitReady(shards);
            assertThat(shards.getShardsTotal()).isEqualTo(2);
            assertThat(shards.getShardById(0).getGuildById(onZero.id())).isNotNull();
            assertThat(shards.getShardById(0).getGuildById(onOne.id())).isNull();
            assertThat(shards.getShardById(1).getGuildById(onOne.id())).isNotNull();
            assertThat(shards.getShardById(1).getGuildById(onZero.id())).isNull();
        } finally {
            shards.shutdown();
        }
    }

    @Test
    void twoProcessesSplitTheShardsAndEachGetsItsGuildsInteractions() throws InterruptedException {
        ShardManager[] processes = {builder().setShardsTotal(2).setShards(0).build(),
            builder().setShardsTotal(2).setShards(1).build()};
        try {
            for (ShardManager process : processes) {
                awaitReady(process);
            }
            assertThat(processes[0].getGuildCache().stream().map(g -> g.getIdLong())).containsExactly(onZero.id());
            assertThat(processes[1].getGuildCache().stream().map(g -> g.getIdLong())).containsExactly(onOne.id());
            processes[0].getShardById(0).updateCommands().addCommands(Commands.slash("where", "Which shard answers"))
                    .complete();

            assertThat(discord.slashCommand(alice, zeroChannel, "where").awaitReply(WAIT).content())
                    .isEqualTo("shard 0 of 2");
            assertThat(discord.slashCommand(alice, oneChannel, "where").awaitReply(WAIT).content())
                    .isEqualTo("shard 1 of 2");
        } finally {
            for (ShardManager process : processes) {
                process.shutdown();
            }
        }
    }

    private DefaultShardManagerBuilder builder() {
        return DefaultShardManagerBuilder.createLight(discord.botToken())
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return discord.gatewayUrl();
                    }
                })
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                        JDA.ShardInfo shard = event.getJDA().getShardInfo();
                        event.reply("shard " + shard.getShardId() + " of " + shard.getShardTotal()).queue();
                    }
                });
    }

    /** Waits for every shard the manager runs; the manager starts them one after another. */
    private static void awaitReady(ShardManager shards) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (shards.getShardsQueued() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        for (JDA shard : shards.getShardCache()) {
            shard.awaitReady();
        }
    }
}
