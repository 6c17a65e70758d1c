/**
 * Models and wildcards: the files under the model folders, their metadata and classes, wildcard prompt filling
 * ({@link apiary.core.api.model.WildcardLibrary#fill}) and model downloads ({@link apiary.core.api.model.ModelDownloads}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package apiary.core.api.model;
