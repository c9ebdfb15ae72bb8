package org.hotcog.core.internal.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Generated credentials (the console password, the secret key) live in files only their owner can
 * read. Shared by the launcher and the core, so that both create them the same way.
 */
public final class OwnerOnlyFile {
    public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFile() {
    }

    /**
     * Writes a file that only the owner can read, complete or not at all: the content goes to a
     * temporary file created with those rights, which is then linked into place. An existing file
     * is kept and {@link java.nio.file.FileAlreadyExistsException} thrown, so that a credential
     * written by a concurrent start is never replaced.
     */
    public static void create(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (isPosix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            // A hard link, unlike a rename, fails rather than replace an existing file.
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Whether others than the owner may read or write the file (always false without POSIX rights). */
    public static boolean isOpenToOthers(Path file) throws IOException {
        return isPosix() && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file));
    }

    public static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
