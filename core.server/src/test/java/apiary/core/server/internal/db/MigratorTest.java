package apiary.core.server.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Splitting migration scripts into statements. */
class MigratorTest {
    @Test
    void splitsAtSemicolonsThatEndALine() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)", "UPDATE a SET x = 2 -- keep; this"),
                Migrator.split("CREATE TABLE a (x INT);\nINSERT INTO a VALUES (1);  \r\n\nUPDATE a SET x = 2 -- keep; this"));
    }
}
