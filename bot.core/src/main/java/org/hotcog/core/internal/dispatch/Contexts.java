package org.hotcog.core.internal.dispatch;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.MessageCommandContext;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.command.UserCommandContext;
import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ModalContext;
import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.InteractionReply;
import org.hotcog.api.interaction.Refusal;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** The core's implementations of the handler contexts of bot.api, one per interaction kind. */
final class Contexts {
    private Contexts() {
    }

    /** What every interaction context shares: identity, answers, permission checks. */
    abstract static class Base implements InteractionContext {
        final IReplyCallback interaction;
        final ReplyState reply;
        final String correlationId;

        Base(Invocation invocation) {
            this.interaction = invocation.callback();
            this.correlationId = invocation.correlationId();
            this.reply = invocation.reply();
        }

        @Override
        public String correlationId() {
            return correlationId;
        }

        @Override
        public User user() {
            return interaction.getUser();
        }

        @Override
        public Guild guild() {
            return interaction.getGuild();
        }

        @Override
        public Member member() {
            return interaction.getMember();
        }

        @Override
        public InteractionReply reply() {
            return reply;
        }

        @Override
        public void requireMemberPermissions(Permission... permissions) {
            Member member = interaction.getMember();
            if (member == null) {
                throw new Refusal("This works in a server only.");
            }
            GuildChannel channel = interaction.getGuildChannel();
            List<Permission> missing = missing(member.getPermissions(channel), permissions);
            if (!missing.isEmpty()) {
                throw new Refusal("You need the " + names(missing) + " permission" + (missing.size() > 1 ? "s" : "")
                        + " for this.");
            }
        }

        @Override
        public void requireBotPermissions(GuildChannel channel, Permission... permissions) {
            Guild guild = interaction.getGuild();
            if (guild == null) {
                throw new Refusal("This works in a server only.");
            }
            Member self = guild.getSelfMember();
            List<Permission> missing = missing(channel == null ? self.getPermissions() : self.getPermissions(channel),
                    permissions);
            if (!missing.isEmpty()) {
                throw new Refusal("I need the " + names(missing) + " permission" + (missing.size() > 1 ? "s" : "")
                        + (channel == null ? " in this server" : " in " + channel.getAsMention()) + " for this.");
            }
        }

        private static List<Permission> missing(java.util.Set<Permission> held, Permission... wanted) {
            EnumSet<Permission> has = held.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(held);
            if (has.contains(Permission.ADMINISTRATOR)) {
                return List.of();
            }
            return Arrays.stream(wanted).filter(p -> !has.contains(p)).toList();
        }

        private static String names(List<Permission> permissions) {
            return permissions.stream().map(Permission::getName).collect(Collectors.joining(", "));
        }
    }

    static final class Slash extends Base implements SlashCommandContext {
        private final SlashCommandInteractionEvent event;

        Slash(Invocation invocation) {
            super(invocation);
            this.event = (SlashCommandInteractionEvent) invocation.event();
        }

        @Override
        public SlashCommandInteractionEvent event() {
            return event;
        }
    }

    static final class OnUser extends Base implements UserCommandContext {
        private final UserContextInteractionEvent event;

        OnUser(Invocation invocation) {
            super(invocation);
            this.event = (UserContextInteractionEvent) invocation.event();
        }

        @Override
        public UserContextInteractionEvent event() {
            return event;
        }
    }

    static final class OnMessage extends Base implements MessageCommandContext {
        private final MessageContextInteractionEvent event;

        OnMessage(Invocation invocation) {
            super(invocation);
            this.event = (MessageContextInteractionEvent) invocation.event();
        }

        @Override
        public MessageContextInteractionEvent event() {
            return event;
        }
    }

    static final class Component extends Base implements ComponentContext {
        private final GenericComponentInteractionCreateEvent event;
        private final String suffix;

        Component(Invocation invocation, String prefix) {
            super(invocation);
            this.event = (GenericComponentInteractionCreateEvent) invocation.event();
            this.suffix = event.getComponentId().substring(prefix.length());
        }

        @Override
        public GenericComponentInteractionCreateEvent event() {
            return event;
        }

        @Override
        public String customIdSuffix() {
            return suffix;
        }

        @Override
        public CompletableFuture<Void> updateMessage(MessageEditData message) {
            return reply.updateMessage(event, message);
        }
    }

    static final class Modal extends Base implements ModalContext {
        private final ModalInteractionEvent event;
        private final String suffix;

        Modal(Invocation invocation, String prefix) {
            super(invocation);
            this.event = (ModalInteractionEvent) invocation.event();
            this.suffix = event.getModalId().substring(prefix.length());
        }

        @Override
        public ModalInteractionEvent event() {
            return event;
        }

        @Override
        public String customIdSuffix() {
            return suffix;
        }
    }

    record Autocomplete(CommandAutoCompleteInteractionEvent event) implements AutocompleteContext {
        @Override
        public AutoCompleteQuery focused() {
            return event.getFocusedOption();
        }

        @Override
        public User user() {
            return event.getUser();
        }

        @Override
        public Guild guild() {
            return event.getGuild();
        }
    }
}
