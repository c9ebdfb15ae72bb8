package org.hotcog.core.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.OptionalLong;

import org.hotcog.api.gateway.ChannelScoped;
import org.junit.jupiter.api.Test;

import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
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

    /** Archives the messages of channel 7 only, like a ticket transcript; fails to answer for channel 13. */
    static final class ChannelSeven extends ListenerAdapter implements ChannelScoped {
        @Override
        public void onMessageDelete(MessageDeleteEvent event) {
        }

        @Override
        public boolean watches(long channelId) {
            if (channelId == 13) {
                throw new IllegalStateException("unlucky");
            }
            return channelId == 7;
        }
    }

    /** A channel that is only an id, as the events carry it. */
    private static MessageChannelUnion channel(long id) {
        return (MessageChannelUnion) Proxy.newProxyInstance(EventInterestTest.class.getClassLoader(),
                new Class<?>[] { MessageChannelUnion.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getIdLong" -> id;
                    case "hashCode" -> Long.hashCode(id);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aChannelScopedListenerIsHandedTheEventsOfTheChannelsItWatchesOnly() {
        EventInterest interest = EventInterest.of(new ChannelSeven(), false);

        assertThat(interest.accepts(new MessageDeleteEvent(null, 1, 100, channel(7)))).isTrue();
        assertThat(interest.accepts(new MessageDeleteEvent(null, 2, 101, channel(8)))).isFalse();
        assertThat(interest.accepts(new MessageDeleteEvent(null, 3, 102, channel(13))))
                .as("a listener that cannot answer is handed the event").isTrue();
        assertThat(EventInterest.of(new MessageLogger(), false).watches(OptionalLong.of(8)))
                .as("a listener not scoped watches every channel").isTrue();
    }

    @Test
    void helpersAreNoHandlers() {
        EventInterest interest = EventInterest.of(new WithHelper(), false);

        assertThat(interest.accepts(ReadyEvent.class)).isTrue();
        assertThat(interest.accepts(MessageDeleteEvent.class)).isFalse();
    }
}
