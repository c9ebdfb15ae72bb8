package org.hotcog.emulator;

import java.util.List;
import java.util.Map;

/**
 * A modal the bot opened in answer to an interaction (callback type 9).
 *
 * @param customId the modal's custom id
 * @param title the modal's title
 * @param components the modal's top-level components as Discord JSON (labels or action rows)
 */
public record Modal(String customId, String title, List<Map<String, Object>> components) {
}
