package org.hotcog.emulator;

import java.util.List;

/**
 * The bot's first answer to an interaction (its callback), as the user's client received it.
 *
 * @param type Discord's callback type: 4 message, 5 deferred message, 6 deferred update, 7 update message,
 *     8 autocomplete result, 9 modal
 * @param message the message shown for types 4, 5, 6 and 7 (for 6 and 7 the component's message), else null
 * @param choices the autocomplete choices for type 8, else empty
 * @param modal the modal for type 9, else null
 */
public record InteractionResponse(int type, Message message, List<Choice> choices, Modal modal) {

    /** Callback type 4: reply with a message. */
    public static final int CHANNEL_MESSAGE = 4;
    /** Callback type 5: acknowledge now, reply later by editing the original response. */
    public static final int DEFERRED_CHANNEL_MESSAGE = 5;
    /** Callback type 6: acknowledge a component interaction without changing its message yet. */
    public static final int DEFERRED_UPDATE_MESSAGE = 6;
    /** Callback type 7: edit the message the component is attached to. */
    public static final int UPDATE_MESSAGE = 7;
    /** Callback type 8: autocomplete choices. */
    public static final int AUTOCOMPLETE_RESULT = 8;
    /** Callback type 9: open a modal. */
    public static final int MODAL = 9;
}
