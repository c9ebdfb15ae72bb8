package org.hotcog.pterodactyl.internal.servers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.access.AccessRule;
import org.hotcog.pterodactyl.internal.access.AccessStore;
import org.hotcog.pterodactyl.internal.access.Level;
import org.hotcog.pterodactyl.internal.access.MemberKeys;
import org.hotcog.pterodactyl.internal.client.PanelClient;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Which servers a member may see and control, across the guild's panels: with the member's own linked key, every
 * server that key sees (with control, the panel enforcing the key's own permissions); with the panel's key, the
 * servers the guild's access rules give the member's roles; members with Manage Server control all of them.
 *
 * <p>Server lists are kept for {@link #LIST_TTL} per key, so that autocomplete and repeated commands stay far within
 * the panel's rate limit; a key the panel refuses is dropped from the cache at once.
 */
@Component(service = ServerAccess.class)
public final class ServerAccess {
    static final Duration LIST_TTL = Duration.ofSeconds(30);
    /**
     * A server named by its reference but missing from a list older than this is looked for in a fresh list: it may
     * be new (or newly granted to the key).
     */
    static final Duration MISS_TTL = Duration.ofSeconds(1);

    /** What a member sees: the servers, and what went wrong with some panels or keys (one sentence each). */
    public record Visible(List<Target> targets, List<String> problems) {
    }

    private record Cached(List<PanelServerInfo> servers, long fetchedAt) {
    }

    private final PanelRegistry panels;
    private final AccessStore rules;
    private final MemberKeys keys;
    private final Map<String, Cached> lists = new ConcurrentHashMap<>();

    @Activate
    public ServerAccess(@Reference PanelRegistry panels, @Reference AccessStore rules, @Reference MemberKeys keys) {
        this.panels = panels;
        this.rules = rules;
        this.keys = keys;
    }

    /** Every server the member may see in the guild, by panel and name. */
    public Visible visible(Member member) {
        List<Target> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<AccessRule> guildRules = rules.rules(member.getGuild().getIdLong());
        for (Panel panel : panels.forGuild(member.getGuild().getIdLong())) {
            Set<String> seen = new HashSet<>();
            Optional<String> key = keys.find(member.getIdLong(), panel.name());
            if (key.isPresent()) {
                try {
                    for (PanelServerInfo server : memberList(member.getIdLong(), panel, key.get())) {
                        targets.add(new Target(panel, panels.clientFor(panel, key.get()), server, Level.CONTROL, true));
                        seen.add(server.identifier());
                    }
                } catch (PanelException e) {
                    problems.add(PanelRefusals.of(panel.name(), panel.name(), e, true).getMessage());
                }
            }
            if (!admin(member) && guildRules.stream().noneMatch(r -> roleIds(member).contains(r.roleId())
                    && (r.panel().equals(AccessRule.ALL) || r.panel().equals(panel.name())))) {
                continue;
            }
            try {
                for (PanelServerInfo server : panelList(panel)) {
                    Level level = level(member, guildRules, panel, server.identifier());
                    if (level != Level.NONE && !seen.contains(server.identifier())) {
                        targets.add(new Target(panel, panel.client(), server, level, false));
                    }
                }
            } catch (PanelException e) {
                problems.add(PanelRefusals.of(panel.name(), panel.name(), e, false).getMessage());
            }
        }
        targets.sort((a, b) -> a.ref().compareTo(b.ref()));
        return new Visible(targets, problems);
    }

    /**
     * The server a member named, if the member may reach it at {@code needed}.
     *
     * @param ref {@code panel/identifier} as autocomplete offers it, or a server's name or identifier
     * @throws Refusal when there is no such server for the member, the member may only view it, or the panel failed
     */
    public Target resolve(Member member, String ref, Level needed) {
        String typed = ref == null ? "" : ref.trim();
        int slash = typed.indexOf('/');
        Target target = slash < 0 ? byName(member, typed) : byRef(member, typed.substring(0, slash),
                typed.substring(slash + 1));
        if (target.level().compareTo(needed) < 0) {
            throw new Refusal("You may view " + target.label() + " but not use its power, commands or console.");
        }
        return target;
    }

    private Target byName(Member member, String typed) {
        Visible visible = visible(member);
        List<Target> matches = visible.targets().stream().filter(t -> t.server().identifier().equals(typed)
                || t.server().name().toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT))).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new Refusal("Several servers are named " + typed + ": choose one from the list ("
                    + String.join(", ", matches.stream().map(Target::ref).toList()) + ").");
        }
        if (!visible.problems().isEmpty()) {
            throw new Refusal(visible.problems().get(0));
        }
        throw unknown(typed);
    }

    private Target byRef(Member member, String panelName, String identifier) {
        Panel panel = panels.forGuild(member.getGuild().getIdLong(), panelName)
                .orElseThrow(() -> unknown(panelName + "/" + identifier));
        Optional<String> key = keys.find(member.getIdLong(), panel.name());
        Refusal keyProblem = null;
        if (key.isPresent()) {
            try {
                PanelClient client = panels.clientFor(panel, key.get());
                Optional<PanelServerInfo> mine = find(memberCacheKey(member.getIdLong(), panel), client, identifier);
                if (mine.isPresent()) {
                    return new Target(panel, client, mine.get(), Level.CONTROL, true);
                }
            } catch (PanelException e) {
                keyProblem = PanelRefusals.of(panel.name(), panelName + "/" + identifier, e, true);
            }
        }
        Level level = level(member, rules.rules(member.getGuild().getIdLong()), panel, identifier);
        if (level == Level.NONE) {
            throw keyProblem != null ? keyProblem : unknown(panelName + "/" + identifier);
        }
        try {
            PanelServerInfo server = find(panelCacheKey(panel), panel.client(), identifier)
                    .orElseThrow(() -> unknown(panelName + "/" + identifier));
            return new Target(panel, panel.client(), server, level, false);
        } catch (PanelException e) {
            throw PanelRefusals.of(panel.name(), panelName + "/" + identifier, e, false);
        }
    }

    /** A failure of a call made for a target: the refusal to show, after dropping a refused key's cached list. */
    public Refusal failed(long userId, Target target, PanelException failure) {
        if (failure instanceof PanelException.Unauthorized || failure instanceof PanelException.NotFound) {
            lists.remove(target.memberKey() ? memberCacheKey(userId, target.panel()) : panelCacheKey(target.panel()));
        }
        return PanelRefusals.of(target.panel().name(), target.label(), failure, target.memberKey());
    }

    /** Forgets the member's cached list of a panel, after a link or unlink. */
    public void forgetMember(long userId, Panel panel) {
        lists.remove(memberCacheKey(userId, panel));
    }

    private static Refusal unknown(String typed) {
        return new Refusal("Unknown server: " + typed + ". Pick one of the servers that /server list shows you.");
    }

    private static boolean admin(Member member) {
        return member.hasPermission(Permission.MANAGE_SERVER);
    }

    private static Set<Long> roleIds(Member member) {
        Set<Long> ids = new HashSet<>();
        ids.add(member.getGuild().getIdLong());
        for (Role role : member.getRoles()) {
            ids.add(role.getIdLong());
        }
        return ids;
    }

    private static Level level(Member member, List<AccessRule> guildRules, Panel panel, String identifier) {
        return admin(member) ? Level.CONTROL : AccessStore.level(guildRules, roleIds(member), panel.name(), identifier);
    }

    private List<PanelServerInfo> panelList(Panel panel) {
        return cached(panelCacheKey(panel), panel.client());
    }

    private List<PanelServerInfo> memberList(long userId, Panel panel, String key) {
        return cached(memberCacheKey(userId, panel), panels.clientFor(panel, key));
    }

    /** A changed panel configuration is a new {@link Panel}: its list is fetched anew. */
    private static String panelCacheKey(Panel panel) {
        return "panel:" + panel.pid() + ":" + System.identityHashCode(panel);
    }

    private static String memberCacheKey(long userId, Panel panel) {
        return "member:" + userId + ":" + panel.name();
    }

    private Optional<PanelServerInfo> find(String cacheKey, PanelClient client, String identifier) {
        Optional<PanelServerInfo> found = cached(cacheKey, client, LIST_TTL).stream()
                .filter(s -> s.identifier().equals(identifier)).findFirst();
        return found.isPresent() ? found : cached(cacheKey, client, MISS_TTL).stream()
                .filter(s -> s.identifier().equals(identifier)).findFirst();
    }

    private List<PanelServerInfo> cached(String cacheKey, PanelClient client) {
        return cached(cacheKey, client, LIST_TTL);
    }

    private List<PanelServerInfo> cached(String cacheKey, PanelClient client, Duration maxAge) {
        long now = System.nanoTime();
        Cached hit = lists.get(cacheKey);
        if (hit != null && now - hit.fetchedAt() < maxAge.toNanos()) {
            return hit.servers();
        }
        try {
            List<PanelServerInfo> servers = List.copyOf(client.listServers());
            lists.put(cacheKey, new Cached(servers, now));
            return servers;
        } catch (PanelException.Unauthorized e) {
            lists.remove(cacheKey);
            throw e;
        }
    }
}
