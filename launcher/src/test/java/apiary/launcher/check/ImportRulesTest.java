package apiary.launcher.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ImportRulesTest {
    @Test
    void splitsClausesButNotQuotedVersionRanges() {
        assertEquals(List.of("apiary.core.api.route", "org.osgi.framework", "com.fasterxml.jackson.databind"),
                ManifestClauses.names("apiary.core.api.route;version=\"[1.2,2)\",org.osgi.framework;version=\"[1.10,2)\","
                        + "com.fasterxml.jackson.databind;version=\"[2.22,3)\";resolution:=optional"));
    }

    @Test
    void jettyJacksonInternalsAndOtherBundlesInternalsAreRefused() {
        List<String> v = ImportRules.violations("ext.bad", List.of("apiary.core.api.route", "org.eclipse.jetty.server",
                "com.fasterxml.jackson.databind", "com.fasterxml.jackson.databind.ser.impl", "core.t2i.internal.generate"));
        assertEquals(3, v.size(), v.toString());
        assertTrue(v.get(0).contains("Jetty"));
        assertTrue(v.get(1).contains("jackson.databind.ser.impl"));
        assertTrue(v.get(2).contains("internal package"));
    }

    @Test
    void jacksonsApiIsFineItsParserMachineryIsNot() {
        assertTrue(ImportRules.violations("ext.ok", List.of("com.fasterxml.jackson.annotation", "com.fasterxml.jackson.core",
                "com.fasterxml.jackson.core.util", "com.fasterxml.jackson.databind", "com.fasterxml.jackson.databind.node",
                "com.fasterxml.jackson.databind.json", "com.fasterxml.jackson.databind.ser.std")).isEmpty());
        assertEquals(4, ImportRules.violations("ext.x", List.of("com.fasterxml.jackson.core.json", "com.fasterxml.jackson.core.sym",
                "com.fasterxml.jackson.core.io.schubfach", "com.fasterxml.jackson.databind.util.internal")).size());
    }

    @Test
    void onlyBundlesOfTheContractAreChecked() {
        assertTrue(ImportRules.applies(List.of("org.osgi.framework", "apiary.core.api.route")));
        assertFalse(ImportRules.applies(List.of("org.osgi.framework", "com.fasterxml.jackson.core.util")));
    }

    @Test
    void theBndrunRequiresEveryBundle() {
        String run = DistributionCheck.bndrun(new TreeSet<>(List.of("core.api", "org.apache.felix.scr")));
        assertTrue(run.contains("bnd.identity;id='core.api',\\\n  bnd.identity;id='org.apache.felix.scr'\n"), run);
    }
}
