/** The server database (embedded H2 or PostgreSQL) with per-module versioned migrations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.data;
