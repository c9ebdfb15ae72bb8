package org.hotcog.api.storage;

/**
 * How a bundle ships its schema.
 *
 * <p>Put one SQL file per schema version in the bundle under {@value #FOLDER}, named
 * {@code V<version>__<description>.sql}, for example {@code V1__cases.sql} and
 * {@code V2__case_reasons.sql}. Versions are whole numbers and are applied in ascending order,
 * each once per bundle symbolic name; the core records them in its schema history. A released
 * file must never change: the core refuses a bundle whose applied file no longer matches its
 * recorded checksum. To change the schema, add the next version.
 *
 * <p>Migrations run when the bundle starts and before the bundle receives the
 * {@code javax.sql.DataSource} service. If one fails, the schema is left as it was, the failure
 * is logged with the bundle, the version and the cause, and the bundle's components that need the
 * {@code DataSource} stay inactive. Write SQL that both H2 (in its default mode) and PostgreSQL
 * accept, since an operator may move from one to the other.
 */
public final class Migrations {
    /** Folder, inside the bundle, that holds the migration files. */
    public static final String FOLDER = "db/migration";

    private Migrations() {
    }
}
