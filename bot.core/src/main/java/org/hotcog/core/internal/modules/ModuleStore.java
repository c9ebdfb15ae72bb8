package org.hotcog.core.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.osgi.framework.Bundle;

/**
 * The jars of each module's current and previous version, kept in {@code <data>/modules/<name>/}
 * so that a rollback has something to go back to, after a restart too.
 *
 * <p>Only two versions are kept: an update makes the current jar the previous one and drops the
 * one before. A module installed some other way (the console's bundle page) has no jar here until
 * its first update, which first copies the running version out of the framework.
 */
final class ModuleStore {
    private static final String STATE_FILE = "versions.properties";
    private static final String CURRENT = "current";
    private static final String PREVIOUS = "previous";

    private final Path root;

    ModuleStore(Path root) {
        this.root = root;
    }

    /** A jar kept for a module: the file and the version its manifest names. */
    record StoredJar(Path file, String version) {
    }

    Optional<StoredJar> current(String symbolicName) throws IOException {
        return stored(symbolicName, CURRENT);
    }

    Optional<StoredJar> previous(String symbolicName) throws IOException {
        return stored(symbolicName, PREVIOUS);
    }

    /** Keeps {@code jar} as the module's current version; the current one becomes the previous. */
    StoredJar advance(String symbolicName, Path jar, String version) throws IOException {
        Properties state = state(symbolicName);
        Path dir = folder(symbolicName);
        Files.createDirectories(dir);
        String fileName = version + "-" + Long.toHexString(System.nanoTime()) + ".jar";
        Files.copy(jar, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        String dropped = state.getProperty(PREVIOUS);
        if (state.getProperty(CURRENT) != null) {
            state.setProperty(PREVIOUS, state.getProperty(CURRENT));
        }
        state.setProperty(CURRENT, fileName);
        save(symbolicName, state);
        if (dropped != null && !dropped.equals(state.getProperty(PREVIOUS))) {
            Files.deleteIfExists(dir.resolve(dropped));
        }
        return new StoredJar(dir.resolve(fileName), version);
    }

    /** Swaps current and previous: after a rollback, the version rolled back from is the previous one. */
    void swap(String symbolicName) throws IOException {
        Properties state = state(symbolicName);
        String current = state.getProperty(CURRENT);
        state.setProperty(CURRENT, state.getProperty(PREVIOUS));
        state.setProperty(PREVIOUS, current);
        save(symbolicName, state);
    }

    /** Drops the newest version, after an update that was rolled back: the previous one is current again. */
    void retreat(String symbolicName) throws IOException {
        Properties state = state(symbolicName);
        String failed = state.getProperty(CURRENT);
        String previous = state.getProperty(PREVIOUS);
        state.remove(PREVIOUS);
        if (previous != null) {
            state.setProperty(CURRENT, previous);
        } else {
            state.remove(CURRENT);
        }
        save(symbolicName, state);
        if (failed != null) {
            Files.deleteIfExists(folder(symbolicName).resolve(failed));
        }
    }

    void forget(String symbolicName) throws IOException {
        Path dir = folder(symbolicName);
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** Writes the content of an installed bundle back into a jar, manifest first as jars require. */
    static void snapshot(Bundle bundle, Path jar) throws IOException {
        URL manifest = bundle.getEntry(JarFile.MANIFEST_NAME);
        if (manifest == null) {
            throw new IOException(bundle.getSymbolicName() + " has no manifest entry to copy");
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            copyEntry(manifest, JarFile.MANIFEST_NAME, out);
            Enumeration<URL> entries = bundle.findEntries("/", "*", true);
            for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String name = entry.getPath().replaceFirst("^/+", "");
                if (name.isEmpty() || name.equals(JarFile.MANIFEST_NAME) || name.equals("META-INF/")) {
                    continue;
                }
                if (name.endsWith("/")) {
                    out.putNextEntry(new JarEntry(name));
                    out.closeEntry();
                } else {
                    copyEntry(entry, name, out);
                }
            }
        }
    }

    private static void copyEntry(URL from, String name, JarOutputStream out) throws IOException {
        out.putNextEntry(new JarEntry(name));
        try (InputStream in = from.openStream()) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

    private Optional<StoredJar> stored(String symbolicName, String which) throws IOException {
        String fileName = state(symbolicName).getProperty(which);
        if (fileName == null || !Files.isRegularFile(folder(symbolicName).resolve(fileName))) {
            return Optional.empty();
        }
        return Optional.of(new StoredJar(folder(symbolicName).resolve(fileName),
                fileName.substring(0, fileName.lastIndexOf('-'))));
    }

    private Path folder(String symbolicName) {
        return root.resolve(symbolicName.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private Properties state(String symbolicName) throws IOException {
        Properties state = new Properties();
        Path file = folder(symbolicName).resolve(STATE_FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                state.load(in);
            }
        }
        return state;
    }

    private void save(String symbolicName, Properties state) throws IOException {
        Path file = folder(symbolicName).resolve(STATE_FILE);
        Path temp = file.resolveSibling(STATE_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            state.store(out, "Jars of the current and the previous version of this module");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
