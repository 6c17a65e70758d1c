package apiary.core.t2i.internal.jobs;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamProvider;

import org.osgi.service.component.annotations.Component;

/** The job ledger's parameter ({@code jobwebhookurl}) and server setting ({@code webhooks.jobwebhookallowedhosts}). */
@Component(service = {T2IParamProvider.class, ServerSettingsContributor.class},
        property = ServerSettingsContributor.ORDER + ":Integer=610")
public final class JobParams implements T2IParamProvider, ServerSettingsContributor {
    @Override
    public List<T2IParam<?>> params() {
        return List.of(T2IParam.text("Job Webhook URL", "").describedAs("An address called (POST, signed) when this "
                + "request's job ends, with its id, state and images; its host must be allowed by the server.")
                .ignoreIf("").doNotSave().advanced().hidden());
    }

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("WebHooks", "Web addresses the server calls (POST) when things happen.", JobWebhooks.ALLOWED));
    }
}
