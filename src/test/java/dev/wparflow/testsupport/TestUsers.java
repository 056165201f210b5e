package dev.wparflow.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Users for REST tests: each has the password {@code <id>-secret}. */
public final class TestUsers {

    private TestUsers() {
    }

    /**
     * Creates the user, or resets its password and adds missing memberships when another test made it
     * first: a PostgreSQL test database is shared by every test class of a run.
     */
    public static void ensure(IdentityService identityService, String id, String... groups) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
        }
        user.setPassword(password(id));
        identityService.saveUser(user);
        for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        }
    }

    public static String password(String id) {
        return id + "-secret";
    }

    /** A call as {@code user} (null: anonymous) with a JSON body. */
    public static <T> ResponseEntity<T> call(TestRestTemplate rest, String user, HttpMethod method, String path,
            Object body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password(user));
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body, headers), type);
    }
}
