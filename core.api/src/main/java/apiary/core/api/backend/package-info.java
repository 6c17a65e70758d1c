/** Backends: the machines (ComfyUI, other Apiary servers) that run generations, and their types. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.backend;
