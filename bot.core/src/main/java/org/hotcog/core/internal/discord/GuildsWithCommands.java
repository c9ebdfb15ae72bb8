package org.hotcog.core.internal.discord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The guilds this process wrote commands to, one id a line in a file that outlives restarts: a
 * guild taken off the development guilds still holds those commands, and next to the global ones
 * they would show twice there, so command sync empties it and forgets it.
 */
final class GuildsWithCommands {
    private final Path file;
    private final Set<Long> ids = new TreeSet<>();

    GuildsWithCommands(Path file) {
        this.file = file;
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        ids.add(Long.parseLong(line.strip()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    Set<Long> ids() {
        return Set.copyOf(ids);
    }

    void add(long id) {
        if (ids.add(id)) {
            save();
        }
    }

    void remove(long id) {
        if (ids.remove(id)) {
            save();
        }
    }

    private void save() {
        try {
            Files.writeString(file, ids.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
