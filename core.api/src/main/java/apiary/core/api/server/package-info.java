/** Facts about the running server: version, identity, data folder. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.server;
