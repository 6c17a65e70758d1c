package apiary.core.t2i.internal.jobs;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.SafetyLevel;

import org.osgi.service.component.annotations.Component;

/** The permissions of Apiary's job routes: everyone's queue and everyone's usage are for admins. */
@Component
public final class JobPermissions implements PermissionProvider {
    /** See and interrupt every user's jobs. */
    static final String MANAGE_ALL_JOBS = "manage_all_jobs";
    /** See every user's usage. */
    static final String VIEW_ALL_USAGE = "view_all_usage";

    @Override
    public List<PermissionInfo> permissions() {
        return List.of(
                PermissionInfo.of(MANAGE_ALL_JOBS, "Manage All Jobs", "Allows seeing and interrupting every user's generation jobs.",
                        PermissionLevel.ADMINS, PermissionGroup.ADMIN).withSafety(SafetyLevel.SAFE),
                PermissionInfo.of(VIEW_ALL_USAGE, "View All Usage", "Allows seeing every user's generation usage.",
                        PermissionLevel.ADMINS, PermissionGroup.ADMIN).withSafety(SafetyLevel.SAFE));
    }
}
