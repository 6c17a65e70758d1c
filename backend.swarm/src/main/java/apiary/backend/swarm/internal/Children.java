package apiary.backend.swarm.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.ChildBackend;
import apiary.core.api.backend.GeneratingBackend;

/**
 * The children of one {@link SwarmBackend}, kept in step with the remote's backends. The parent's poller updates
 * it; a shutdown may close it meanwhile, hence the monitor. Reports go to the registry only when something changed.
 */
final class Children {
    private record Child(ChildBackend context, RemoteBackendInfo info) {
    }

    private final BackendContext parent;
    private final IntFunction<GeneratingBackend> instances;
    private final Map<Integer, Child> byRemoteId = new HashMap<>();
    private Map<String, List<String>> models;

    /**
     * @param parent the parent's context
     * @param instances makes the instance for a remote backend id
     */
    Children(BackendContext parent, IntFunction<GeneratingBackend> instances) {
        this.parent = parent;
        this.instances = instances;
    }

    /**
     * @param usable the remote's usable backends now
     * @param parentTitle names the remote in the children's titles
     * @return whether a child came or went
     */
    synchronized boolean update(List<RemoteBackendInfo> usable, String parentTitle) {
        Set<Integer> seen = usable.stream().map(RemoteBackendInfo::id).collect(Collectors.toSet());
        boolean changed = byRemoteId.keySet().removeIf(id -> {
            if (seen.contains(id)) {
                return false;
            }
            byRemoteId.get(id).context().close();
            return true;
        });
        for (RemoteBackendInfo info : usable) {
            Child old = byRemoteId.get(info.id());
            if (old == null) {
                ChildBackend c = parent.addChild(info.childTitle(parentTitle));
                report(c, info, null);
                if (models != null) {
                    c.setModels(models);
                }
                c.attach(instances.apply(info.id()));
                byRemoteId.put(info.id(), new Child(c, info));
                changed = true;
            } else if (!old.info().equals(info)) {
                report(old.context(), info, old.info());
                if (!Objects.equals(old.info().title(), info.title())) {
                    old.context().setTitle(info.childTitle(parentTitle));
                }
                byRemoteId.put(info.id(), new Child(old.context(), info));
            }
        }
        return changed;
    }

    private static void report(ChildBackend c, RemoteBackendInfo now, RemoteBackendInfo before) {
        if (before == null || !before.features().equals(now.features())) {
            c.setFeatures(now.features());
        }
        if (before == null || before.maxUsages() != now.maxUsages()) {
            c.setMaxUsages(now.maxUsages());
        }
        if (before == null || before.canLoadModels() != now.canLoadModels()) {
            c.setCanLoadModels(now.canLoadModels());
        }
        if (before == null || !Objects.equals(before.currentModel(), now.currentModel())) {
            c.setCurrentModel(now.currentModel());
        }
    }

    /** @param lists the remote's model lists, given to every child */
    synchronized void models(Map<String, List<String>> lists) {
        if (lists.equals(models)) {
            return;
        }
        models = lists;
        byRemoteId.values().forEach(c -> c.context().setModels(lists));
    }

    /** Closes every child (the remote went away, or the parent stops). */
    synchronized void closeAll() {
        byRemoteId.values().forEach(c -> c.context().close());
        byRemoteId.clear();
    }
}
