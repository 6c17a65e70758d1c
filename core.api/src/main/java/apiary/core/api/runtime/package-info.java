/**
 * Runtime views of the whiteboards: which registrations a registry serves, which are shadowed by a higher-ranked
 * one, and which it refused and why. Registries offer a {@link apiary.core.api.runtime.WhiteboardRuntime}; admin
 * tools read them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.runtime;
