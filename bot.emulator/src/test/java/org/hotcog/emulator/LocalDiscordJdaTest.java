package org.hotcog.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

/** The real JDA 6 client against the local Discord, over real loopback sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalDiscordJdaTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static LocalDiscord discord;
    private static JDA jda;
    private static org.hotcog.emulator.Guild guild;
    private static org.hotcog.emulator.User alice;
    private static org.hotcog.emulator.User bob;
    private static TextChannel general;
    private static Role mods;
    private static final CompletableFuture<Throwable> lateFailure = new CompletableFuture<>();

    @BeforeAll
    static void connect() throws InterruptedException {
        discord = LocalDiscord.start();
        guild = discord.createGuild("Demo");
        alice = discord.createUser("alice");
        bob = discord.createUser("bob");
        guild.addMember(alice);
        guild.addMember(bob);
        general = guild.createTextChannel("general");
        mods = guild.createRole("mods", 1L << 13);
        guild.addRole(alice, mods);

        jda = JDABuilder.createDefault(discord.botToken())
                .enableIntents(GatewayIntent.GUILD_MEMBERS, GatewayIntent.MESSAGE_CONTENT,
                        GatewayIntent.DIRECT_MESSAGES)
                .setMemberCachePolicy(MemberCachePolicy.ALL)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return discord.gatewayUrl();
                    }
                })
                .addEventListeners(new Bot())
                .build();
        jda.awaitReady();
        jda.updateCommands().addCommands(
                Commands.slash("ping", "Answers pong"),
                Commands.slash("slow", "Defers, then edits"),
                Commands.slash("multi", "Replies and follows up"),
                Commands.slash("panel", "Shows a button"),
                Commands.slash("feedback", "Opens a modal"),
                Commands.slash("late", "Answers after the 3-second window"),
                Commands.slash("echo", "Echoes").addOption(OptionType.STRING, "text", "What to say", true)
                        .addOption(OptionType.USER, "user", "Who to greet", false),
                Commands.slash("fruit", "Picks a fruit").addOption(OptionType.STRING, "name", "Fruit", true, true))
                .complete();
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

    /** The bot under test: plain JDA listeners. */
    static final class Bot extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            switch (event.getName()) {
                case "ping" -> event.reply("pong").queue();
                case "slow" -> event.deferReply().queue(hook -> hook.editOriginal("done slowly").queue());
                case "multi" -> event.reply("first").queue(hook -> hook.sendMessage("second").setEphemeral(true)
                        .queue());
                case "panel" -> event.reply("panel")
                        .addComponents(ActionRow.of(Button.primary("tickets:open:1", "Open"))).queue();
                case "feedback" -> event.replyModal(Modal.create("feedback-modal", "Feedback")
                        .addComponents(Label.of("Your text", TextInput.create("text", TextInputStyle.SHORT).build()))
                        .build()).queue();
                case "late" -> {
                    try {
                        Thread.sleep(3300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    event.reply("too late").queue(ok -> lateFailure.complete(null), lateFailure::complete);
                }
                case "echo" -> event.reply(event.getOption("text").getAsString()
                        + (event.getOption("user") == null ? "" : " " + event.getOption("user").getAsUser()
                                .getName())).queue();
                default -> event.reply("unknown").setEphemeral(true).queue();
            }
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event.reply("clicked " + event.getComponentId()).setEphemeral(true).queue();
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            event.reply("thanks: " + event.getValue("text").getAsString()).queue();
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            String typed = event.getFocusedOption().getValue();
            event.replyChoiceStrings(List.of("apple", "apricot", "banana").stream()
                    .filter(f -> f.startsWith(typed)).toList()).queue();
        }
    }

    @Test
    void jdaSeesTheGuildWithChannelsRolesAndMembers() {
        net.dv8tion.jda.api.entities.Guild seen = jda.getGuildById(guild.id());
        assertThat(seen).isNotNull();
        assertThat(seen.getName()).isEqualTo("Demo");
        assertThat(seen.getTextChannelById(general.id())).isNotNull();
        assertThat(seen.getRoleById(mods.id()).getName()).isEqualTo("mods");
        assertThat(seen.getPublicRole().getIdLong()).isEqualTo(guild.id());
        assertThat(seen.getSelfMember().getIdLong()).isEqualTo(discord.applicationId());
        assertThat(seen.getMemberById(alice.id()).getRoles()).extracting(r -> r.getIdLong()).contains(mods.id());
        assertThat(seen.getOwnerIdLong()).isEqualTo(guild.owner().id());
    }

    @Test
    void bulkOverwriteIsOneWrite() {
        assertThat(discord.commandWrites()).isEqualTo(1);
        assertThat(discord.registeredCommands()).extracting(ApplicationCommand::name).contains("ping", "echo");
    }

    @Test
    void slashCommandReply() {
        InteractionResult result = discord.slashCommand(alice, general, "ping");
        InteractionResponse response = result.awaitResponse(WAIT);
        assertThat(response.type()).isEqualTo(InteractionResponse.CHANNEL_MESSAGE);
        assertThat(result.awaitReply(WAIT).content()).isEqualTo("pong");
        assertThat(general.messages()).extracting(Message::content).contains("pong");
    }

    @Test
    void optionsAreCheckedAndDelivered() {
        Message reply = discord.command(alice, general, "echo").option("text", "hi").option("user", bob).send()
                .awaitReply(WAIT);
        assertThat(reply.content()).isEqualTo("hi bob");
        assertThatThrownBy(() -> discord.command(alice, general, "echo").send())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> discord.slashCommand(alice, general, "nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deferThenEditOriginal() {
        InteractionResult result = discord.slashCommand(alice, general, "slow");
        assertThat(result.awaitResponse(WAIT).type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        Message reply = result.awaitReply(WAIT);
        assertThat(reply.content()).isEqualTo("done slowly");
        assertThat(reply.loading()).isFalse();
    }

    @Test
    void followUp() {
        InteractionResult result = discord.slashCommand(alice, general, "multi");
        List<Message> followUps = result.awaitFollowUps(1, WAIT);
        assertThat(result.awaitReply(WAIT).content()).isEqualTo("first");
        assertThat(followUps.get(0).content()).isEqualTo("second");
        assertThat(followUps.get(0).ephemeral()).isTrue();
    }

    @Test
    void buttonClick() {
        Message panel = discord.slashCommand(alice, general, "panel").awaitReply(WAIT);
        assertThat(panel.customIds()).containsExactly("tickets:open:1");
        Message clicked = discord.clickButton(bob, panel, "tickets:open:1").awaitReply(WAIT);
        assertThat(clicked.content()).isEqualTo("clicked tickets:open:1");
        assertThat(clicked.ephemeral()).isTrue();
        assertThatThrownBy(() -> discord.clickButton(bob, panel, "missing"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modalSubmit() {
        InteractionResult opened = discord.slashCommand(alice, general, "feedback");
        InteractionResponse response = opened.awaitResponse(WAIT);
        assertThat(response.type()).isEqualTo(InteractionResponse.MODAL);
        assertThat(response.modal().customId()).isEqualTo("feedback-modal");
        Message thanks = discord.submitModal(alice, opened, "feedback-modal", Map.of("text", "great"))
                .awaitReply(WAIT);
        assertThat(thanks.content()).isEqualTo("thanks: great");
    }

    @Test
    void autocomplete() {
        List<Choice> choices = discord.autocomplete(alice, general, "fruit", "name", "ap");
        assertThat(choices).extracting(Choice::name).containsExactly("apple", "apricot");
    }

    @Test
    void injected429IsRetriedByJda() {
        long before = discord.restRequests();
        discord.failNext("POST", "channels/", 429, 1);
        net.dv8tion.jda.api.entities.Message sent = jda.getTextChannelById(general.id()).sendMessage("after 429")
                .complete();
        assertThat(sent.getContentRaw()).isEqualTo("after 429");
        assertThat(discord.restRequests() - before).isGreaterThanOrEqualTo(2);
        assertThat(general.messages()).extracting(Message::content).contains("after 429");
    }

    @Test
    void multipartAttachmentIsStored() {
        jda.getTextChannelById(general.id()).sendMessage("with file")
                .addFiles(net.dv8tion.jda.api.utils.FileUpload.fromData("hello".getBytes(), "hello.txt"))
                .complete();
        Message stored = general.messages().stream().filter(m -> m.content().equals("with file")).findFirst()
                .orElseThrow();
        assertThat(stored.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("hello.txt");
            assertThat(new String(a.data())).isEqualTo("hello");
        });
    }

    @Test
    void permissionChangesReachJdaCache() throws InterruptedException {
        TextChannel hidden = guild.createTextChannel("hidden");
        long sendMessages = 1L << 11;
        guild.botRole().setPermissions(1L << 10);
        hidden.setOverwrite(guild.botRole(), 0, sendMessages);
        try {
            assertThat(hidden.permissionsOf(discord.botUser()) & sendMessages).isZero();
            assertThat(general.permissionsOf(discord.botUser()) & sendMessages).isNotZero();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            net.dv8tion.jda.api.entities.channel.concrete.TextChannel seen = null;
            while (System.nanoTime() < deadline && (seen == null || seen.canTalk())) {
                seen = jda.getTextChannelById(hidden.id());
                Thread.sleep(20);
            }
            assertThat(seen).isNotNull();
            assertThat(seen.canTalk()).isFalse();
            assertThat(jda.getTextChannelById(general.id()).canTalk()).isTrue();
        } finally {
            guild.botRole().setPermissions(1L << 3);
        }
    }

    @Test
    void userMessageReachesTheBot() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onMessageReceived(net.dv8tion.jda.api.events.message.MessageReceivedEvent event) {
                if (event.getAuthor().getIdLong() == bob.id()) {
                    seen.complete(event.getMessage().getContentRaw());
                }
            }
        };
        jda.addEventListener(listener);
        try {
            general.post(bob, "hello bot");
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("hello bot");
        } finally {
            jda.removeEventListener(listener);
        }
    }

    @Test
    void aMembersReplyWithAFileReachesTheBotWithItsReferenceAndAFileItCanFetch() throws Exception {
        CompletableFuture<net.dv8tion.jda.api.entities.Message> seen = new CompletableFuture<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onMessageReceived(net.dv8tion.jda.api.events.message.MessageReceivedEvent event) {
                if (event.getAuthor().getIdLong() == bob.id() && event.getMessage().getContentRaw().equals("see this")) {
                    seen.complete(event.getMessage());
                }
            }
        };
        jda.addEventListener(listener);
        try {
            Message original = general.post(bob, "the question");
            Message reply = general.reply(bob, original, "see this");
            general.post(bob, "", java.util.Map.of("notes.txt", "file body".getBytes()));
            assertThat(reply.content()).isEqualTo("see this");

            net.dv8tion.jda.api.entities.Message received = seen.get(10, TimeUnit.SECONDS);
            assertThat(received.getType()).isEqualTo(net.dv8tion.jda.api.entities.MessageType.INLINE_REPLY);
            assertThat(received.getMessageReference().getMessageIdLong()).isEqualTo(original.id());
            assertThat(received.getReferencedMessage().getContentRaw()).isEqualTo("the question");

            Message withFile = general.messages().get(general.messages().size() - 1);
            assertThat(withFile.attachments()).singleElement().satisfies(file -> {
                assertThat(file.filename()).isEqualTo("notes.txt");
                assertThat(file.contentType()).isEqualTo("text/plain");
            });
            net.dv8tion.jda.api.entities.Message fetched = jda.getTextChannelById(general.id())
                    .retrieveMessageById(withFile.id()).complete();
            try (java.io.InputStream in = fetched.getAttachments().get(0).getProxy().download().get(10,
                    TimeUnit.SECONDS)) {
                assertThat(new String(in.readAllBytes())).isEqualTo("file body");
            }
        } finally {
            jda.removeEventListener(listener);
        }
    }

    @Test
    void botDmArrivesInDmsOf() {
        org.hotcog.emulator.User carol = discord.createUser("carol");
        net.dv8tion.jda.api.entities.User user = jda.retrieveUserById(carol.id()).complete();
        user.openPrivateChannel().flatMap(c -> c.sendMessage("welcome")).complete();
        user.openPrivateChannel().flatMap(c -> c.sendMessage("with file")
                .addFiles(net.dv8tion.jda.api.utils.FileUpload.fromData("hi".getBytes(), "hi.txt"))).complete();

        List<Message> dms = discord.dmsOf(carol);
        assertThat(dms).extracting(Message::content).containsExactly("welcome", "with file");
        assertThat(dms.get(1).attachments()).extracting(Attachment::filename).containsExactly("hi.txt");
        assertThat(dms).extracting(Message::channelId).containsOnly(user.openPrivateChannel().complete().getIdLong());
        assertThat(discord.dmsOf(bob)).isEmpty();
    }

    @Test
    void closedDmsFailWithCannotSendToUser() {
        org.hotcog.emulator.User dave = discord.createUser("dave");
        dave.closeDms();
        net.dv8tion.jda.api.entities.User user = jda.retrieveUserById(dave.id()).complete();
        assertThatThrownBy(() -> user.openPrivateChannel().flatMap(c -> c.sendMessage("hello")).complete())
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getErrorResponse())
                        .isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER));
        assertThat(discord.dmsOf(dave)).isEmpty();

        dave.openDms();
        user.openPrivateChannel().flatMap(c -> c.sendMessage("hello again")).complete();
        assertThat(discord.dmsOf(dave)).extracting(Message::content).containsExactly("hello again");
    }

    @Test
    void userDmReachesTheBot() throws Exception {
        org.hotcog.emulator.User erin = discord.createUser("erin");
        CompletableFuture<String> seen = new CompletableFuture<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onMessageReceived(net.dv8tion.jda.api.events.message.MessageReceivedEvent event) {
                if (event.getAuthor().getIdLong() == erin.id()) {
                    seen.complete(event.getChannelType() + " " + event.getMessage().getContentRaw());
                }
            }
        };
        jda.addEventListener(listener);
        try {
            discord.postDm(erin, "hello bot");
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("PRIVATE hello bot");
        } finally {
            jda.removeEventListener(listener);
        }
        // the user's own message is not one the bot sent
        assertThat(discord.dmsOf(erin)).isEmpty();
    }

    @Test
    void droppedConnectionResumesWithoutLosingTheInteraction() {
        int resumes = discord.resumes();
        discord.dropGatewayConnections();
        InteractionResult result = discord.slashCommand(alice, general, "ping");
        assertThat(result.awaitReply(WAIT).content()).isEqualTo("pong");
        assertThat(discord.resumes()).isGreaterThan(resumes);
    }

    @Test
    void callbackAfterThreeSecondsFailsWithUnknownInteraction() throws Exception {
        InteractionResult result = discord.slashCommand(alice, general, "late");
        Throwable failure = lateFailure.get(15, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(ErrorResponseException.class);
        assertThat(((ErrorResponseException) failure).getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_INTERACTION);
        assertThat(result.errors()).anyMatch(e -> e.startsWith("404 10062"));
        assertThat(result.response()).isEmpty();
    }
}
