package apiary.core.backends.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;

import org.junit.jupiter.api.Test;

class BackendTypesTest {
    static TypeBinding binding(String id, int ranking, long serviceId) {
        BackendTypeInfo info = BackendTypeInfo.of(id, id, "", List.of());
        BackendType service = new BackendType() {
            @Override
            public BackendTypeInfo info() {
                return info;
            }

            @Override
            public apiary.core.api.backend.Backend create(apiary.core.api.backend.BackendContext context) {
                throw new UnsupportedOperationException();
            }
        };
        return new TypeBinding(service, info, ranking, serviceId);
    }

    @Test
    void highestRankingThenLowestServiceIdIsInUse() {
        BackendTypes types = new BackendTypes();
        TypeBinding first = binding("t", 0, 5);
        TypeBinding later = binding("t", 0, 9);
        TypeBinding ranked = binding("t", 10, 12);
        assertTrue(types.add(first));
        assertFalse(types.add(later), "a later service of equal ranking does not take over");
        assertTrue(types.add(ranked));
        assertSame(ranked, types.top("t"));
        assertSame(ranked, types.remove(ranked.service()));
        assertSame(first, types.top("t"));
        types.remove(first.service());
        types.remove(later.service());
        assertNull(types.top("t"));
        assertEquals(List.of(), types.infos());
    }
}
