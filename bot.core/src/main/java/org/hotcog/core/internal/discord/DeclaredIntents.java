package org.hotcog.core.internal.discord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The gateway intents that the event listeners of the bundles started or about to start declare
 * ({@code @GatewayIntents}, the component property {@code hotcog.gateway.intents}), read from their
 * component descriptions before those bundles start. The core starts before the feature bundles;
 * opening the Discord connection with only the intents of the listeners registered so far would
 * make it reconnect a few seconds later for theirs: a second IDENTIFY at every start (Discord
 * counts them), and the interactions answered meanwhile cut off with the old connection.
 */
final class DeclaredIntents {
    private static final Logger LOG = LoggerFactory.getLogger(DeclaredIntents.class);
    private static final String PROPERTY = "hotcog.gateway.intents";

    private DeclaredIntents() {
    }

    /**
     * The intents declared by the bundles that are active, starting, or marked to start (an
     * operator's stopped module is not).
     */
    static Set<GatewayIntent> ofStartingBundles(BundleContext context) {
        Set<GatewayIntent> intents = EnumSet.noneOf(GatewayIntent.class);
        XMLInputFactory xml = null;
        for (Bundle bundle : context.getBundles()) {
            String components = bundle.getHeaders("").get("Service-Component");
            if (components == null || !willRun(bundle)) {
                continue;
            }
            for (URL description : descriptions(bundle, components)) {
                try (InputStream in = description.openStream()) {
                    byte[] bytes = in.readAllBytes();
                    // most descriptions name no intents: skip them without parsing
                    if (!new String(bytes, StandardCharsets.UTF_8).contains(PROPERTY)) {
                        continue;
                    }
                    if (xml == null) {
                        xml = XMLInputFactory.newFactory();
                        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                    }
                    intents.addAll(declaredIn(xml.createXMLStreamReader(new ByteArrayInputStream(bytes))));
                } catch (IOException | XMLStreamException | IllegalArgumentException e) {
                    // the listener asks again when it registers; only the early connection misses it
                    LOG.debug("Cannot read the intents of {} in {}: {}", description, bundle.getSymbolicName(),
                            e.toString());
                }
            }
        }
        return intents;
    }

    private static boolean willRun(Bundle bundle) {
        if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
            return true;
        }
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return bundle.getState() != Bundle.UNINSTALLED && startLevel != null && startLevel.isPersistentlyStarted();
    }

    /** The component description files a {@code Service-Component} header names, wildcards included. */
    private static List<URL> descriptions(Bundle bundle, String header) {
        List<URL> files = new ArrayList<>();
        for (String path : header.split(",")) {
            String trimmed = path.strip();
            int slash = trimmed.lastIndexOf('/');
            String folder = slash < 0 ? "/" : trimmed.substring(0, slash);
            String name = trimmed.substring(slash + 1);
            if (name.contains("*")) {
                Enumeration<URL> found = bundle.findEntries(folder, name, false);
                files.addAll(found == null ? List.of() : Collections.list(found));
            } else {
                URL entry = bundle.getEntry(trimmed);
                if (entry != null) {
                    files.add(entry);
                }
            }
        }
        return files;
    }

    /**
     * The intents of the {@code hotcog.gateway.intents} properties of one description: a
     * {@code value} attribute, or one intent a line in the element's text (an array).
     */
    private static Set<GatewayIntent> declaredIn(XMLStreamReader reader) throws XMLStreamException {
        Set<GatewayIntent> intents = EnumSet.noneOf(GatewayIntent.class);
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamReader.START_ELEMENT && "property".equals(reader.getLocalName())
                    && PROPERTY.equals(reader.getAttributeValue(null, "name"))) {
                String value = reader.getAttributeValue(null, "value");
                String names = value != null ? value : reader.getElementText();
                for (String name : names.split("\\s+")) {
                    if (!name.isEmpty()) {
                        intents.add(GatewayIntent.valueOf(name));
                    }
                }
            }
        }
        reader.close();
        return intents;
    }
}
