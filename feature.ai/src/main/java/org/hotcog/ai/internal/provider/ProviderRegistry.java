package org.hotcog.ai.internal.provider;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The providers configured now, by name. Providers come and go with their configurations (an admin adds one, the
 * core rewrites a key into its sealed form, which reactivates the provider), so this reference is dynamic: a
 * provider changing must not restart the assistant and the answers it is streaming with other providers.
 */
@Component(service = ProviderRegistry.class)
public final class ProviderRegistry {

    private final List<ChatProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ChatProvider provider) {
        providers.add(provider);
    }

    void removeProvider(ChatProvider provider) {
        providers.remove(provider);
    }

    /** @return the providers configured now, by name */
    public List<ChatProvider> all() {
        return providers.stream().sorted((a, b) -> a.settings().name().compareTo(b.settings().name())).toList();
    }

    /**
     * @param name a provider's name
     * @return the provider of that name, if configured now (the newest, while a reconfigured one is replaced)
     */
    public Optional<ChatProvider> find(String name) {
        List<ChatProvider> now = List.copyOf(providers);
        for (int i = now.size() - 1; i >= 0; i--) {
            ChatProvider provider = now.get(i);
            if (provider.settings().name().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /**
     * @param configured the configured default's name, or empty
     * @return the provider where nothing was chosen: the configured default, else the first by name
     */
    public Optional<ChatProvider> byDefault(String configured) {
        if (configured != null && !configured.isBlank()) {
            return find(configured.strip());
        }
        return all().stream().findFirst();
    }
}
