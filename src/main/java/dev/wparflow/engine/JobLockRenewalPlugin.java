package dev.wparflow.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Installs {@link JobLockRenewal} around the engine's delegate interceptor (the default one, or one set before), with
 * its own single renewal thread so that renewals never wait behind the scheduled pollers.
 */
@Component
public class JobLockRenewalPlugin extends AbstractProcessEnginePlugin implements DisposableBean {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-lock-renewal");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor next = configuration.getDelegateInterceptor() != null
                ? configuration.getDelegateInterceptor() : new DefaultDelegateInterceptor();
        configuration.setDelegateInterceptor(new JobLockRenewal(next, configuration::getDataSource,
                configuration::getJobExecutor, configuration::getDatabaseTablePrefix, scheduler));
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
