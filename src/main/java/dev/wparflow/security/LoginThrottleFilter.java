package dev.wparflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies the {@link LoginThrottle} in front of every password check: HTTP Basic on the APIs, and the webapps'
 * login form. A pair that must wait is answered 429 with Retry-After before its password is looked at; a 401
 * afterwards counts as a failure, any other answer as a success.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = user(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Duration wait = throttle.wait(address, user);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType("application/json");
            response.getWriter().write("{\"type\":\"LoginThrottled\",\"message\":\"too many wrong passwords from this "
                    + "address for this user: try again in " + seconds + " s\"}");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(address, user);
        } else {
            throttle.succeeded(address, user);
        }
    }

    /** The user a password is given for: HTTP Basic, or the webapps' login form; null when none. */
    static String user(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && request.getRequestURI().contains("/auth/user/")
                && request.getRequestURI().contains("/login/")) {
            return request.getParameter("username");
        }
        return null;
    }
}
