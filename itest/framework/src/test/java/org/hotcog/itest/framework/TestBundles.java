package org.hotcog.itest.framework;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.hotcog.itest.fixture.StorageProbe;
import org.hotcog.itest.fixture.SwapCommand;

/** Builds small bundles in memory: migrations plus a component that needs the database. */
public final class TestBundles {
    private TestBundles() {
    }

    /**
     * @param migrations file name to SQL, placed under db/migration
     */
    static InputStream withMigrations(String symbolicName, String version, Map<String, String> migrations)
            throws IOException {
        Manifest manifest = manifest(symbolicName, version);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Import-Package", "javax.sql");
        main.putValue("Service-Component", "OSGI-INF/probe.xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> migration : migrations.entrySet()) {
                add(jar, "db/migration/" + migration.getKey(), migration.getValue().getBytes(StandardCharsets.UTF_8));
            }
            copyClass(jar, StorageProbe.class);
            add(jar, "OSGI-INF/probe.xml", component(symbolicName).getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /**
     * A feature bundle (module {@code swap}) whose {@code /swap} command answers with {@code version}.
     */
    public static InputStream swapFeature(String version) throws IOException {
        return new ByteArrayInputStream(feature("org.hotcog.itest.swap", version, false));
    }

    /**
     * The {@code swap} feature under another symbolic name; a broken release's command throws
     * when it is activated, as a release with a bug in its start-up would.
     */
    public static byte[] feature(String symbolicName, String version, boolean broken) throws IOException {
        Manifest manifest = manifest(symbolicName, version);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Hotcog-Module", "swap");
        main.putValue("Import-Package", "org.hotcog.api.command;version=\"[1.0,2)\","
                + "org.hotcog.api.interaction;version=\"[1.0,2)\","
                + "net.dv8tion.jda.api.interactions.commands;version=\"[6.5,7)\","
                + "net.dv8tion.jda.api.interactions.commands.build;version=\"[6.5,7)\"");
        main.putValue("Service-Component", "OSGI-INF/swap.xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            copyClass(jar, SwapCommand.class);
            add(jar, "OSGI-INF/swap.xml", """
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="swap" activate="activate">
                      <implementation class="%s"/>
                      <service><provide interface="org.hotcog.api.command.SlashCommand"/></service>
                      <property name="version" value="%s"/>
                      <property name="brokenRelease" type="Boolean" value="%s"/>
                    </scr:component>
                    """.formatted(SwapCommand.class.getName(), version, broken).getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /**
     * A module with no classes of its own: a test registers services on its behalf through its
     * bundle context, and they leave when it stops.
     */
    static InputStream module(String symbolicName, String version, String module) {
        Manifest manifest = manifest(symbolicName, version);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Hotcog-Module", module);
        main.putValue("Import-Package", "org.hotcog.api.jobs;version=\"[1.0,2)\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            add(jar, "readme.txt", ("module " + module).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /**
     * A bundle that only declares the metatype of a factory PID: a secret attribute {@code .token}
     * (a password) and a plain attribute {@code name}.
     */
    static InputStream declaringSecret(String symbolicName, String factoryPid) throws IOException {
        return declaringSecret(symbolicName, "1.0.0", factoryPid, true);
    }

    /**
     * The same, in a version; with {@code opensSecrets} it imports the secrets API, as a module that reads its sealed
     * secrets does, and without it it stands for a bundle that knows nothing of sealing (the web console).
     */
    static InputStream declaringSecret(String symbolicName, String version, String factoryPid, boolean opensSecrets)
            throws IOException {
        Manifest manifest = manifest(symbolicName, version);
        if (opensSecrets) {
            manifest.getMainAttributes().putValue("Import-Package", "org.hotcog.api.secrets;version=\"[1.0,2)\"");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            add(jar, "OSGI-INF/metatype/" + factoryPid + ".xml", """
                    <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0">
                      <OCD id="%1$s" name="Sealed in tests">
                        <AD id=".token" type="Password" required="false"/>
                        <AD id="name" type="String" required="false"/>
                      </OCD>
                      <Designate factoryPid="%1$s"><Object ocdref="%1$s"/></Designate>
                    </metatype:MetaData>
                    """.formatted(factoryPid).getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /** A bundle that imports a package nobody exports, so it cannot resolve. */
    static byte[] unresolvable(String symbolicName) throws IOException {
        Manifest manifest = manifest(symbolicName, "1.0.0");
        Attributes main = manifest.getMainAttributes();
        main.putValue("Hotcog-Module", "unresolvable");
        main.putValue("Import-Package", "org.example.nowhere;version=\"[1.0,2)\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            add(jar, "readme.txt", "needs org.example.nowhere".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** A manifest with the headers every bundle needs. */
    private static Manifest manifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        return manifest;
    }

    private static void copyClass(JarOutputStream jar, Class<?> type) throws IOException {
        String path = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            add(jar, path, in.readAllBytes());
        }
    }

    private static String component(String symbolicName) {
        return """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s.probe" immediate="true">
                  <implementation class="%s"/>
                  <service><provide interface="java.lang.Runnable"/></service>
                  <property name="probe" value="%s"/>
                  <reference name="database" interface="javax.sql.DataSource" field="database"/>
                </scr:component>
                """.formatted(symbolicName, StorageProbe.class.getName(), symbolicName);
    }

    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }
}
