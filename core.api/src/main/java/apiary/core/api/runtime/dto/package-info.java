/** Plain data views of a whiteboard registry: its active, shadowed and refused registrations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.runtime.dto;
