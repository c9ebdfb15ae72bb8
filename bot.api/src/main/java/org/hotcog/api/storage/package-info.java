/**
 * Storage conventions: how a bundle ships its schema and reaches the database.
 *
 * <p>The database is a {@link javax.sql.DataSource} service offered by the core. A bundle that
 * owns tables ships SQL migrations under {@link org.hotcog.api.storage.Migrations#FOLDER}; the
 * core applies them before the bundle gets the {@code DataSource}. {@link org.hotcog.api.storage.Transactions}
 * runs a write in one transaction and again after it lost a race with another one.
 */
@Export
@Version("1.1.0")
package org.hotcog.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
