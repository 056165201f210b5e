package dev.wparflow.engine;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;

/**
 * Commands that place a token where the model did not (start instructions, which also carry
 * {@code skipCustomListeners}/{@code skipIoMappings}; instance modification; restart; migration) are refused to
 * every authenticated user who is not camunda-admin, whichever API they come through; with deployments over the
 * API switched off (the prod profile) a deployment by any user is refused too. Commands without a user (the job
 * executor running an admin's batch, the application's own auto-deployment) pass.
 */
final class AdminOnlyCommands extends CommandInterceptor {

    static final Set<Class<?>> ADMIN_ONLY = Set.of(StartProcessInstanceAtActivitiesCmd.class,
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
            ProcessInstanceModificationBatchCmd.class, RestartProcessInstancesCmd.class,
            RestartProcessInstancesBatchCmd.class, MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class);

    private final boolean deploymentsAllowed;

    AdminOnlyCommands(boolean deploymentsAllowed) {
        this.deploymentsAllowed = deploymentsAllowed;
    }

    @Override
    public <T> T execute(Command<T> command) {
        boolean adminOnly = ADMIN_ONLY.contains(command.getClass());
        boolean deployment = command instanceof DeployCmd;
        if (adminOnly || (deployment && !deploymentsAllowed)) {
            CommandContext context = Context.getCommandContext();
            Authentication user = context == null ? null : context.getAuthentication();
            if (user != null && user.getUserId() != null) {
                if (deployment) {
                    throw new AuthorizationException("deployments over the API are switched off "
                            + "(wparflow.security.api-deployments=false): the application's own models are the only ones");
                }
                if (!context.getAuthorizationManager().isCamundaAdmin(user)) {
                    throw new AuthorizationException(user.getUserId() + " is not camunda-admin: start instructions, "
                            + "process instance modification, restart and migration are for administrators");
                }
            }
        }
        return next.execute(command);
    }
}
