package org.hotcog.core.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.message.GenericMessageEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/** Which gateway events the core hands to a listener: those it has a method for. */
class EventInterestTest {
    static class MessageLogger extends ListenerAdapter {
        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
        }
    }

    /** Inherits its parent's method and adds one. */
    static final class MessageAndJoinLogger extends MessageLogger {
        @Override
        public void onGuildMemberJoin(GuildMemberJoinEvent event) {
        }
    }

    static final class AnyMessage extends ListenerAdapter {
        @Override
        public void onGenericMessage(GenericMessageEvent event) {
        }
    }

    static final class Everything extends ListenerAdapter {
        @Override
        public void onGenericEvent(GenericEvent event) {
        }
    }

    /** A helper that takes an event but overrides none of ListenerAdapter's methods. */
    static final class WithHelper extends ListenerAdapter {
        @Override
        public void onReady(ReadyEvent event) {
            onDeletion(null);
        }

        private void onDeletion(MessageDeleteEvent event) {
        }
    }

    @Test
    void aListenerAdapterGetsTheEventsOfTheMethodsItOverrides() {
        EventInterest interest = EventInterest.of(new MessageLogger(), false);

        assertThat(interest.accepts(MessageReceivedEvent.class)).isTrue();
        assertThat(interest.accepts(MessageDeleteEvent.class)).isFalse();
        assertThat(interest.accepts(GuildMemberJoinEvent.class)).isFalse();
    }

    @Test
    void inheritedMethodsCount() {
        EventInterest interest = EventInterest.of(new MessageAndJoinLogger(), false);

        assertThat(interest.accepts(MessageReceivedEvent.class)).isTrue();
        assertThat(interest.accepts(GuildMemberJoinEvent.class)).isTrue();
        assertThat(interest.accepts(ReadyEvent.class)).isFalse();
    }

    @Test
    void aMethodForAGenericEventTakesEveryKindOfIt() {
        EventInterest interest = EventInterest.of(new AnyMessage(), false);

        assertThat(interest.accepts(MessageReceivedEvent.class)).isTrue();
        assertThat(interest.accepts(MessageDeleteEvent.class)).isTrue();
        assertThat(interest.accepts(GuildMemberJoinEvent.class)).isFalse();
    }

    @Test
    void onGenericEventAndPlainListenersGetEverything() {
        EventListener plain = event -> {
        };

        assertThat(EventInterest.of(new Everything(), false).accepts(GuildMemberJoinEvent.class)).isTrue();
        assertThat(EventInterest.of(plain, false).accepts(GuildMemberJoinEvent.class)).isTrue();
    }

    @Test
    void helpersAreNoHandlers() {
        EventInterest interest = EventInterest.of(new WithHelper(), false);

        assertThat(interest.accepts(ReadyEvent.class)).isTrue();
        assertThat(interest.accepts(MessageDeleteEvent.class)).isFalse();
    }
}
