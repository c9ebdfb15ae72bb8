package org.hotcog.moderation.internal.automod;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.hotcog.moderation.internal.settings.InvalidSettingException;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.time.Durations;

/**
 * A guild's automod: its rules, the terms they use, and how long its timeouts and the raid guard's
 * strict mode last.
 *
 * @param rules every rule, each with its setting
 * @param blockedWords whole words, lower case, that the words rule removes
 * @param blockedPatterns regular expressions (case-insensitive) that the words rule removes
 * @param allowedInvites invite codes that the invites rule lets through, as Discord writes them
 * @param timeout how long the timeout action lasts
 * @param strictFor how long strict mode lasts once the raid guard turns it on
 */
public record AutomodSettings(Map<AutomodRule, RuleSetting> rules, List<String> blockedWords,
        List<String> blockedPatterns, List<String> allowedInvites, Duration timeout, Duration strictFor) {
    public static final int MAX_WORDS = 100;
    public static final int MAX_PATTERNS = 20;
    public static final int MAX_INVITES = 50;
    public static final int MAX_TERM_LENGTH = 100;
    public static final int MAX_PATTERN_LENGTH = 200;
    public static final Duration MAX_STRICT = Duration.ofDays(1);
    private static final Pattern INVITE_CODE = Pattern.compile("[A-Za-z0-9-]{2,32}");

    /** Every rule off. */
    public static final AutomodSettings DEFAULTS = new AutomodSettings(Map.of(), List.of(), List.of(), List.of(),
            Duration.ofMinutes(10), Duration.ofMinutes(10));

    public AutomodSettings {
        Map<AutomodRule, RuleSetting> complete = new EnumMap<>(AutomodRule.class);
        for (AutomodRule rule : AutomodRule.values()) {
            complete.put(rule, rules.getOrDefault(rule, rule.defaults()));
        }
        rules = Map.copyOf(complete);
        blockedWords = blockedWords.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        blockedPatterns = List.copyOf(blockedPatterns);
        allowedInvites = allowedInvites.stream().map(String::strip).distinct().toList();
    }

    public RuleSetting rule(AutomodRule rule) {
        return rules.get(rule);
    }

    /**
     * Checks every value.
     *
     * @throws InvalidSettingException naming the first setting that is wrong
     */
    public AutomodSettings validate() {
        for (AutomodRule rule : AutomodRule.values()) {
            validate(rule, rules.get(rule));
        }
        if (blockedWords.size() > MAX_WORDS) {
            throw new InvalidSettingException("blockedWords", "at most " + MAX_WORDS + " words");
        }
        for (String word : blockedWords) {
            if (word.isEmpty() || word.length() > MAX_TERM_LENGTH) {
                throw new InvalidSettingException("blockedWords", "each word has 1 to " + MAX_TERM_LENGTH
                        + " characters");
            }
        }
        if (blockedPatterns.size() > MAX_PATTERNS) {
            throw new InvalidSettingException("blockedPatterns", "at most " + MAX_PATTERNS + " patterns");
        }
        for (String pattern : blockedPatterns) {
            checkPattern(pattern);
        }
        if (allowedInvites.size() > MAX_INVITES) {
            throw new InvalidSettingException("allowedInvites", "at most " + MAX_INVITES + " invite codes");
        }
        for (String code : allowedInvites) {
            if (!INVITE_CODE.matcher(code).matches()) {
                throw new InvalidSettingException("allowedInvites", "\"" + code + "\" is not an invite code: "
                        + "2 to 32 letters, digits and dashes, as in discord.gg/CODE");
            }
        }
        if (timeout.compareTo(Duration.ofMinutes(1)) < 0 || timeout.compareTo(ModerationSettings.MAX_TIMEOUT) > 0) {
            throw new InvalidSettingException("timeout", "must be from 1m to "
                    + Durations.format(ModerationSettings.MAX_TIMEOUT));
        }
        if (strictFor.compareTo(Duration.ofMinutes(1)) < 0 || strictFor.compareTo(MAX_STRICT) > 0) {
            throw new InvalidSettingException("strictFor", "must be from 1m to " + Durations.format(MAX_STRICT));
        }
        return this;
    }

    /**
     * Refuses a pattern that is too long or not a regular expression.
     *
     * @throws InvalidSettingException saying what is wrong with it
     */
    public static void checkPattern(String pattern) {
        if (pattern.isBlank() || pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidSettingException("blockedPatterns", "each pattern has 1 to " + MAX_PATTERN_LENGTH
                    + " characters");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidSettingException("blockedPatterns", "\"" + pattern + "\" is not a regular expression: "
                    + e.getDescription());
        }
    }

    private static void validate(AutomodRule rule, RuleSetting setting) {
        String field = "rules." + rule.wireName();
        if (setting.action() == null) {
            throw new InvalidSettingException(field + ".action", "must be delete, warn or timeout");
        }
        switch (rule) {
            case SPAM -> {
                range(field + ".limit", setting.limit(), 2, 50, "messages");
                range(field + ".window", setting.windowSeconds(), 1, 120, "seconds");
            }
            case MENTIONS -> range(field + ".limit", setting.limit(), 1, 50, "mentions");
            case RAID -> {
                range(field + ".limit", setting.limit(), 2, 100, "joins");
                range(field + ".window", setting.windowSeconds(), 1, 300, "seconds");
            }
            case INVITES, WORDS -> {
            }
        }
    }

    private static void range(String field, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new InvalidSettingException(field, "must be from " + min + " to " + max + " " + unit);
        }
    }

    public AutomodSettings withRule(AutomodRule rule, RuleSetting setting) {
        Map<AutomodRule, RuleSetting> changed = new EnumMap<>(rules);
        changed.put(rule, setting);
        return new AutomodSettings(changed, blockedWords, blockedPatterns, allowedInvites, timeout, strictFor);
    }

    public AutomodSettings withBlockedWords(List<String> words) {
        return new AutomodSettings(rules, words, blockedPatterns, allowedInvites, timeout, strictFor);
    }

    public AutomodSettings withBlockedPatterns(List<String> patterns) {
        return new AutomodSettings(rules, blockedWords, patterns, allowedInvites, timeout, strictFor);
    }

    public AutomodSettings withAllowedInvites(List<String> codes) {
        return new AutomodSettings(rules, blockedWords, blockedPatterns, codes, timeout, strictFor);
    }

    public AutomodSettings withTimeout(Duration length) {
        return new AutomodSettings(rules, blockedWords, blockedPatterns, allowedInvites, length, strictFor);
    }

    public AutomodSettings withStrictFor(Duration length) {
        return new AutomodSettings(rules, blockedWords, blockedPatterns, allowedInvites, timeout, length);
    }
}
