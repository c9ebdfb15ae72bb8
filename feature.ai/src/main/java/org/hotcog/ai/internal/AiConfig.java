package org.hotcog.ai.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the assistant behaves in every guild: which provider answers by default, where, how often, how much context. */
@ObjectClassDefinition(id = AiConfig.PID, name = "Hotcog AI assistant",
        description = "The AI assistant's defaults; each guild chooses its provider, model and persona with /ai.")
public @interface AiConfig {
    String PID = "org.hotcog.ai";

    @AttributeDefinition(name = "Default provider", required = false, description = "The provider (its configured "
            + "name) where a guild chose none; empty: the only provider, or the first by name when there are several.")
    String defaultProvider() default "";

    @AttributeDefinition(name = "Direct messages", description = "Whether the assistant answers in direct messages "
            + "(there no guild's quota applies).")
    boolean directMessages() default false;

    @AttributeDefinition(name = "Cooldown (s)", description = "The least time between two questions of one person.")
    int cooldownSeconds() default 3;

    @AttributeDefinition(name = "Context budget (tokens)", description = "The tokens a conversation may take: the "
            + "oldest turns are left out beyond it (the system prompt and the newest question always stay).")
    int contextTokens() default 8_000;

    @AttributeDefinition(name = "Characters per token", description = "How the budget is estimated: about 4 "
            + "characters of English text are one token.")
    double charsPerToken() default 4.0;

    @AttributeDefinition(name = "Tokens per image", description = "What an image counts for in the budget.")
    int tokensPerImage() default 800;

    @AttributeDefinition(name = "Edit interval (ms)", description = "The least time between two edits of a streamed "
            + "answer; Discord's rate limits ask for 1000 or more.")
    int editIntervalMillis() default 1_000;

    @AttributeDefinition(name = "Largest image (bytes)", description = "Images attached to a message for the AI up to "
            + "this size are passed to the provider (PNG, JPEG, WebP, GIF; four at most); larger ones are left out "
            + "with a note.")
    int maxImageBytes() default 5_000_000;
}
