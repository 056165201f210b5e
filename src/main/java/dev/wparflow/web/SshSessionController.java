package dev.wparflow.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.wparflow.hmc.HmcProperties;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;
import dev.wparflow.security.WparflowGroups;
import dev.wparflow.ssh.SessionInfo;
import dev.wparflow.ssh.SshException;
import dev.wparflow.ssh.SshSessionPool;

/**
 * The LPAR tool's {@code hmc connections / connect / disconnect}, over REST (HTTP Basic, see
 * RestAuthenticationConfig). Listing is open to every authenticated user; connect and disconnect to
 * wparflow-operators and camunda-admin.
 *
 * <pre>
 * GET  /api/ssh/sessions                    JSON list (Accept: text/plain for the one-line-per-host form);
 *                                           ?kind=hmc: the HMCs only
 * GET  /api/ssh/sessions/{name}             one host
 * POST /api/ssh/sessions/{name}/connect     open the master session now
 * POST /api/ssh/sessions/{name}/disconnect  close it (?force=true even with commands running)
 * </pre>
 */
@RestController
@RequestMapping("/api/ssh/sessions")
public class SshSessionController {

    private final SshSessionPool pool;
    private final ObjectProvider<IdentityService> identity;
    private final ObjectProvider<FleetInventory> fleet;
    private final ObjectProvider<HmcProperties> hmcProperties;

    @Autowired
    public SshSessionController(SshSessionPool pool, ObjectProvider<IdentityService> identity,
            ObjectProvider<FleetInventory> fleet, ObjectProvider<HmcProperties> hmcProperties) {
        this.pool = pool;
        this.identity = identity;
        this.fleet = fleet;
        this.hmcProperties = hmcProperties;
    }

    /** Without an inventory: no endpoint is known as an HMC. */
    public SshSessionController(SshSessionPool pool, ObjectProvider<IdentityService> identity) {
        this(pool, identity, null, null);
    }

    /** JSON form of one host. {@code status} is the LPAR-tool line; {@code hmc}: the endpoint is an HMC. */
    public record SessionView(String name, String address, boolean connected, Instant since, int channels,
            long idleSeconds, long commands, Long expiresInSeconds, String status, boolean hmc) {

        static SessionView of(SessionInfo i, boolean hmc) {
            return new SessionView(i.name(), i.address(), i.connected(), i.since(), i.channels(), i.idleSeconds(),
                    i.commands(), i.expiresIn(), i.describe(), hmc);
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<SessionView> list(@RequestParam(required = false) String kind) {
        Set<String> hmcs = hmcs();
        return sessions(kind, hmcs).stream().map(i -> SessionView.of(i, hmcs.contains(i.name()))).toList();
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    public String listText(@RequestParam(required = false) String kind) {
        return sessions(kind, hmcs()).stream().map(SessionInfo::describe)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SessionView one(@PathVariable String name) {
        requireKnown(name);
        return SessionView.of(pool.info(name), hmcs().contains(name));
    }

    private List<SessionInfo> sessions(String kind, Set<String> hmcs) {
        if (kind == null || kind.isBlank()) {
            return pool.sessions();
        }
        if (!"hmc".equalsIgnoreCase(kind.strip())) {
            throw new BadKind(kind);
        }
        return pool.sessions().stream().filter(s -> hmcs.contains(s.name())).toList();
    }

    /** The HMCs of the inventory file and of {@code wparflow.hmc.managed-systems}. */
    private Set<String> hmcs() {
        Set<String> names = new TreeSet<>();
        FleetInventory inventory = fleet == null ? null : fleet.getIfAvailable();
        if (inventory != null) {
            inventory.current().hmcs().stream().map(Inventory.Hmc::name).forEach(names::add);
        }
        HmcProperties configured = hmcProperties == null ? null : hmcProperties.getIfAvailable();
        if (configured != null) {
            configured.getManagedSystems().values().forEach(names::addAll);
        }
        return names;
    }

    @PostMapping(path = "/{name}/connect", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> connect(@PathVariable String name) {
        requireOperator();
        requireKnown(name);
        SessionInfo info = pool.connect(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "master connection created");
        body.put("session", SessionView.of(info, hmcs().contains(name)));
        return body;
    }

    @PostMapping(path = "/{name}/disconnect", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> disconnect(@PathVariable String name,
            @RequestParam(defaultValue = "false") boolean force) {
        requireOperator();
        requireKnown(name);
        boolean closed = pool.disconnect(name, force);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", closed ? "connection to " + name + " terminated" : name + ": not connected");
        body.put("terminated", closed);
        return body;
    }

    private void requireKnown(String name) {
        if (pool.sessions().stream().noneMatch(s -> s.name().equals(name))) {
            throw new UnknownHost(name);
        }
    }

    /**
     * The authentication filter sets the Camunda user for the request; without an engine (plain MVC
     * tests) there is nothing to check.
     */
    private void requireOperator() {
        IdentityService ids = identity.getIfAvailable();
        if (ids == null) {
            return;
        }
        Authentication auth = ids.getCurrentAuthentication();
        if (auth == null) {
            return; // the filter did not run (not under /api) - nothing else reaches this controller
        }
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (!groups.contains(WparflowGroups.OPERATORS) && !groups.contains(WparflowGroups.ADMINS)) {
            throw new Forbidden(auth.getUserId());
        }
    }

    static final class UnknownHost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownHost(String name) {
            super("no SSH endpoint named '" + name + "'");
        }
    }

    static final class BadKind extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadKind(String kind) {
            super("kind must be hmc (or absent for every host), not '" + kind + "'");
        }
    }

    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String user) {
            super("user " + user + " is not in " + WparflowGroups.OPERATORS + " or " + WparflowGroups.ADMINS);
        }
    }

    @ExceptionHandler(UnknownHost.class)
    ResponseEntity<Map<String, Object>> unknown(UnknownHost e) {
        return error(HttpStatus.NOT_FOUND, null, e.getMessage());
    }

    @ExceptionHandler(BadKind.class)
    ResponseEntity<Map<String, Object>> badKind(BadKind e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("field", "kind");
        body.put("message", e.getMessage());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return error(HttpStatus.FORBIDDEN, null, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> busy(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, null, e.getMessage());
    }

    @ExceptionHandler(SshException.class)
    ResponseEntity<Map<String, Object>> ssh(SshException e) {
        return error(HttpStatus.BAD_GATEWAY, e.failure().name(), e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String failure, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        if (failure != null) {
            body.put("failure", failure);
        }
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
