package org.hotcog.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.LogManager;

import org.hotcog.core.internal.settings.Settings;

/**
 * Passes the checked configuration to the framework as system properties, which the framework
 * offers to every bundle as framework properties.
 */
final class FrameworkProperties {
    private FrameworkProperties() {
    }

    static void apply(Settings settings, ConsoleCredentials credentials, boolean interactive) {
        String dataDir = settings.dataDir().toString();
        set("hotcog.data.dir", dataDir);
        set("hotcog.config.file", settings.source().toAbsolutePath().toString());
        set("org.osgi.service.http.port", settings.get(Settings.HTTP_PORT));
        set("org.apache.felix.http.host", settings.get(Settings.HTTP_HOST));
        set("felix.webconsole.username", credentials.user());
        set("felix.webconsole.password", credentials.passwordHash());
        // Without a terminal, Gogo must not read stdin: at its end it would stop the framework.
        set("gosh.args", interactive ? "" : "--nointeractive");
        set("org.slf4j.simpleLogger.defaultLogLevel", settings.get(Settings.LOG_LEVEL));
        set("org.slf4j.simpleLogger.showDateTime", "true");
        set("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        set("org.slf4j.simpleLogger.showShortLogName", "true");
        // Jetty's debug output is the wire: it prints every request header, bearer tokens and the
        // console's credentials included, so it stays at info whatever log.level says.
        if (Set.of("debug", "trace").contains(settings.get(Settings.LOG_LEVEL))) {
            set("org.slf4j.simpleLogger.log.org.eclipse.jetty", "info");
        }
    }

    /**
     * Libraries that log through java.util.logging (CXF, SPI Fly) print in the same one-line form
     * as the rest; their chatter below WARNING is shown only at debug and trace. So is the warning
     * of CXF's servlet about a request that comes in the moment before the REST application serves
     * (the client is answered 404): at start-up a health probe would log it at each try.
     */
    static void configureJavaLogging(Settings settings) {
        String level = switch (settings.get(Settings.LOG_LEVEL)) {
            case "trace" -> "FINEST";
            case "debug" -> "FINE";
            case "error" -> "SEVERE";
            default -> "WARNING";
        };
        String config = "handlers=java.util.logging.ConsoleHandler\n"
                + ".level=" + level + "\n"
                + "org.apache.cxf.transport.servlet.ServletController.level="
                + (level.equals("WARNING") ? "SEVERE" : level) + "\n"
                + "java.util.logging.ConsoleHandler.level=ALL\n"
                + "java.util.logging.SimpleFormatter.format=%1$tF %1$tT.%1$tL [%3$s] %4$s %5$s%6$s%n\n";
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(config.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An explicit -D on the command line wins over the configuration. */
    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
