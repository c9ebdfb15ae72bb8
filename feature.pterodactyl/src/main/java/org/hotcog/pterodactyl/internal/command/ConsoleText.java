package org.hotcog.pterodactyl.internal.command;

import java.util.List;

import org.hotcog.pterodactyl.internal.servers.Target;

/** Console lines as one Discord message: a code block of the latest lines that fit. */
final class ConsoleText {
    /** Discord's limit is 2000 characters; the heading and the fences take the rest. */
    private static final int BODY = 1800;

    private ConsoleText() {
    }

    static String of(Target target, List<String> lines) {
        if (lines.isEmpty()) {
            return "The console of " + target.label() + " has no recent output (an offline server has none).";
        }
        StringBuilder body = new StringBuilder();
        for (int i = lines.size() - 1; i >= 0; i--) {
            // ANSI colours and a fence in the output would break the block
            String line = lines.get(i).replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "").replace("```", "'''") + "\n";
            if (body.length() + line.length() > BODY) {
                break;
            }
            body.insert(0, line);
        }
        return "Console of " + target.label() + ":\n```\n" + body + "```";
    }
}
