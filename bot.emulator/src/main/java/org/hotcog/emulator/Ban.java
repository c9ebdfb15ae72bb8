package org.hotcog.emulator;

/**
 * A ban of a {@link Guild}, as Discord's ban object carries it.
 *
 * @param user the banned user
 * @param reason the reason the bot gave in the {@code X-Audit-Log-Reason} header, or null
 */
public record Ban(User user, String reason) {
}
