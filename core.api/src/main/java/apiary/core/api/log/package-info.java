/** The server log: typed ring buffers with one global sequence, as SwarmUI's log view shows them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.log;
