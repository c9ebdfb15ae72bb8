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
 * in the data folder, so that bundles installed at runtime survive a restart. The HTTP port stays
 * held from its check until the web server takes it over: while the framework starts, other parts
 * open ports of their own (the local Discord of the offline mode picks ephemeral ones), and one of
 * them must not take the operator's port in that moment.
 *
 * <p>With the argument {@code token}, it manages the REST API's tokens of the running bot instead.
 */
public final class HotcogMain {
    static final int EXIT_BAD_CONFIGURATION = 2;
    static final int EXIT_PORT_IN_USE = 3;
    private static final String STOP_OR_MOVE = "Stop what uses it, or set " + Settings.HTTP_PORT.environmentVariable()
            + " (" + Settings.HTTP_PORT.key() + ") to a free port.";

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
        ServerSocket heldPort;
        try {
            heldPort = holdPort(host, port);
        } catch (IOException e) {
            fail(EXIT_PORT_IN_USE, cannotListen(host, port, e));
            return;
        }
        FrameworkProperties.apply(settings, credentials, System.console() != null);
        FrameworkProperties.configureJavaLogging(settings);
        System.out.printf("Hotcog is starting: http://%s:%d/api/health, web console http://%s:%d/system/console "
                + "(user %s%s), data in %s%n", host, port, host, port, credentials.user(),
                credentials.generatedFile() == null ? ""
                        : ", password in " + credentials.generatedFile(), dataDir);
        int status = Runpath.launchFramework(ownJar(), dataDir, heldPort);
        if (status == EXIT_PORT_IN_USE) {
            fail(status, "the web server could not open its port (the log above says which, and why). " + STOP_OR_MOVE);
        }
        System.exit(status);
    }

    private static void fail(int status, String message) {
        System.err.println("hotcog: " + message);
        System.exit(status);
    }

    private static Path ownJar() throws java.net.URISyntaxException {
        return Path.of(HotcogMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Binds the HTTP port as the web server will: with address reuse, so a connection of the last run is no obstacle. */
    private static ServerSocket holdPort(String host, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static String cannotListen(String host, int port, IOException cause) {
        String reason = String.valueOf(cause.getMessage());
        if (reason.contains("already in use")) {
            return "Port " + port + " on " + host + " is already in use. " + STOP_OR_MOVE;
        }
        return "cannot listen on port " + port + " of " + host + ": " + reason + ". Set "
                + Settings.HTTP_HOST.environmentVariable() + " (" + Settings.HTTP_HOST.key()
                + ") to an address of this machine and " + Settings.HTTP_PORT.environmentVariable() + " ("
                + Settings.HTTP_PORT.key() + ") to a free port.";
    }

}
