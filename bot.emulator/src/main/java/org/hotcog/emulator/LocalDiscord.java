package org.hotcog.emulator;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.hotcog.emulator.internal.Emulator;

/**
 * A Discord of its own on 127.0.0.1: a gateway (v10, JSON, optional zlib-stream) and the REST API under
 * {@code /api/v10/}, with users, guilds, channels, roles, messages and interactions held in memory. The real JDA
 * client connects to it unchanged; a test then acts as users do and reads what the bot answered.
 *
 * <p>Each instance is independent and thread-safe. Close it to stop its servers.
 *
 * {@snippet :
 * try (LocalDiscord discord = LocalDiscord.start()) {
 *     Guild guild = discord.createGuild("Demo");
 *     User alice = discord.createUser("alice");
 *     guild.addMember(alice);
 *     TextChannel general = guild.createTextChannel("general");
 *     JDA jda = JDABuilder.createLight(discord.botToken())
 *             .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
 *             .setSessionController(new ConcurrentSessionController() {
 *                 public String getGateway() { return discord.gatewayUrl(); }
 *             })
 *             .build().awaitReady();
 *     // ... register commands, then:
 *     Message reply = discord.slashCommand(alice, general, "ping").awaitReply(Duration.ofSeconds(5));
 * }
 * }
 */
public final class LocalDiscord implements AutoCloseable {

    private final Emulator emulator;

