package apiary.core.server.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SwarmUI's value coercion: Newtonsoft's ToString() first, then .NET TryParse rules. */
class ParamTypeTest {
    @Test
    void textIsNewtonsoftToString() {
        assertEquals("", ParamType.text(null, String::valueOf));
        assertEquals("True", ParamType.text(true, String::valueOf));
        assertEquals("False", ParamType.text(false, String::valueOf));
        assertEquals("5", ParamType.text(5, String::valueOf));
        assertEquals("5.5", ParamType.text(5.5, String::valueOf));
        assertEquals("abc", ParamType.text("abc", String::valueOf));
        assertEquals("<indented>", ParamType.text(Map.of("a", 1), v -> "<indented>"));
        assertEquals("<indented>", ParamType.text(List.of(1), v -> "<indented>"));
    }

    @Test
    void int32AcceptsWhatTryParseAccepts() {
        assertEquals(5, ParamType.INT32.parse("5"));
        assertEquals(-5, ParamType.INT32.parse(" -5 "));
        assertEquals(5, ParamType.INT32.parse("+5"));
        assertNull(ParamType.INT32.parse("5.5"));
        assertNull(ParamType.INT32.parse("5.0"));
        assertNull(ParamType.INT32.parse("2147483648"));
        assertNull(ParamType.INT32.parse(""));
        assertNull(ParamType.INT32.parse("True"));
        assertEquals(2147483648L, ParamType.INT64.parse("2147483648"));
    }

    @Test
    void booleanIsCaseInsensitiveWordsOnly() {
        assertEquals(true, ParamType.BOOLEAN.parse("True"));
        assertEquals(true, ParamType.BOOLEAN.parse("tRuE"));
        assertEquals(false, ParamType.BOOLEAN.parse(" false "));
        assertNull(ParamType.BOOLEAN.parse("1"));
        assertNull(ParamType.BOOLEAN.parse("yes"));
    }

    @Test
    void floatingPointFollowsDotNetNotJava() {
        assertEquals(1.5, ParamType.DOUBLE.parse("1.5"));
        assertEquals(1500.0, ParamType.DOUBLE.parse("1.5e3"));
        assertEquals(1234.5, ParamType.DOUBLE.parse("1,234.5"));
        assertEquals(0.5, ParamType.DOUBLE.parse(".5"));
        assertEquals(Double.NaN, ParamType.DOUBLE.parse("NaN"));
        assertNull(ParamType.DOUBLE.parse("1.5d"), "Java's type suffixes are not .NET syntax");
        assertNull(ParamType.DOUBLE.parse("0x10"));
        assertNull(ParamType.DOUBLE.parse("abc"));
        assertEquals(2.5f, ParamType.SINGLE.parse("2.5"));
    }

    @Test
    void stringsPassThroughUntrimmed() {
        assertEquals("  a b ", ParamType.STRING.parse("  a b "));
    }

    @Test
    void javaTypesMapToSwarmTypeNames() {
        assertEquals("Int32", ParamType.of(int.class, int.class).swarmName());
        assertEquals("Int64", ParamType.of(Long.class, Long.class).swarmName());
        assertEquals("Boolean", ParamType.of(boolean.class, boolean.class).swarmName());
        assertEquals("Single", ParamType.of(float.class, float.class).swarmName());
        assertEquals("String[]", ParamType.of(String[].class, String[].class).swarmName());
        assertNull(ParamType.of(Object.class, Object.class));
        assertNull(ParamType.of(Map.class, Map.class), "a raw Map is not a JObject");
    }
}
