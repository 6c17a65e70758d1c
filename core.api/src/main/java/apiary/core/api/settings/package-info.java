/** Typed settings trees (server and user settings) in SwarmUI's node format. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package apiary.core.api.settings;
