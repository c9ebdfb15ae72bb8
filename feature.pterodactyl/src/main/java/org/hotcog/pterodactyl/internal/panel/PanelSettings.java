package org.hotcog.pterodactyl.internal.panel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.api.secrets.UnreadableSecretException;
import org.hotcog.pterodactyl.internal.client.PanelClient;

/**
 * A panel's configuration once checked: the keys opened (they may be stored sealed or, until the core seals them,
 * plain). Two configurations that differ only in how a key is stored give equal settings, so that sealing a key in
 * place changes nothing that runs. {@link #toString()} shows the keys redacted.
 */
public record PanelSettings(String name, String url, String clientKey, String applicationKey, Set<Long> guilds) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    /** Problems found in a configuration, each naming its field: {@code "url: …"}. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Checks a configuration.
     *
     * @throws Invalid listing every wrong field; its messages never contain a key
     */
    public static PanelSettings of(PanelConfig config, SecretBox secrets) throws Invalid {
        List<String> problems = new ArrayList<>();
        String name = config.name() == null ? "" : config.name().trim();
        if (!NAME.matcher(name).matches()) {
            problems.add("name: \"" + name + "\" must be 1 to 32 of a-z, 0-9, - and _");
        }
        String url = null;
        try {
            url = PanelClient.validUrl(config.url());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String clientKey = key("clientKey", config._clientKey(), "ptlc_", secrets, problems);
        String applicationKey = config._applicationKey() == null || config._applicationKey().isBlank() ? null
                : key("applicationKey", config._applicationKey(), "ptla_", secrets, problems);
        Set<Long> guilds = new LinkedHashSet<>();
        for (String guild : config.guilds() == null ? new String[0] : config.guilds()) {
            try {
                long id = Long.parseLong(guild.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                guilds.add(id);
            } catch (NumberFormatException e) {
                problems.add("guilds: \"" + guild + "\" is not a Discord guild id");
            }
        }
        if (guilds.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("guilds:"))) {
            problems.add("guilds: name at least one guild that may use the panel");
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new PanelSettings(name, url, clientKey, applicationKey, Set.copyOf(guilds));
    }

    private static String key(String field, String value, String prefix, SecretBox secrets, List<String> problems) {
        String plain = value == null ? "" : value.trim();
        if (secrets.isSealed(plain)) {
            try {
                plain = secrets.open(plain);
            } catch (UnreadableSecretException e) {
                problems.add(field + ": the stored key cannot be opened (" + e.reason()
                        + "): enter the key again");
                return null;
            }
        }
        try {
            return PanelClient.validKey(field, plain, prefix);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "PanelSettings[name=" + name + ", url=" + url + ", clientKey=" + SecretBox.redact(clientKey)
                + ", applicationKey=" + (applicationKey == null ? "none" : SecretBox.redact(applicationKey))
                + ", guilds=" + guilds + "]";
    }
}
