package dev.wparflow.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * HTTP Basic, and for reads of our own API ({@code GET}/{@code HEAD /api/...}) without an Authorization header also
 * the user logged in to the webapps (Cockpit, Tasklist) in this browser session, so the Cockpit view of operations
 * reads {@code /api/operations} as that user. Only reads: the webapps guard their writes with a CSRF token that our
 * API does not check, so a cross-site form could ride the session cookie to a write; a read's answer does not reach
 * another origin (no CORS). The user must still exist; their groups are read afresh from the identity service.
 */
public class WebappSessionAuthenticationProvider implements AuthenticationProvider {

    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        if (request.getHeader("Authorization") == null && readOfOwnApi(request)) {
            String user = sessionUser(request, engine);
            if (user != null && engine.getIdentityService().createUserQuery().userId(user).count() == 1) {
                return AuthenticationResult.successful(user);
            }
        }
        return basic.extractAuthenticatedUser(request, engine);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(jakarta.servlet.http.HttpServletResponse response,
            ProcessEngine engine) {
        basic.augmentResponseByAuthenticationChallenge(response, engine);
    }

    static boolean readOfOwnApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) && path.startsWith("/api/");
    }

    private static String sessionUser(HttpServletRequest request, ProcessEngine engine) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication user = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        return user == null || user == Authentication.ANONYMOUS ? null : user.getIdentityId();
    }
}