    private LocalDiscord(Emulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Starts a local Discord on ephemeral ports of 127.0.0.1 with a fresh application, bot user and token.
     *
     * @return the running local Discord
     * @throws UncheckedIOException if a port cannot be opened
     */
    public static LocalDiscord start() {
        return new LocalDiscord(Emulator.start());
    }

    /** The REST base URL to give JDA's {@code RestConfig.setBaseUrl}, ending in {@code /api/v10/}. */
    public String restUrl() {
        return emulator.restUrl();
    }

    /** The gateway URL ({@code ws://127.0.0.1:port/}) to return from a session controller's {@code getGateway()}. */
    public String gatewayUrl() {
        return emulator.gatewayUrl();
    }

    /** The bot token the local Discord accepts (on REST and in IDENTIFY). */
    public String botToken() {
        return emulator.botToken();
    }

    /** The application's id (equal to the bot user's id, as on Discord). */
    public long applicationId() {
        return emulator.applicationId();
    }

    /** The bot's user. */
    public User botUser() {
        return emulator.botUser();
    }

    /**
     * Creates a user (not yet in any guild).
     *
     * @param name the username
     * @return the new user
     */
    public User createUser(String name) {
        return emulator.createUser(name);
    }

    /**
     * Creates another bot's account (a user with the bot flag), which can join guilds and post like any user.
     *
     * @param name the bot's user name
     * @return the new bot user
     */
    public User createBotUser(String name) {
        return emulator.createUser(name, true);
    }

    /**
     * Creates a guild owned by a new user named {@code <name>-owner}, with an {@code @everyone} role, the bot as a
     * member with its own administrator role; a connected bot receives {@code GUILD_CREATE}.
     *
     * @param name the guild's name
     * @return the new guild
     */
    public Guild createGuild(String name) {
        return emulator.createGuild(name);
    }

    /**
     * Creates a guild as {@link #createGuild(String)} does, with an id that puts it on {@code shard} of
     * {@code shardTotal} by Discord's rule {@code (guild_id >> 22) % shard_total}: only a bot session that
     * identified with that shard receives its events.
     *
     * @param name the guild's name
     * @param shard the shard the guild belongs to, below {@code shardTotal}
     * @param shardTotal the bot's shard count
     * @return the new guild
     * @throws IllegalArgumentException if {@code shard} is not one of {@code shardTotal}
     */
    public Guild createGuildOnShard(String name, int shard, int shardTotal) {
        return emulator.createGuildOnShard(name, shard, shardTotal);
    }

    /**
     * Sets how many shards {@code GET /gateway/bot} recommends (1 unless set); a JDA shard manager without a
     * configured total starts that many.
     *
     * @param count the recommended shard count, at least 1
     */
    public void recommendShards(int count) {
        emulator.recommendShards(count);
    }

    /**
     * The messages the bot sent a user in their DM channel, oldest first; deleted ones are not included.
     *
     * @param user a user of this local Discord
     * @return a snapshot list of live message handles; empty if the bot never opened a DM with the user
     */
    public List<Message> dmsOf(User user) {
        return emulator.dmsOf(user);
    }

    /**
     * Posts a message as {@code user} in their DM with the bot, opening the DM if needed; the bot receives
     * {@code MESSAGE_CREATE} (on shard 0, if it asked for the DIRECT_MESSAGES intent; with its content even without
     * MESSAGE_CONTENT, as Discord does for DMs with the app).
     *
     * @param user the person writing to the bot
     * @param content the message text
     * @return the posted message
     * @throws IllegalArgumentException if {@code user} is the bot or the content is empty or too long
     */
    public Message postDm(User user, String content) {
        return emulator.postDm(user, content);
    }

    /** All guilds, in creation order. */
    public List<Guild> guilds() {
        return emulator.guilds();
    }

    /**
     * Starts a slash command with options, checked against what the bot registered (guild commands first).
     *
     * @param user the member who runs it
     * @param channel where it is run
     * @param name the command's name
     * @return a builder; call {@link CommandInvocation#send()}
     * @throws IllegalArgumentException if the bot registered no such command for that guild
     */
    public CommandInvocation command(User user, TextChannel channel, String name) {
        return emulator.command(user, channel, name);
    }

    /**
     * Runs a slash command without options; the bot receives {@code INTERACTION_CREATE}.
     *
     * @param user the member who runs it
     * @param channel where it is run
     * @param name the command's name
     * @return the interaction, to read the bot's answer from
     */
    public InteractionResult slashCommand(User user, TextChannel channel, String name) {
        return emulator.command(user, channel, name).send();
    }

    /**
     * Runs a message context-menu command ("Apps" → name) on a message; the bot receives {@code INTERACTION_CREATE}.
     *
     * @param user the member who runs it
     * @param message the message it is run on
     * @param name the command's name
     * @return the interaction
     * @throws IllegalArgumentException if the bot registered no such message command
     * @since 1.4
     */
    public InteractionResult messageCommand(User user, Message message, String name) {
        return emulator.messageCommand(user, message, name);
    }

    /**
     * Types into an option with autocomplete and returns the bot's choices (waits up to 5 seconds).
     *
     * @param user the member typing
     * @param channel where the command is being typed
     * @param command the command's name
     * @param option the focused option
     * @param partial what the user has typed so far
     * @return the choices the bot offered
     */
    public List<Choice> autocomplete(User user, TextChannel channel, String command, String option, String partial) {
        return emulator.command(user, channel, command).autocomplete(option, partial);
    }

    /**
     * Clicks a button of a message; the bot receives a component {@code INTERACTION_CREATE}.
     *
     * @param user the member clicking
     * @param message a message carrying an enabled button with that custom id
     * @param customId the button's custom id
     * @return the interaction
     * @throws IllegalArgumentException if the message has no such enabled button
     */
    public InteractionResult clickButton(User user, Message message, String customId) {
        return emulator.clickButton(user, message, customId);
    }

    /**
     * Picks values in a string select menu of a message.
     *
     * @param user the member choosing
     * @param message a message carrying a select menu with that custom id
     * @param customId the select menu's custom id
     * @param values the chosen option values
     * @return the interaction
     * @throws IllegalArgumentException if there is no such menu or a value is not one of its options
     */
    public InteractionResult selectMenu(User user, Message message, String customId, List<String> values) {
        return emulator.selectMenu(user, message, customId, values);
    }

    /**
     * Submits the modal the bot opened in answer to {@code opened}; the bot receives a modal-submit
     * {@code INTERACTION_CREATE}.
     *
     * @param user the member submitting (normally the one who opened it)
     * @param opened the interaction the bot answered with the modal
     * @param modalId the modal's custom id
     * @param values text input values by the inputs' custom ids
     * @return the modal-submit interaction
     * @throws IllegalArgumentException if the bot opened no such modal or a required input is missing
     */
    public InteractionResult submitModal(User user, InteractionResult opened, String modalId,
            Map<String, String> values) {
        return emulator.submitModal(user, opened, modalId, values);
    }

    /** The global commands the bot registered. */
    public List<ApplicationCommand> registeredCommands() {
        return emulator.commands(0);
    }

    /** The guild commands the bot registered for {@code guild}. */
    public List<ApplicationCommand> registeredCommands(Guild guild) {
        return emulator.commands(guild.id());
    }

    /** How many command writes (bulk overwrites, creates, edits, deletes; global and guild) the bot made. */
    public int commandWrites() {
        return emulator.commandWrites();
    }

    /**
     * Drops every gateway connection without a close frame, as a network failure would; the sessions stay
     * resumable and dispatches made meanwhile are replayed on RESUME.
     */
    public void dropGatewayConnections() {
        emulator.gateway().dropConnections();
    }

    /**
     * Invalidates every gateway session: connected clients receive INVALID_SESSION (not resumable) and must
     * identify again.
     */
    public void invalidateSessions() {
        emulator.gateway().invalidateSessions();
    }

    /** How many RESUME requests succeeded so far. */
    public int resumes() {
        return emulator.gateway().resumes();
    }

    /** How many gateway connections are open now: a bot that shut down has none left. */
    public int gatewayConnections() {
        return emulator.gateway().openConnections();
    }

    /** How many IDENTIFY requests succeeded so far. */
    public int identifies() {
        return emulator.gateway().identifies();
    }

    /**
     * Makes the next {@code count} REST requests with this method whose route starts with {@code routePrefix}
     * (e.g. {@code "channels/"}, without {@code /api/v10/}) fail with {@code status}; 429 answers carry
     * {@code retry_after} and the rate-limit headers as Discord sends them.
     *
     * @param method the HTTP method, e.g. {@code "POST"}
     * @param routePrefix the start of the route, after {@code /api/v10/}
     * @param status the HTTP status to answer, e.g. 429 or 500
     * @param count how many requests to fail
     */
    public void failNext(String method, String routePrefix, int status, int count) {
        emulator.rest().failNext(method, routePrefix, status, count);
    }

    /** How many REST requests the local Discord has answered. */
    public long restRequests() {
        return emulator.rest().requests();
    }

    /** Stops the gateway and REST servers and drops all connections. */
    @Override
    public void close() {
        emulator.close();
    }
}
