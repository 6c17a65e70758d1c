/** Permissions: declared by bundles, collected by the core permission registry. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package apiary.core.api.permission;
