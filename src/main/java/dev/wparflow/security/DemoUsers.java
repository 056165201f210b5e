package dev.wparflow.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo logins of the embedded default (application-embedded.yml). Never enabled in the
 * postgres/prod profiles, which set {@code wparflow.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "wparflow.demo.enabled", havingValue = "true")
@ConfigurationProperties(prefix = "wparflow.demo")
public class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;
    private boolean enabled;
    private List<DemoUser> users = new ArrayList<>();

    private final StartupLock startupLock;

    public DemoUsers(IdentityService identityService, StartupLock startupLock) {
        this.identityService = identityService;
        this.startupLock = startupLock;
    }

    @EventListener
    @Order(2)
    public void onEngineStarted(ApplicationStartedEvent event) {
        startupLock.exclusively("demo users", this::ensureUsers);
    }

    private void ensureUsers() {
        for (DemoUser demo : users) {
            if (identityService.createUserQuery().userId(demo.getId()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(demo.getId());
            user.setPassword(demo.getPassword());
            user.setFirstName(demo.getFirstName());
            user.setLastName(demo.getLastName());
            user.setEmail(demo.getId() + "@wparflow.invalid");
            identityService.saveUser(user);
            for (String group : demo.getGroups()) {
                identityService.createMembership(demo.getId(), group);
            }
            log.info("created demo user {} in {}", demo.getId(), demo.getGroups());
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<DemoUser> getUsers() {
        return users;
    }

    public void setUsers(List<DemoUser> users) {
        this.users = users;
    }

    public static class DemoUser {
        private String id;
        private String password;
        private String firstName;
        private String lastName;
        private List<String> groups = new ArrayList<>();

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String firstName) { this.firstName = firstName; }
        public String getLastName() { return lastName; }
        public void setLastName(String lastName) { this.lastName = lastName; }
        public List<String> getGroups() { return groups; }
        public void setGroups(List<String> groups) { this.groups = groups; }
    }
}
