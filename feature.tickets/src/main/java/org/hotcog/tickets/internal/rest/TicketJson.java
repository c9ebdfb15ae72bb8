package org.hotcog.tickets.internal.rest;

import java.time.Instant;
import java.util.List;

import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore.Participant;

/**
 * A ticket as the API shows it. Discord ids are strings; times are ISO-8601 instants, null when not yet.
 *
 * @param answers the answers to the category's questions, each {@code question} and {@code answer}
 * @param participants the members and roles added to it, each {@code id} and {@code kind} ({@code member}, {@code role})
 */
public record TicketJson(String id, int number, String state, String categoryId, String categoryName,
        String openerId, String channelId, boolean thread, String topic, String priority, String claimedBy,
        List<Answer> answers, List<ParticipantJson> participants, Instant openedAt, Instant firstResponseAt,
        Instant closedAt, String closedBy, String closeReason) {
    /** One question and its answer. */
    public record Answer(String question, String answer) {
    }

    /** An added member or role. */
    public record ParticipantJson(String id, String kind) {
    }

    static TicketJson of(Ticket t, List<Participant> participants) {
        return new TicketJson(Long.toString(t.id()), t.number(), t.state(), Long.toString(t.categoryId()),
                t.categoryName(), Long.toString(t.openerId()), id(t.channelId()), t.thread(), t.topic(),
                t.priority().wireName(), id(t.claimedBy()), answers(t.answers()), participants.stream()
                        .map(p -> new ParticipantJson(Long.toString(p.targetId()), p.role() ? "role" : "member"))
                        .toList(), t.openedAt(), t.firstResponseAt(), t.closedAt(), id(t.closedBy()), t.closeReason());
    }

    static String id(long id) {
        return id == 0 ? null : Long.toString(id);
    }

    private static List<Answer> answers(String stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split("\n\n")).map(block -> {
            int newline = block.indexOf('\n');
            return newline < 0 ? new Answer(block, "") : new Answer(block.substring(0, newline),
                    block.substring(newline + 1));
        }).toList();
    }
}
