package org.hotcog.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.GuildBanEvent;
import net.dv8tion.jda.api.events.guild.GuildUnbanEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * What a moderation, ticket and AI bot does with the real JDA 6 client: kicks, bans, timeouts, bulk deletes,
 * channels, threads, overwrites, roles and DMs. Where JDA checks permissions and hierarchy itself before calling,
 * the local Discord's own answers are checked with plain HTTP requests carrying the bot token.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalDiscordModerationJdaTest {

    private static final long KICK_MEMBERS = 1L << 1;
    private static final long ADMINISTRATOR = 1L << 3;
    private static final long VIEW_CHANNEL = 1L << 10;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final BlockingQueue<GenericEvent> events = new LinkedBlockingQueue<>();

    private static LocalDiscord discord;
    private static JDA jda;
    private static Guild guild;
    private static TextChannel general;

    @BeforeAll
    static void connect() throws InterruptedException {
        discord = LocalDiscord.start();
        guild = discord.createGuild("Moderated");
        general = guild.createTextChannel("general");
        jda = JDABuilder.createDefault(discord.botToken())
                .enableIntents(GatewayIntent.GUILD_MEMBERS, GatewayIntent.MESSAGE_CONTENT)
                .setMemberCachePolicy(MemberCachePolicy.ALL)
                // JDA would split MESSAGE_DELETE_BULK into single deletes; keep it whole to see what was sent
                .setBulkDeleteSplittingEnabled(false)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return discord.gatewayUrl();
                    }
                })
                .addEventListeners((EventListener) events::add)
                .build();
        jda.awaitReady();
    }

    @AfterAll
    static void disconnect() {
        if (jda != null) {
            jda.shutdownNow();
        }
        if (discord != null) {
            discord.close();
        }
    }

    /** A new member, known to JDA's cache before the test goes on. */
    private static User member(String name) throws InterruptedException {
        User user = discord.createUser(name);
        guild.addMember(user);
        awaitCondition(() -> jdaGuild().getMemberById(user.id()) != null);
        return user;
    }

    private static net.dv8tion.jda.api.entities.Guild jdaGuild() {
        return jda.getGuildById(guild.id());
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 seconds").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** The next event of that type JDA delivered that matches, skipping others (tests share one JDA). */
    private static <T extends GenericEvent> T awaitEvent(Class<T> type, Predicate<T> matches)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            GenericEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(event).as("a " + type.getSimpleName() + " within 5 seconds").isNotNull();
            if (type.isInstance(event) && matches.test(type.cast(event))) {
                return type.cast(event);
            }
        }
    }

    /** A raw request with the bot token: status and Discord's error body. */
    private static HttpResponse<String> rest(String method, String route, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(discord.restUrl() + route))
                .header("Authorization", "Bot " + discord.botToken()).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int errorCode(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body()).path("code").asInt();
    }

    // ---- members

    @Test
    void kickRemovesTheMember() throws Exception {
        User carol = member("carol");
        jdaGuild().kick(jdaGuild().getMemberById(carol.id())).reason("spam").complete();
        assertThat(guild.isMember(carol)).isFalse();
        awaitEvent(GuildMemberRemoveEvent.class, e -> e.getUser().getIdLong() == carol.id());
    }

    @Test
    void kickChecksPermissionAndHierarchy() throws Exception {
        User senior = member("senior");
        guild.addRole(senior, guild.createRole("senior", 0));
        User junior = member("junior");
        assertThat(rest("DELETE", "guilds/" + guild.id() + "/members/" + senior.id(), null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> owner = rest("DELETE", "guilds/" + guild.id() + "/members/" + guild.owner().id(), null);
        assertThat(errorCode(owner)).isEqualTo(50013);
        guild.botRole().setPermissions(VIEW_CHANNEL);
        try {
            assertThat(errorCode(rest("DELETE", "guilds/" + guild.id() + "/members/" + junior.id(), null)))
                    .isEqualTo(50013);
            guild.botRole().setPermissions(VIEW_CHANNEL | KICK_MEMBERS);
            assertThat(rest("DELETE", "guilds/" + guild.id() + "/members/" + junior.id(), null).statusCode())
                    .isEqualTo(204);
        } finally {
            guild.botRole().setPermissions(ADMINISTRATOR);
        }
        assertThat(guild.isMember(senior)).isTrue();
        assertThat(guild.isMember(junior)).isFalse();
    }

    @Test
    void banPurgesRecentMessagesAndUnbanLiftsIt() throws Exception {
        User dave = member("dave");
        general.post(dave, "spam 1");
        general.post(dave, "spam 2");
        jdaGuild().ban(jdaGuild().getMemberById(dave.id()), 1, TimeUnit.HOURS).reason("raid").complete();
        assertThat(guild.bans()).contains(new Ban(dave, "raid"));
        assertThat(guild.isMember(dave)).isFalse();
        assertThat(general.messages()).extracting(Message::author).doesNotContain(dave);
        awaitEvent(GuildBanEvent.class, e -> e.getUser().getIdLong() == dave.id());
        awaitEvent(MessageBulkDeleteEvent.class, e -> e.getMessageIds().size() == 2);
        assertThat(jdaGuild().retrieveBan(net.dv8tion.jda.api.entities.UserSnowflake.fromId(dave.id())).complete().getReason()).isEqualTo("raid");
        assertThatThrownBy(() -> guild.addMember(dave)).isInstanceOf(IllegalStateException.class);

        jdaGuild().unban(net.dv8tion.jda.api.entities.UserSnowflake.fromId(dave.id())).complete();
        awaitEvent(GuildUnbanEvent.class, e -> e.getUser().getIdLong() == dave.id());
        assertThat(guild.bans()).extracting(Ban::user).doesNotContain(dave);
        assertThat(errorCode(rest("GET", "guilds/" + guild.id() + "/bans/" + dave.id(), null))).isEqualTo(10026);
        guild.addMember(dave);
    }

    @Test
    void bulkBanReportsWhoFailed() throws Exception {
        User first = member("first");
        User second = member("second");
        HttpResponse<String> response = rest("POST", "guilds/" + guild.id() + "/bulk-ban",
                "{\"user_ids\":[\"" + first.id() + "\",\"" + second.id() + "\",\"" + guild.owner().id() + "\"]}");
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.path("banned_users")).hasSize(2);
        assertThat(body.path("failed_users").get(0).asText()).isEqualTo(Long.toString(guild.owner().id()));
        assertThat(jdaGuild().retrieveBanList().complete()).extracting(b -> b.getUser().getIdLong())
                .contains(first.id(), second.id());
        HttpResponse<String> none = rest("POST", "guilds/" + guild.id() + "/bulk-ban",
                "{\"user_ids\":[\"" + first.id() + "\"]}");
        assertThat(errorCode(none)).isEqualTo(500000);
    }

    @Test
    void timeoutSilencesTheMemberUntilLifted() throws Exception {
        User erin = member("erin");
        jdaGuild().getMemberById(erin.id()).timeoutFor(Duration.ofMinutes(10)).complete();
        Instant until = guild.member(erin).timeoutUntil().orElseThrow();
        assertThat(until).isAfter(Instant.now().plusSeconds(500));
        assertThatThrownBy(() -> general.post(erin, "let me speak")).isInstanceOf(IllegalStateException.class);
        awaitCondition(() -> jdaGuild().getMemberById(erin.id()).isTimedOut());

        String tooLong = "{\"communication_disabled_until\":\"" + Instant.now().plus(Duration.ofDays(29)) + "\"}";
        HttpResponse<String> refused = rest("PATCH", "guilds/" + guild.id() + "/members/" + erin.id(), tooLong);
        assertThat(errorCode(refused)).isEqualTo(50035);
        assertThat(refused.body()).contains("INVALID_COMMUNICATION_DISABLED_TIMESTAMP");
        String admin = "{\"communication_disabled_until\":\"" + Instant.now().plusSeconds(60) + "\"}";
        assertThat(errorCode(rest("PATCH", "guilds/" + guild.id() + "/members/" + guild.owner().id(), admin)))
                .isEqualTo(50013);

        jdaGuild().getMemberById(erin.id()).removeTimeout().complete();
        assertThat(guild.member(erin).timeoutUntil()).isEmpty();
        assertThat(general.post(erin, "thanks").content()).isEqualTo("thanks");
    }

    @Test
    void nicknameThroughModifyMember() throws Exception {
        User frank = member("frank");
        jdaGuild().modifyNickname(jdaGuild().getMemberById(frank.id()), "Frankie").complete();
        assertThat(guild.member(frank).nickname()).contains("Frankie");
        awaitCondition(() -> "Frankie".equals(jdaGuild().getMemberById(frank.id()).getNickname()));
        assertThat(rest("PATCH", "guilds/" + guild.id() + "/members/" + frank.id(), "{\"nick\":null}")
                .statusCode()).isEqualTo(200);
        assertThat(guild.member(frank).nickname()).isEmpty();
    }

    // ---- messages

    @Test
    void bulkDeleteRemovesMessagesAndRefusesOldOnes() throws Exception {
        User gina = member("gina");
        TextChannel purge = guild.createTextChannel("purge");
        List<Long> ids = List.of(purge.post(gina, "a").id(), purge.post(gina, "b").id(), purge.post(gina, "c").id());
        awaitCondition(() -> jda.getTextChannelById(purge.id()) != null);
        jda.getTextChannelById(purge.id()).deleteMessagesByIds(ids.stream().map(String::valueOf).toList())
                .complete();
        assertThat(purge.messages()).isEmpty();
        awaitEvent(MessageBulkDeleteEvent.class, e -> e.getMessageIds().size() == 3);

        long old = purge.post(gina, "old", Instant.now().minus(Duration.ofDays(15))).id();
        long fresh = purge.post(gina, "fresh").id();
        String route = "channels/" + purge.id() + "/messages/bulk-delete";
        assertThat(errorCode(rest("POST", route, "{\"messages\":[\"" + old + "\",\"" + fresh + "\"]}")))
                .isEqualTo(50034);
        assertThat(errorCode(rest("POST", route, "{\"messages\":[\"" + fresh + "\"]}"))).isEqualTo(50016);
        assertThat(purge.messages()).hasSize(2);
    }

    @Test
    void deletingSomeoneElsesMessageNeedsManageMessages() throws Exception {
        User hank = member("hank");
        Message message = general.post(hank, "rude");
        String route = "channels/" + general.id() + "/messages/" + message.id();
        guild.botRole().setPermissions(VIEW_CHANNEL | (1L << 11));
        try {
            assertThat(errorCode(rest("DELETE", route, null))).isEqualTo(50013);
        } finally {
            guild.botRole().setPermissions(ADMINISTRATOR);
        }
        jda.getTextChannelById(general.id()).deleteMessageById(message.id()).complete();
        assertThat(message.deleted()).isTrue();
    }

    @Test
    void historyPagesAsDiscordDoes() throws Exception {
        User ivy = member("ivy");
        TextChannel log = guild.createTextChannel("log");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(log.post(ivy, "m" + i).id());
        }
        awaitCondition(() -> jda.getTextChannelById(log.id()) != null);
        var channel = jda.getTextChannelById(log.id());
        assertThat(channel.getHistory().retrievePast(3).complete())
                .extracting(net.dv8tion.jda.api.entities.Message::getContentRaw).containsExactly("m9", "m8", "m7");
        assertThat(channel.getHistoryAfter(ids.get(2), 3).complete().getRetrievedHistory())
                .extracting(net.dv8tion.jda.api.entities.Message::getContentRaw).containsExactly("m5", "m4", "m3");
        assertThat(channel.getHistoryBefore(ids.get(2), 5).complete().getRetrievedHistory())
                .extracting(net.dv8tion.jda.api.entities.Message::getContentRaw).containsExactly("m1", "m0");
        assertThat(channel.getHistoryAround(ids.get(5), 5).complete().getRetrievedHistory())
                .extracting(net.dv8tion.jda.api.entities.Message::getContentRaw)
                .containsExactly("m7", "m6", "m5", "m4", "m3");
    }

    // ---- channels and roles

    @Test
    void ticketChannelWithOverwritesSlowmodeAndDeletion() throws Exception {
        User owner = member("ticket-owner");
        User other = member("bystander");
        var jdaGuild = jdaGuild();
        var category = jdaGuild.createCategory("tickets").complete();
        var created = jdaGuild.createTextChannel("ticket-1", category)
                .addPermissionOverride(jdaGuild.getPublicRole(), 0, VIEW_CHANNEL)
                .addMemberPermissionOverride(owner.id(), VIEW_CHANNEL, 0)
                .setSlowmode(5).complete();
        TextChannel ticket = guild.channel("ticket-1").orElseThrow();
        assertThat(guild.category("tickets")).isPresent();
        assertThat(ticket.slowmode()).isEqualTo(5);
        assertThat(ticket.permissionsOf(owner) & VIEW_CHANNEL).isNotZero();
        assertThat(ticket.permissionsOf(other) & VIEW_CHANNEL).isZero();

        created.getManager().setSlowmode(10).complete();
        assertThat(ticket.slowmode()).isEqualTo(10);
        created.upsertPermissionOverride(jdaGuild.getMemberById(other.id())).grant(
                net.dv8tion.jda.api.Permission.VIEW_CHANNEL).complete();
        assertThat(ticket.permissionsOf(other) & VIEW_CHANNEL).isNotZero();
        created.getPermissionContainer().getManager().removePermissionOverride(other.id()).complete();
        assertThat(ticket.permissionsOf(other) & VIEW_CHANNEL).isZero();

        created.delete().complete();
        assertThat(ticket.deleted()).isTrue();
        assertThat(guild.channel("ticket-1")).isEmpty();
        awaitCondition(() -> jda.getTextChannelById(ticket.id()) == null);
    }

    @Test
    void categoryHoldsFiftyChannels() throws Exception {
        Category full = guild.createCategory("full");
        for (int i = 0; i < 50; i++) {
            guild.createTextChannel("c" + i, full);
        }
        HttpResponse<String> refused = rest("POST", "guilds/" + guild.id() + "/channels",
                "{\"name\":\"one-more\",\"type\":0,\"parent_id\":\"" + full.id() + "\"}");
        assertThat(errorCode(refused)).isEqualTo(50035);
        assertThat(MAPPER.readTree(refused.body()).at("/errors/parent_id/_errors/0/code").asText())
                .isEqualTo("CHANNEL_PARENT_MAX_CHANNELS");
    }

    @Test
    void privateThread() throws Exception {
        TextChannel support = guild.createTextChannel("support");
        awaitCondition(() -> jda.getTextChannelById(support.id()) != null);
        var thread = jda.getTextChannelById(support.id()).createThreadChannel("case-1", true).complete();
        assertThat(thread.getType()).isEqualTo(net.dv8tion.jda.api.entities.channel.ChannelType.GUILD_PRIVATE_THREAD);
        TextChannel seen = guild.channel("case-1").orElseThrow();
        assertThat(seen.privateThread()).isTrue();
        thread.sendMessage("welcome").complete();
        assertThat(seen.messages()).extracting(Message::content).containsExactly("welcome");
    }

    @Test
    void rolesCreatedEditedAssignedAndDeleted() throws Exception {
        User jo = member("jo");
        var jdaGuild = jdaGuild();
        var helper = jdaGuild.createRole().setName("helper").setPermissions(0L).complete();
        Role created = guild.roles().stream().filter(r -> r.id() == helper.getIdLong()).findFirst().orElseThrow();
        assertThat(created.position()).isEqualTo(1);
        awaitCondition(() -> jdaGuild.getRoleById(helper.getIdLong()) != null);
        jdaGuild.modifyMemberRoles(jdaGuild.getMemberById(jo.id()), List.of(helper), List.of()).complete();
        assertThat(guild.member(jo).roles()).containsExactly(created);
        helper.getManager().setName("helpers").complete();
        assertThat(created.name()).isEqualTo("helpers");
        helper.delete().complete();
        assertThat(guild.roles()).doesNotContain(created);
        assertThat(guild.member(jo).roles()).isEmpty();

        Role above = guild.createRole("above-the-bot", 0);
        assertThat(errorCode(rest("PATCH", "guilds/" + guild.id() + "/roles/" + above.id(), "{\"name\":\"x\"}")))
                .isEqualTo(50013);
    }
}
