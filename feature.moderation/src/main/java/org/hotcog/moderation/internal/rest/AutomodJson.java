package org.hotcog.moderation.internal.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcog.moderation.internal.automod.AutomodRule;
import org.hotcog.moderation.internal.automod.AutomodSettings;
import org.hotcog.moderation.internal.automod.RuleSetting;
import org.hotcog.moderation.internal.time.Durations;

/**
 * The automod as the API reads and writes it. In a {@code PUT}, a field left out (or null) keeps
 * its value, in {@code rules} too; the lists are replaced whole.
 *
 * @param rules by name: spam, mentions, invites, words, raid
 * @param timeout how long the timeout action lasts, like "10m"
 * @param strictFor how long the raid guard's strict mode lasts, like "10m"
 * @param strictUntil read only: when the strict mode that is on now ends, or null
 */
public record AutomodJson(Map<String, RuleJson> rules, List<String> blockedWords, List<String> blockedPatterns,
        List<String> allowedInvites, String timeout, String strictFor, Instant strictUntil) {
    /**
     * One rule.
     *
     * @param action delete, warn or timeout (the raid rule ignores it)
     * @param limit messages (spam), mentions (mentions) or joins (raid)
     * @param window seconds (spam and raid)
     */
    public record RuleJson(Boolean enabled, String action, Integer limit, Integer window) {
    }

    static AutomodJson of(AutomodSettings s, Instant strictUntil) {
        Map<String, RuleJson> rules = new LinkedHashMap<>();
        for (AutomodRule rule : AutomodRule.values()) {
            RuleSetting r = s.rule(rule);
            rules.put(rule.wireName(), new RuleJson(r.enabled(), r.action().wireName(), r.limit(), r.windowSeconds()));
        }
        return new AutomodJson(rules, s.blockedWords(), s.blockedPatterns(), s.allowedInvites(),
                Durations.format(s.timeout()), Durations.format(s.strictFor()), strictUntil);
    }
}
