/** Sessions as the dispatcher and the generation code see them: owner, counters, interrupts. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package apiary.core.api.session;
