package org.hotcog.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user's membership of a {@link Guild}, as moderation changes it (nickname, roles, timeout). The handle is live:
 * its getters show the current state.
 */
public interface Member {

    /** The member's user. */
    User user();

    /** The guild this membership belongs to. */
    Guild guild();

    /** The guild nickname, if one is set. */
    Optional<String> nickname();

    /** The member's roles, without {@code @everyone}. */
    List<Role> roles();

    /** When the member's timeout ends, if they are timed out now. */
    Optional<Instant> timeoutUntil();
}
