package dev.wparflow.web;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.security.WparflowGroups;

/**
 * The groups of the caller the REST authentication filter set on the engine: an endpoint that changes what
 * operations run (a schedule, a session) asks for the groups allowed to, and answers 403 naming them otherwise.
 */
final class CallerGroups {

    private CallerGroups() {
    }

    /** The caller's user id when the caller is in one of {@code groups} or an administrator; else 403. */
    static String require(IdentityService identity, String... groups) {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "no authenticated user");
        }
        List<String> member = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (member.contains(WparflowGroups.ADMINS) || Arrays.stream(groups).anyMatch(member::contains)) {
            return auth.getUserId();
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "user " + auth.getUserId() + " is not in "
                + String.join(" or ", groups) + " or " + WparflowGroups.ADMINS);
    }
}
