package dev.wparflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from configuration ({@code wparflow.bootstrap-admin.id} and
 * {@code .password}, in production from WPARFLOW_ADMIN_USER / WPARFLOW_ADMIN_PASSWORD) when no
 * member of camunda-admin exists yet. There is no default password: without one nothing is created
 * and a warning says how to create the administrator.
 */
@Component
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final int MIN_PASSWORD_LENGTH = 12;

    private final IdentityService identityService;
    private final String adminId;
    private final String adminPassword;
    private final StartupLock startupLock;

    public AdminBootstrap(IdentityService identityService, StartupLock startupLock,
            @Value("${wparflow.bootstrap-admin.id:}") String adminId,
            @Value("${wparflow.bootstrap-admin.password:}") String adminPassword) {
        this.identityService = identityService;
        this.startupLock = startupLock;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
    }

    @EventListener
    @Order(3)
    public void onEngineStarted(ApplicationStartedEvent event) {
        startupLock.exclusively("the first administrator", this::ensureAdmin);
    }

    private void ensureAdmin() {
        if (identityService.createUserQuery().memberOfGroup(WparflowGroups.ADMINS).count() > 0) {
            return;
        }
        if (adminId.isBlank() || adminPassword.isBlank()) {
            log.warn("no member of {} exists: set WPARFLOW_ADMIN_USER and WPARFLOW_ADMIN_PASSWORD "
                    + "(at least {} characters) and restart to create the first administrator",
                    WparflowGroups.ADMINS, MIN_PASSWORD_LENGTH);
            return;
        }
        if (adminPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("WPARFLOW_ADMIN_PASSWORD must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        if (identityService.createUserQuery().userId(adminId).count() == 0) {
            User user = identityService.newUser(adminId);
            user.setPassword(adminPassword);
            user.setFirstName(adminId);
            user.setLastName("Administrator");
            identityService.saveUser(user);
        }
        identityService.createMembership(adminId, WparflowGroups.ADMINS);
        log.info("created the first administrator {}", adminId);
    }
}
