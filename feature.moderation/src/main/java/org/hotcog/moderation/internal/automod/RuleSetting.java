package org.hotcog.moderation.internal.automod;

/**
 * One rule of a guild's automod.
 *
 * @param action what a broken message rule does; the raid guard ignores it (it turns on strict mode)
 * @param limit messages (spam), mentions (mentions) or joins (raid); unused by the other rules
 * @param windowSeconds the time window of spam and raid; unused by the other rules
 */
public record RuleSetting(boolean enabled, AutomodAction action, int limit, int windowSeconds) {
    public RuleSetting withEnabled(boolean on) {
        return new RuleSetting(on, action, limit, windowSeconds);
    }

    public RuleSetting withAction(AutomodAction newAction) {
        return new RuleSetting(enabled, newAction, limit, windowSeconds);
    }

    public RuleSetting withLimit(int newLimit, int newWindowSeconds) {
        return new RuleSetting(enabled, action, newLimit, newWindowSeconds);
    }
}
