package org.hotcog.pterodactyl.internal.panel;

import java.util.Map;

import org.hotcog.api.secrets.SecretBox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One panel configuration, handed to the {@link PanelRegistry}. A change arrives through {@link #modified} rather
 * than a new instance, so that the registry can keep the running panel when the change is wrong, and keep
 * everything when the change only seals a key that was stored plain. Never fails: problems are the registry's
 * state and log, not a component that would not start.
 */
@Component(service = {}, configurationPid = PanelConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PanelConfig.class, factory = true)
public final class PanelConfiguration {
    private final PanelRegistry registry;
    private final SecretBox secrets;
    private final String pid;

    @Activate
    public PanelConfiguration(@Reference PanelRegistry registry, @Reference SecretBox secrets, PanelConfig config,
            Map<String, Object> properties) {
        this.registry = registry;
        this.secrets = secrets;
        this.pid = String.valueOf(properties.get("service.pid"));
        apply(config);
    }

    @Modified
    void modified(PanelConfig config) {
        apply(config);
    }

    private void apply(PanelConfig config) {
        try {
            registry.configure(pid, PanelSettings.of(config, secrets));
        } catch (PanelSettings.Invalid e) {
            registry.reject(pid, String.valueOf(config.name()), e.problems());
        }
    }

    @Deactivate
    void deactivate() {
        registry.remove(pid);
    }
}
