/** Users and roles: the account data other bundles (admin, generation) read and manage. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package apiary.core.api.user;
