package org.hotcog.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The class path the framework runs on: the OSGi framework and SLF4J, which the export packs as
 * jars inside the executable jar ({@code Embedded-Runpath}), plus the launcher itself. The packed
 * jars are copied once into the data folder (again only when the packed ones change).
 *
 * <p>The launcher's framework code is loaded through this loader, not the application class
 * loader, because only this one sees the OSGi API; hence the one reflective call below.
 */
final class Runpath {
    private Runpath() {
    }

    static int launchFramework(Path jar, Path dataDir, ServerSocket heldPort) throws Throwable {
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        try (JarFile packed = new JarFile(jar.toFile())) {
            String runpath = packed.getManifest().getMainAttributes().getValue("Embedded-Runpath");
            Path libDir = dataDir.resolve("lib");
            Files.createDirectories(libDir);
            for (String entryName : runpath.split(",")) {
                urls.add(extract(packed, packed.getEntry(entryName.trim()), libDir).toUri().toURL());
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try {
            return (int) loader.loadClass(FrameworkLauncher.class.getName())
                    .getMethod("launch", Path.class, Path.class, ServerSocket.class).invoke(null, jar, dataDir, heldPort);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Path extract(JarFile packed, ZipEntry entry, Path libDir) throws IOException {
        Path target = libDir.resolve(Long.toHexString(entry.getCrc()) + "-" + Path.of(entry.getName()).getFileName());
        if (!Files.exists(target)) {
            Path partial = Files.createTempFile(libDir, "copy", ".part");
            try (InputStream in = packed.getInputStream(entry); OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}
