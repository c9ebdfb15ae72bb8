package org.hotcog.core.internal.storage;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One migration file of a bundle: {@code V<version>__<description>.sql}.
 *
 * @param version the whole number that orders migrations
 * @param description the file name's words, underscores as spaces
 * @param script the SQL text
 * @param checksum CRC32 of the text, to notice a released file that was edited
 */
record Migration(long version, String description, String fileName, String script, long checksum) {
    private static final Pattern NAME = Pattern.compile("V(\\d{1,18})__([A-Za-z0-9_\\-]+)\\.sql");

    /** Whether a file name follows the convention; other files in the folder are an error. */
    static Matcher match(String fileName) {
        return NAME.matcher(fileName);
    }

    static Migration read(URL entry, String fileName) throws java.io.IOException {
        Matcher matcher = match(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(fileName + " is not named V<version>__<description>.sql");
        }
        byte[] bytes;
        try (var in = entry.openStream()) {
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Migration(Long.parseLong(matcher.group(1)), matcher.group(2).replace('_', ' '), fileName,
                new String(bytes, StandardCharsets.UTF_8), crc.getValue());
    }
}
