package org.hotcog.emulator.pterodactyl.internal;

/**
 * An error answer in Pterodactyl's shape, {@code {"errors":[{"code":…,"status":"404","detail":…}]}}: the code is
 * the name of the exception class the panel throws. A validation error (422) also names the field and rule in
 * {@code meta}, as the panel does.
 */
final class PanelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String sourceField;
    private final String rule;

    PanelException(int status, String code, String detail) {
        this(status, code, detail, null, null);
    }

    private PanelException(int status, String code, String detail, String sourceField, String rule) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.sourceField = sourceField;
        this.rule = rule;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The invalid field of a 422, or null. */
    String sourceField() {
        return sourceField;
    }

    /** The rule the field broke, or null. */
    String rule() {
        return rule;
    }

    static PanelException notFound() {
        return new PanelException(404, "NotFoundHttpException",
                "The requested resource could not be found on the server.");
    }

    static PanelException invalid(String field, String rule, String detail) {
        return new PanelException(422, "ValidationException", detail, field, rule);
    }
}
