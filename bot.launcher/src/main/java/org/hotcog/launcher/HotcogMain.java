package org.hotcog.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.hotcog.core.internal.settings.InvalidSettingsException;
import org.hotcog.core.internal.settings.Settings;

/**
 * The executable jar's entry point. Everything that must be right before the framework starts
 * happens here, quickly and with plain messages: the configuration is checked (a bad value exits
 * with status 2 naming the key), the data folder is made owner-only, the web console gets its
 * credentials, and a taken port is reported (status 3). Then the framework starts on storage kept
 * in the data folder, so that bundles installed at runtime survive a restart.
 *
 * <p>With the argument {@code token}, it manages the REST API's tokens of the running bot instead.
 */
public final class HotcogMain {
    static final int EXIT_BAD_CONFIGURATION = 2;
    static final int EXIT_PORT_IN_USE = 3;

    private HotcogMain() {
    }

    public static void main(String[] args) throws Throwable {
        Map<String, String> environment = System.getenv();
        Settings settings;
        try {
            settings = Settings.load(Settings.configFile(environment), environment);
        } catch (InvalidSettingsException e) {
            fail(EXIT_BAD_CONFIGURATION, e.getMessage());
            return;
        }
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(java.util.List.of(args).subList(1, args.length), settings, System.out,
                    System.err));
            return;
        }
        if (args.length > 0) {
            fail(EXIT_BAD_CONFIGURATION, "unknown command \"" + args[0] + "\"\n" + TokenCommand.USAGE);
            return;
        }
        Path dataDir = settings.dataDir();
        ConsoleCredentials credentials;
        try {
            DataFolder.prepare(dataDir);
            credentials = ConsoleCredentials.resolve(settings, dataDir);
        } catch (IOException e) {
            fail(EXIT_BAD_CONFIGURATION, "Invalid configuration:\n  " + Settings.DATA_DIR.key() + " ("
                    + Settings.DATA_DIR.environmentVariable() + "): cannot use " + dataDir + ": " + e.getMessage());
            return;
        }
        String host = settings.get(Settings.HTTP_HOST);
        int port = settings.getInt(Settings.HTTP_PORT);
        if (!isFree(host, port)) {
            fail(EXIT_PORT_IN_USE, "Port " + port + " on " + host + " is already in use. Stop what uses it, or set "
                    + Settings.HTTP_PORT.environmentVariable() + " (" + Settings.HTTP_PORT.key() + ") to a free port.");
            return;
        }
        FrameworkProperties.apply(settings, credentials, System.console() != null);
        FrameworkProperties.configureJavaLogging(settings);
        System.out.printf("Hotcog is starting: http://%s:%d/api/health, web console http://%s:%d/system/console "
                + "(user %s%s), data in %s%n", host, port, host, port, credentials.user(),
                credentials.generatedFile() == null ? ""
                        : ", password in " + credentials.generatedFile(), dataDir);
        int status = Runpath.launchFramework(ownJar(), dataDir);
        System.exit(status);
    }

    private static void fail(int status, String message) {
        System.err.println("hotcog: " + message);
        System.exit(status);
    }

    private static Path ownJar() throws java.net.URISyntaxException {
        return Path.of(HotcogMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
