/** Models and wildcards: the files under the model folders, their metadata and classes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.model;
