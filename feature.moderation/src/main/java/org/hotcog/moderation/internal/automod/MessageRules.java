package org.hotcog.moderation.internal.automod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message rules of one guild's automod, compiled once for its settings: blocked words and
 * patterns, invite links and mention spam. Spam needs the member's recent messages and lives in
 * {@link AutomodListener}.
 *
 * <p>A guild's patterns are regular expressions typed by its admins, so a pattern that would
 * backtrack for ever must not take the listener's thread with it: each match runs on a text that
 * stops answering after a budget of character reads, and such a pattern counts as not matching.
 */
public final class MessageRules {
    /** A broken rule and what broke it, for the case's detail. */
    public record Violation(AutomodRule rule, String detail) {
    }

    /** discord.gg/CODE, discord.com/invite/CODE and discordapp.com/invite/CODE, with or without a scheme. */
    private static final Pattern INVITE = Pattern.compile(
            "(?:https?://)?(?:www\\.)?(?:discord(?:app)?\\.com/invite|discord\\.gg)/([A-Za-z0-9-]+)",
            Pattern.CASE_INSENSITIVE);
    /** Character reads a pattern may make per character of the message before it is given up. */
    private static final int READS_PER_CHARACTER = 1_000;

    private final AutomodSettings settings;
    private final List<Pattern> words = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final Set<String> allowedInvites;

    public MessageRules(AutomodSettings settings) {
        this.settings = settings;
        for (String word : settings.blockedWords()) {
            // a whole word: no letter or digit right before or after it
            words.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        for (String pattern : settings.blockedPatterns()) {
            patterns.add(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        this.allowedInvites = Set.copyOf(settings.allowedInvites());
    }

    /** The settings these rules were compiled from. */
    public AutomodSettings settings() {
        return settings;
    }

    /**
     * The first enabled rule the message breaks: blocked words and patterns, then invites, then
     * mentions.
     *
     * @param mentions the user, role and everyone mentions in the message
     */
    public Optional<Violation> check(String content, int mentions) {
        if (settings.rule(AutomodRule.WORDS).enabled()) {
            for (Pattern word : words) {
                if (word.matcher(content).find()) {
                    return Optional.of(new Violation(AutomodRule.WORDS, "blocked word"));
                }
            }
            for (Pattern pattern : patterns) {
                if (findWithinBudget(pattern, content)) {
                    return Optional.of(new Violation(AutomodRule.WORDS, "blocked pattern `" + pattern.pattern() + "`"));
                }
            }
        }
        if (settings.rule(AutomodRule.INVITES).enabled()) {
            Matcher invite = INVITE.matcher(content);
            while (invite.find()) {
                if (!allowedInvites.contains(invite.group(1))) {
                    return Optional.of(new Violation(AutomodRule.INVITES, "invite link discord.gg/" + invite.group(1)));
                }
            }
        }
        RuleSetting mentionRule = settings.rule(AutomodRule.MENTIONS);
        if (mentionRule.enabled() && mentions >= mentionRule.limit()) {
            return Optional.of(new Violation(AutomodRule.MENTIONS, mentions + " mentions in one message"));
        }
        return Optional.empty();
    }

    private static boolean findWithinBudget(Pattern pattern, String content) {
        try {
            return pattern.matcher(new BudgetedText(content, (long) READS_PER_CHARACTER * (content.length() + 1)))
                    .find();
        } catch (BudgetedText.Exhausted e) {
            return false;
        }
    }

    /** A text that throws once it has been read more than a given number of times. */
    private static final class BudgetedText implements CharSequence {
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final long[] left;

        BudgetedText(String text, long budget) {
            this(text, new long[] { budget });
        }

        private BudgetedText(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
