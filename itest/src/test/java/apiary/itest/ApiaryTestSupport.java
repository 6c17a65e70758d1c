package apiary.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.inject.Inject;

import apiary.core.api.server.ServerInfo;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

/**
 * Base of every Pax Exam test: boots exactly the distribution's bundles ({@code launcher/target/apiary/bundles})
 * once for the whole suite, on a free port with a fresh data folder, and gives tests an {@link Api} client.
 * Tests share the framework, so each one creates its own sessions and cleans up what it installs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class ApiaryTestSupport {
    @Inject
    protected BundleContext context;

    /** Injection waits until the HTTP server listens. */
    @Inject
    protected ServerInfo server;

    /** @return the Pax Exam configuration shared by the suite */
    @Configuration
    public Option[] config() throws IOException {
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        Path data = Path.of(System.getProperty("apiary.itest.workDir")).resolve("pax-data-" + UUID.randomUUID());
        Files.createDirectories(data);
        List<Option> options = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dist.resolve("bundles"))) {
            // FileInstall is started only by core.admin, when an admin turns the development folder on (as in ./apiary).
            jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .forEach(p -> options.add(bundle(p.toUri().toString())
                            .start(!p.getFileName().toString().startsWith("org.apache.felix.fileinstall"))));
        }
        options.add(junitBundles());
        options.add(frameworkProperty("apiary.port").value("0"));
        options.add(frameworkProperty("apiary.data.dir").value(data.toString()));
        options.add(frameworkProperty("apiary.extensions.index").value(dist.resolve("repository").resolve("index.xml").toUri().toString()));
        options.add(frameworkProperty("ds.loglevel").value("warn"));
        options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("maven.repo.local")));
        options.add(systemProperty("org.ops4j.pax.url.mvn.repositories").value(""));
        options.add(cleanCaches(true));
        return options.toArray(new Option[0]);
    }

    /** @return a client for the running server */
    protected Api api() {
        return new Api(server.port());
    }
}
