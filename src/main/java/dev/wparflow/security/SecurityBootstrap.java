package dev.wparflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputContracts;

/**
 * Creates wparflow's groups, their authorizations and the shared Tasklist filter on every start,
 * in every profile. Idempotent: what exists is left as an administrator may have changed it.
 */
@Component
public class SecurityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);
    static final String APPROVAL_FILTER = "Change approvals";
    static final String ALL_TASKS_FILTER = "All tasks";
    static final String MY_TASKS_FILTER = "Assigned to me";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final InputContracts contracts;
    private final StartupLock startupLock;

    public SecurityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, InputContracts contracts, StartupLock startupLock) {
        this.contracts = contracts;
        this.startupLock = startupLock;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener
    @Order(1)
    public void onEngineStarted(ApplicationStartedEvent event) {
        startupLock.exclusively("groups, authorizations and filters", this::ensureAll);
    }

    private void ensureAll() {
        ensureGroup(WparflowGroups.OPERATORS, "wparflow operators");
        ensureGroup(WparflowGroups.APPROVERS, "wparflow change approvers");
        ensureGroup(WparflowGroups.ADMINS, "camunda BPM Administrators");
        // template administrators need no engine authorization: TemplateController checks the group itself
        ensureGroup(WparflowGroups.TEMPLATE_ADMINS, "wparflow template administrators");
        // metrics readers need no engine authorization either: PrometheusAccessFilter checks the group itself
        ensureGroup(WparflowGroups.METRICS, "wparflow metrics readers");
        // likewise for relocation groups: RelocationGroupController checks the group itself
        ensureGroup(WparflowGroups.RELOCATION_ADMINS, "wparflow relocation group administrators");

        // administrators: everything, as Camunda's own admin setup grants it (the engine alone
        // treats camunda-admin as admin only for identity and authorization management)
        for (Resources resource : Resources.values()) {
            grant(WparflowGroups.ADMINS, resource, ANY, Permissions.ALL);
        }

        // operators: Tasklist and Cockpit; start the operations (never a sub-process: those are started by their
        // parents' call activities only); see the instances they started (granted per instance by
        // InitiatorAuthorizationPlugin), not everybody's.
        grant(WparflowGroups.OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(WparflowGroups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(WparflowGroups.OPERATORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        withdrawCreateInstanceOnAny(WparflowGroups.OPERATORS);
        for (InputContract contract : contracts.contracts()) {
            if (contract.operation()) {
                grant(WparflowGroups.OPERATORS, Resources.PROCESS_DEFINITION, contract.processKey(),
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
        grant(WparflowGroups.OPERATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(WparflowGroups.OPERATORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);

        // approvers: Tasklist; the tasks themselves are granted by the engine to candidate groups
        grant(WparflowGroups.APPROVERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(WparflowGroups.APPROVERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);

        ensureAllTasksFilter();
        Filter filter = ensureApprovalFilter();
        Filter mine = ensureMyTasksFilter();
        // Tasklist opens the first filter a user may read, by priority: an approver's approvals (-5), an operator's
        // own tasks (0), which hold the outcome notices of what they started
        grant(WparflowGroups.APPROVERS, Resources.FILTER, filter.getId(), Permissions.READ);
        for (String group : List.of(WparflowGroups.OPERATORS, WparflowGroups.APPROVERS)) {
            grant(group, Resources.FILTER, mine.getId(), Permissions.READ);
        }
    }

    /** Databases set up before sub-processes were kept apart gave operators CREATE_INSTANCE on every definition. */
    private void withdrawCreateInstanceOnAny(String groupId) {
        for (Authorization authorization : authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(ANY).list()) {
            if (authorization.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
                authorization.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
                authorizationService.saveAuthorization(authorization);
                log.info("withdrew CREATE_INSTANCE on every process definition from {}", groupId);
            }
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            log.info("created group {}", id);
        }
    }

    /** Tasklist's "All tasks" filter (what camunda.bpm.filter.create made, which does not look under a lock). */
    private void ensureAllTasksFilter() {
        if (filterService.createFilterQuery().filterName(ALL_TASKS_FILTER).count() == 0) {
            filterService.saveFilter(filterService.newTaskFilter(ALL_TASKS_FILTER));
        }
    }

    private Filter ensureApprovalFilter() {
        Filter existing = filterService.createFilterQuery().filterName(APPROVAL_FILTER).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filterService.newTaskFilter(APPROVAL_FILTER)
                // tasks offered to the user (directly or through a group) and tasks they claimed
                .setQuery(taskService.createTaskQuery()
                        .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks())
                .setProperties(java.util.Map.of("description", "Change approvals waiting for you or your groups",
                        "priority", -5, "refresh", true));
        return filterService.saveFilter(filter);
    }

    /** Tasks assigned to the user: the outcome notices of the operations they started, and tasks they claimed. */
    private Filter ensureMyTasksFilter() {
        Filter existing = filterService.createFilterQuery().filterName(MY_TASKS_FILTER).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filterService.newTaskFilter(MY_TASKS_FILTER)
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"))
                .setProperties(java.util.Map.of("description",
                        "Outcome notices of the operations you started, and tasks you claimed", "priority", 0,
                        "refresh", true));
        return filterService.saveFilter(filter);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
