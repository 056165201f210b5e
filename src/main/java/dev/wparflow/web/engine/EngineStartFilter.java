package dev.wparflow.web.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputContracts;
import dev.wparflow.engine.InputRefusedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks, on the engine REST API, what the engine would only see half of or answer with 500: a start
 * ({@code start}, {@code submit-form}, a start message) is judged against the process's {@link InputContract} on
 * the JSON as sent (its value types, serialized objects included) and answered 400 naming the field and the rule;
 * start instructions, {@code skipCustomListeners}/{@code skipIoMappings}, instance modification, restart and
 * migration are answered 403 to anyone but camunda-admin; with {@code wparflow.security.api-deployments=false}
 * deployments are answered 403 to everyone. Runs after authentication; the engine repeats the checks
 * ({@code StartGuard}, {@code AdminOnlyCommands}) for every other way in.
 */
public class EngineStartFilter extends OncePerRequestFilter {

    private static final Pattern START = Pattern.compile(
            "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form)");
    private static final Pattern ADMIN_ONLY = Pattern.compile("/process-instance/[^/]+/modification(-async)?"
            + "|/modification/execute(Async)?|/process-definition/[^/]+/restart(-async)?|/migration/execute(Async)?");
    private static final Pattern DEPLOYMENT = Pattern.compile("/deployment/create|/deployment/[^/]+/redeploy");
    /** the engine REST API itself and the webapps' copy of it (Tasklist's start form) */
    private static final Pattern PREFIX = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)");

    private final InputContracts contracts;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final ProcessEngineConfiguration configuration;
    private final boolean deploymentsAllowed;
    private final ObjectMapper json = new ObjectMapper();

    public EngineStartFilter(InputContracts contracts, RepositoryService repository, IdentityService identity,
            ProcessEngineConfiguration configuration, boolean deploymentsAllowed) {
        this.contracts = contracts;
        this.repository = repository;
        this.identity = identity;
        this.configuration = configuration;
        this.deploymentsAllowed = deploymentsAllowed;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PREFIX.matcher(path(request)).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PREFIX.matcher(path(request)).replaceFirst("");
        if (DEPLOYMENT.matcher(path).matches() && !deploymentsAllowed) {
            refuse(response, 403, "AuthorizationException", "deployments over the API are switched off "
                    + "(wparflow.security.api-deployments=false): the application's own models are the only ones");
            return;
        }
        if (ADMIN_ONLY.matcher(path).matches() && !admin()) {
            refuse(response, 403, "AuthorizationException", user() + " is not camunda-admin: process instance "
                    + "modification, restart and migration are for administrators");
            return;
        }
        Matcher start = START.matcher(path);
        boolean message = path.equals("/message");
        if (!start.matches() && !message) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        try {
            JsonNode root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
            if (start.matches()) {
                checkStart(start.group(1) != null ? start.group(1) : key(start.group(2)), root);
            } else {
                checkMessage(root);
            }
        } catch (InputRefusedException e) {
            refuse(response, 400, "InvalidRequestException", e.getMessage());
            return;
        } catch (Forbidden e) {
            refuse(response, 403, "AuthorizationException", e.getMessage());
            return;
        } catch (IOException unreadable) {
            // not JSON: the engine REST API answers that itself
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private void checkStart(String key, JsonNode root) {
        if (key == null) {
            return; // an unknown definition id: the API answers 404
        }
        boolean instructions = root.path("startInstructions").size() > 0;
        if ((instructions || root.path("skipCustomListeners").asBoolean(false)
                || root.path("skipIoMappings").asBoolean(false)) && !admin()) {
            throw new Forbidden(user() + " is not camunda-admin: start instructions, skipCustomListeners and "
                    + "skipIoMappings are for administrators; operations start at their start event");
        }
        InputContract contract = contract(key);
        Map<String, InputContract.Given> given = given(root.path("variables"));
        for (JsonNode instruction : root.path("startInstructions")) {
            given.putAll(given(instruction.path("variables")));
        }
        contract.check(given);
    }

    /** A start message is a start of the process it starts; a message to running instances carries no variables. */
    private void checkMessage(JsonNode root) {
        String name = root.path("messageName").asText("");
        List<ProcessDefinition> started = repository.createProcessDefinitionQuery().messageEventSubscriptionName(name)
                .latestVersion().list();
        Map<String, InputContract.Given> given = given(root.path("processVariables"));
        given.putAll(given(root.path("processVariablesLocal")));
        given.putAll(given(root.path("processVariablesToTriggeredScope")));
        if (started.isEmpty()) {
            if (!given.isEmpty() && !admin()) {
                throw InputRefusedException.start("message " + name
                        + " starts no operation: a message to a running operation carries no variables");
            }
            return;
        }
        for (ProcessDefinition definition : started) {
            contract(definition.getKey()).check(given);
        }
    }

    private InputContract contract(String key) {
        return contracts.of(key).orElseThrow(() -> InputRefusedException.start(
                key + " declares no input contract and cannot be started from outside"));
    }

    private String key(String definitionId) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionId(definitionId)
                .singleResult()).map(ProcessDefinition::getKey).orElse(null);
    }

    private Map<String, InputContract.Given> given(JsonNode variables) {
        Map<String, InputContract.Given> given = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode variable = field.getValue();
            JsonNode value = variable.path("value");
            String type = variable.hasNonNull("type") ? variable.get("type").asText() : null;
            Object raw;
            if (value.isMissingNode() || value.isNull()) {
                raw = null;
            } else if (value.isTextual()) {
                raw = value.asText();
            } else if (value.isBoolean()) {
                raw = value.asBoolean();
            } else if (value.isIntegralNumber()) {
                raw = value.canConvertToInt() ? (Object) value.asInt() : (Object) value.asLong();
            } else if (value.isNumber()) {
                raw = value.asDouble();
            } else {
                raw = "(object)";
                type = type == null ? "object" : type;
            }
            if (variable.path("valueInfo").has("serializationDataFormat") || variable.path("valueInfo").has("objectTypeName")) {
                type = "object";
                raw = "(object)";
            }
            given.put(field.getKey(), new InputContract.Given(type, raw));
        }
        return given;
    }

    private boolean admin() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return false;
        }
        List<String> adminGroups = configuration instanceof org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl c
                ? c.getAdminGroups() : List.of("camunda-admin");
        List<String> adminUsers = configuration instanceof org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl c
                ? c.getAdminUsers() : List.of();
        return (adminUsers != null && adminUsers.contains(authentication.getUserId()))
                || (authentication.getGroupIds() != null && adminGroups != null
                        && authentication.getGroupIds().stream().anyMatch(adminGroups::contains));
    }

    private String user() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "an anonymous caller"
                : authentication.getUserId();
    }

    private void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(Map.of("type", type, "message", message)));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    /** The request with its body read once and served again to the API. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
