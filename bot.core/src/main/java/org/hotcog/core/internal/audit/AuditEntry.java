package org.hotcog.core.internal.audit;

import java.time.Instant;

/**
 * One change to the running bot, as {@code GET /api/audit} shows it.
 *
 * @param id increasing with time
 * @param at when it was done
 * @param actor who: {@code token:<name>}, {@code console:<user>}, {@code discord:<user id>} or {@code framework}
 * @param action what, such as {@code POST /api/modules/12/stop} or {@code module stop}
 * @param target the module or token it concerned, or null
 * @param result {@code ok}, {@code refused}, {@code failed} or {@code rolled-back}
 * @param detail why it was refused or what failed, or null
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String result,
        String detail) {
}
