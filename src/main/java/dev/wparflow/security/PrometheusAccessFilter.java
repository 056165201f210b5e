package dev.wparflow.security;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Prometheus scrape ({@value #PATH}) is read by the members of {@value WparflowGroups#METRICS} (a read-only
 * login for Prometheus) and camunda-admin; anybody else who logged in gets 403. It runs after the login
 * ({@link RestAuthenticationConfig}), which answers 401 to anonymous callers and leaves the authenticated user and
 * their groups, read afresh from the identity service, as the engine's current authentication.
 */
public class PrometheusAccessFilter implements Filter {

    public static final String PATH = "/actuator/prometheus";
    static final List<String> READERS = List.of(WparflowGroups.METRICS, WparflowGroups.ADMINS);

    private final IdentityService identityService;

    public PrometheusAccessFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.stream().noneMatch(READERS::contains)) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN,
                    "the metrics need membership in " + WparflowGroups.METRICS);
            return;
        }
        chain.doFilter(request, response);
    }
}
