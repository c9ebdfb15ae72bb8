package org.hotcog.pterodactyl.internal.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.api.secrets.UnreadableSecretException;
import org.hotcog.pterodactyl.internal.store.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Members' own client keys, one per member and panel, sealed in {@code ptero_member_key}. */
@Component(service = MemberKeys.class)
public final class MemberKeys {
    private static final Logger LOG = LoggerFactory.getLogger(MemberKeys.class);

    private final Sql sql;
    private final SecretBox secrets;

    @Activate
    public MemberKeys(@Reference DataSource dataSource, @Reference SecretBox secrets) {
        this.sql = new Sql(dataSource);
        this.secrets = secrets;
    }

    /** Stores a member's key for a panel, sealed, replacing the one linked before. */
    public void link(long userId, String panel, String clientKey) {
        String sealed = secrets.seal(clientKey);
        Instant now = Instant.now();
        if (sql.update("UPDATE ptero_member_key SET sealed_key = ?, linked_at = ? WHERE user_id = ? AND panel = ?",
                sealed, now, userId, panel) == 0) {
            sql.update("INSERT INTO ptero_member_key (user_id, panel, sealed_key, linked_at) VALUES (?, ?, ?, ?)",
                    userId, panel, sealed, now);
        }
    }

    /**
     * The member's key for a panel. A stored key that cannot be opened (the bot's secret key changed) counts as not
     * linked: the member is asked to link it again.
     */
    public Optional<String> find(long userId, String panel) {
        List<String> sealed = sql.list("SELECT sealed_key FROM ptero_member_key WHERE user_id = ? AND panel = ?",
                row -> row.getString(1), userId, panel);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(secrets.open(sealed.get(0)));
        } catch (UnreadableSecretException e) {
            LOG.warn("The linked Pterodactyl key of user {} for panel {} cannot be opened ({}); it counts as unlinked",
                    userId, panel, e.reason());
            return Optional.empty();
        }
    }

    /** The panels the member linked a key for. */
    public List<String> panels(long userId) {
        return sql.list("SELECT panel FROM ptero_member_key WHERE user_id = ? ORDER BY panel", row -> row.getString(1),
                userId);
    }

    /** Deletes the member's key for a panel; false if there was none. */
    public boolean unlink(long userId, String panel) {
        return sql.update("DELETE FROM ptero_member_key WHERE user_id = ? AND panel = ?", userId, panel) > 0;
    }
}
