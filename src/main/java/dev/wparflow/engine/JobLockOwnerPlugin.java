package dev.wparflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import dev.wparflow.NodeIdentity;

/**
 * The job executor locks jobs under this node's name ({@link NodeIdentity}) instead of a random UUID, so a job's
 * lock owner ({@code ACT_RU_JOB.LOCK_OWNER_}) says which engine node is running it: the node to look at when a step
 * hangs, and the one whose death a job's lock expiry waits for.
 */
@Component
public class JobLockOwnerPlugin extends AbstractProcessEnginePlugin {

    private final NodeIdentity node;

    public JobLockOwnerPlugin(NodeIdentity node) {
        this.node = node;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(node.id());
        }
    }
}
