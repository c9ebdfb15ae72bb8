package org.hotcog.ai.internal.conversation;

/** Who wrote a turn of a conversation. */
public enum Role {
    /** A person talking to the bot. */
    USER,
    /** The model's answer. */
    ASSISTANT
}
