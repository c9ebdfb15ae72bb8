package org.hotcog.core.internal.secrets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.core.internal.startup.StartupSignal;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the secrets of every module's configuration encrypted at rest. ConfigAdmin writes values in
 * plain text to the data folder; a module declares a secret as a {@code PASSWORD} attribute in its
 * metatype ({@code @AttributeDefinition(type = AttributeType.PASSWORD)}), and as soon as a
 * configuration with a plain value for such an attribute is saved (from the Web Console, the REST
 * API or code) this listener saves it again with the value sealed by the {@link SecretBox}. The
 * module reads either form: {@code secrets.isSealed(v) ? secrets.open(v) : v}, since it may see
 * the plain value for the moment before the rewrite.
 *
 * <p>Only the configurations of bundles that import {@code org.hotcog.api.secrets} are sealed: those can open what
 * is sealed. Other bundles declare passwords too (the web console's own password, Felix HTTP's keystore password),
 * and would read the sealed text as the value.
 *
 * <p>A configuration can be saved before the bundle that declares its metatype is installed; the
 * bundle's start is therefore a second occasion to seal, besides each save. Each bundle's metatype is
 * read once, at activation or, for a bundle about to start, when it starts (Felix's metatype service
 * parses the documents on every request); a save looks its PID up in what was read.
 */
@Component(service = ConfigurationListener.class)
public final class ConfigurationSealer implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationSealer.class);
    /** The secrets package as one clause of an Import-Package header (a version range may hold a comma). */
    private static final Pattern SECRETS_IMPORT = Pattern.compile(
            "(^|,)\\s*" + Pattern.quote(SecretBox.class.getPackageName()) + "\\s*(;|,|$)");

    @Reference
    private ConfigurationAdmin configurationAdmin;
    @Reference
    private MetaTypeService metaTypes;
    @Reference
    private SecretBox secrets;
    private BundleContext context;
    private final SynchronousBundleListener bundleStarts = this::bundleChanged;
    /** The PASSWORD attributes of each PID and factory PID that declares any, from the bundles read so far. */
    private final Map<String, List<String>> passwordsByPid = new ConcurrentHashMap<>();

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        context.addBundleListener(bundleStarts);
        for (Bundle bundle : context.getBundles()) {
            if (!aboutToStart(bundle)) {
                sealBundle(bundle);
            }
        }
    }

    /**
     * Whether the bundle is to start but has not yet: at start-up, every bundle after the core. Its start is read
     * then (a metatype read costs an XML parse).
     */
    private static boolean aboutToStart(Bundle bundle) {
        return (bundle.getState() & (Bundle.INSTALLED | Bundle.RESOLVED)) != 0
                && StartupSignal.persistentlyStarted(bundle);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundleStarts);
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() != ConfigurationEvent.CM_UPDATED) {
            return;
        }
        String declared = event.getFactoryPid() != null ? event.getFactoryPid() : event.getPid();
        List<String> passwords = passwordsByPid.getOrDefault(declared, List.of());
        if (!passwords.isEmpty()) {
            seal(filter("service.pid", event.getPid()), passwords);
        }
    }

    /**
     * Called on the thread that started the bundle, which holds the bundle's lock until the event is delivered: the
     * bundle is resolved and stays so while its metatype is read. Read later, on the framework's event thread, the
     * bundle could be in its next update by then; the metatype service reads a bundle's entries, which makes the
     * framework resolve an unresolved bundle, and that resolve would need the lock of the updating thread, which
     * waits for the resolve's lock: Felix breaks such a cycle by failing the update. Only bundles that open secrets
     * are read, a few small documents, so a start waits little for it.
     */
    private void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STARTED) {
            sealBundle(event.getBundle());
        }
    }

    /** Seals the configurations of every PID and factory PID whose metatype the bundle declares. */
    private void sealBundle(Bundle bundle) {
        if (!opensSecrets(bundle)) {
            return;
        }
        MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
        if (information == null) {
            return;
        }
        for (String pid : information.getPids()) {
            sealDeclared(information, pid, "service.pid");
        }
        for (String factoryPid : information.getFactoryPids()) {
            sealDeclared(information, factoryPid, "service.factoryPid");
        }
    }

    private void sealDeclared(MetaTypeInformation information, String pid, String property) {
        List<String> passwords = passwordAttributes(information, pid);
        if (passwords.isEmpty()) {
            passwordsByPid.remove(pid);
        } else {
            passwordsByPid.put(pid, passwords);
            seal(filter(property, pid), passwords);
        }
    }

    /** Whether the bundle imports the secrets API: its headers say so without resolving it. */
    private static boolean opensSecrets(Bundle bundle) {
        return importsSecretsApi(bundle.getHeaders("").get(Constants.IMPORT_PACKAGE));
    }

    /** Whether an Import-Package header (null when there is none) names the secrets API. */
    static boolean importsSecretsApi(String importPackage) {
        return importPackage != null && SECRETS_IMPORT.matcher(importPackage).find();
    }

    private static List<String> passwordAttributes(MetaTypeInformation information, String pid) {
        ObjectClassDefinition definition;
        try {
            definition = information.getObjectClassDefinition(pid, null);
        } catch (IllegalArgumentException noDefinition) {
            return List.of();
        }
        AttributeDefinition[] attributes = definition == null ? null
                : definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        List<String> passwords = new ArrayList<>();
        for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                passwords.add(attribute.getID());
            }
        }
        return passwords;
    }

    /**
     * Saves each matching configuration again with its plain secrets sealed. Synchronized so that
     * a save and a bundle start arriving together do not both seal the same value.
     */
    private synchronized void seal(String filter, List<String> passwords) {
        Configuration[] configurations;
        try {
            configurations = configurationAdmin.listConfigurations(filter);
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Cannot list the configurations {} to seal their secrets", filter, e);
            return;
        }
        for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                continue;
            }
            Set<String> sealed = new TreeSet<>();
            try {
                for (String attribute : passwords) {
                    Object value = properties.get(attribute);
                    Object sealedValue = sealed(value);
                    if (sealedValue != value) {
                        properties.put(attribute, sealedValue);
                        sealed.add(attribute);
                    }
                }
                if (sealed.isEmpty()) {
                    continue;
                }
                configuration.updateIfDifferent(properties);
                LOG.info("Sealed the secrets {} of configuration {}", sealed, configuration.getPid());
            } catch (IllegalArgumentException tooLong) {
                LOG.warn("A secret of configuration {} is longer than {} characters and stays unsealed",
                        configuration.getPid(), SecretBox.MAX_SECRET_LENGTH);
            } catch (IOException | IllegalStateException e) {
                // Deleted meanwhile, or the store failed: the plain value stays until the next save.
                LOG.warn("Cannot seal the secrets {} of configuration {}: {}", sealed, configuration.getPid(),
                        e.toString());
            }
        }
    }

    /** The value with every plain, non-empty text sealed; the same object when nothing needed it. */
    private Object sealed(Object value) {
        if (value instanceof String text) {
            return needsSealing(text) ? secrets.seal(text) : value;
        }
        if (value instanceof String[] texts && Arrays.stream(texts).anyMatch(this::needsSealing)) {
            return Arrays.stream(texts).map(text -> needsSealing(text) ? secrets.seal(text) : text)
                    .toArray(String[]::new);
        }
        return value;
    }

    private boolean needsSealing(String text) {
        return text != null && !text.isEmpty() && !secrets.isSealed(text);
    }

    private static String filter(String property, String value) {
        return "(" + property + "=" + value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                .replace("*", "\\*") + ")";
    }
}
