package org.hotcog.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotcog.core.internal.settings.OwnerOnlyFile;

/** The data folder holds credentials and the database: only its owner may read it. */
final class DataFolder {
    private DataFolder() {
    }

    static void prepare(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (!Files.isWritable(dataDir)) {
            throw new IOException("the folder is not writable");
        }
        if (OwnerOnlyFile.isPosix()) {
            Files.setPosixFilePermissions(dataDir, OwnerOnlyFile.OWNER_ONLY_FOLDER);
        }
    }

    /** Writes a file that only the owner can read, replacing any file of that name. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        OwnerOnlyFile.create(file, content);
    }
}
