package org.hotcog.pterodactyl.internal.access;

import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.hotcog.pterodactyl.internal.store.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The access rules of the guilds, in {@code ptero_access}, and what they give a member: the highest level of the
 * rules of the member's roles (the guild's id stands for @everyone) that cover the server.
 */
@Component(service = AccessStore.class)
public final class AccessStore {
    private final Sql sql;

    @Activate
    public AccessStore(@Reference DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** Sets a role's level for a scope, replacing the rule of that exact scope. */
    public void grant(AccessRule rule) {
        if (rule.level() == Level.NONE) {
            throw new IllegalArgumentException("level: grant view or control; revoke to take access away");
        }
        int updated = sql.update("UPDATE ptero_access SET level = ? WHERE guild_id = ? AND role_id = ? AND panel = ? "
                + "AND server_id = ?", rule.level().wire(), rule.guildId(), rule.roleId(), rule.panel(),
                rule.serverId());
        if (updated == 0) {
            sql.update("INSERT INTO ptero_access (guild_id, role_id, panel, server_id, level) VALUES (?, ?, ?, ?, ?)",
                    rule.guildId(), rule.roleId(), rule.panel(), rule.serverId(), rule.level().wire());
        }
    }

    /** Removes a role's rule of exactly this scope; false if there was none. */
    public boolean revoke(long guildId, long roleId, String panel, String serverId) {
        return sql.update("DELETE FROM ptero_access WHERE guild_id = ? AND role_id = ? AND panel = ? AND server_id = ?",
                guildId, roleId, panel, serverId) > 0;
    }

    /** The guild's rules. */
    public List<AccessRule> rules(long guildId) {
        return sql.list("SELECT guild_id, role_id, panel, server_id, level FROM ptero_access WHERE guild_id = ? "
                + "ORDER BY panel, server_id, role_id", row -> new AccessRule(row.getLong(1), row.getLong(2),
                        row.getString(3), row.getString(4), Level.parse(row.getString(5))), guildId);
    }

    /** The highest level that the rules of these roles give for a server. */
    public static Level level(List<AccessRule> rules, Collection<Long> roleIds, String panel, String serverId) {
        Level best = Level.NONE;
        for (AccessRule rule : rules) {
            if (roleIds.contains(rule.roleId()) && rule.covers(panel, serverId)
                    && rule.level().compareTo(best) > 0) {
                best = rule.level();
            }
        }
        return best;
    }
}
