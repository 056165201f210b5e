package dev.wparflow.ssh;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code wparflow.ssh.*}. Durations accept {@code 600} (seconds), {@code 30m}, {@code 8h} or ISO-8601.
 * Secrets never live here: only the names of environment variables or files that hold them.
 */
@ConfigurationProperties(prefix = "wparflow.ssh")
public class SshProperties {

    /** Close a host's session after this much idleness (no command running). The LPAR tool's ControlPersist. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration controlPersist = Duration.ofSeconds(600);

    /** TCP connect. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Key exchange and authentication after the TCP connect. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration authTimeout = Duration.ofSeconds(15);

    /** Default time a command may run (per-command override: {@link CommandOptions#timeout()}). */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration execTimeout = Duration.ofMinutes(5);

    /** Opening an exec channel on an established session. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration channelOpenTimeout = Duration.ofSeconds(10);

    /** keepalive@openssh.com interval (ServerAliveInterval); 0 disables. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration keepAliveInterval = Duration.ofSeconds(30);

    /** Unanswered keep-alives before the session is considered dead (ServerAliveCountMax). */
    private int keepAliveCountMax = 3;

    /** Disable Nagle: without it every exec stalls 40-90 ms (DESIGN.md section 8). */
    private boolean tcpNoDelay = true;

    /** SO_KEEPALIVE on the socket. */
    private boolean socketKeepAlive = true;

    /** Concurrent exec channels per host; more commands wait their turn. OpenSSH's MaxSessions defaults to 10. */
    private int maxChannelsPerHost = 10;

    /** How often the pool looks for sessions idle longer than control-persist; default: control-persist / 10, 100 ms..5 s. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration reapInterval;

    private HostKeyPolicy hostKeyPolicy = HostKeyPolicy.STRICT;

    /** known_hosts file checked (and, under accept-new, appended to). */
    private String knownHosts = System.getProperty("user.home") + "/.ssh/known_hosts";

    /** Private key files (OpenSSH or PEM). Empty: ~/.ssh/id_ed25519, id_ecdsa, id_rsa where present. */
    private List<String> identities = new ArrayList<>();

    /** Environment variable holding the passphrase of encrypted key files. */
    private String passphraseEnv;

    /** File holding that passphrase (a mounted secret); first line, trailing newline ignored. */
    private String passphraseFile;

    /** Environment variable holding a password, offered only if set. */
    private String passwordEnv;

    /** File holding a password (mounted secret). */
    private String passwordFile;

    private final Agent agent = new Agent();

    /** User for endpoints that name none. */
    private String defaultUser = "root";

    private int defaultPort = 22;

    /** Times a command marked idempotent read is re-sent after CONNECTION_LOST. Others never are. */
    private int readRetries = 1;

    /** Endpoints by inventory name: {@code wparflow.ssh.endpoints.hmc01.host=…}. */
    private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    /** Extra redaction regexes; group 1 (or the whole match) is masked. */
    private List<String> redactPatterns = new ArrayList<>();

    public static class Agent {
        /** Offer the identities of a running ssh-agent. */
        private boolean enabled;
        /** Agent socket; empty: $SSH_AUTH_SOCK. */
        private String socket;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getSocket() {
            return socket;
        }

        public void setSocket(String socket) {
            this.socket = socket;
        }
    }

    public static class Endpoint {
        private String host;
        private Integer port;
        private String user;

        public Endpoint() {
        }

        public Endpoint(String host, Integer port, String user) {
            this.host = host;
            this.port = port;
            this.user = user;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }
    }

    /** The reap interval in effect. */
    public Duration effectiveReapInterval() {
        if (reapInterval != null) {
            return reapInterval;
        }
        long ms = controlPersist.toMillis() / 10;
        return Duration.ofMillis(Math.max(100, Math.min(5000, ms)));
    }

    public Duration getControlPersist() {
        return controlPersist;
    }

    public void setControlPersist(Duration controlPersist) {
        this.controlPersist = controlPersist;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getAuthTimeout() {
        return authTimeout;
    }

    public void setAuthTimeout(Duration authTimeout) {
        this.authTimeout = authTimeout;
    }

    public Duration getExecTimeout() {
        return execTimeout;
    }

    public void setExecTimeout(Duration execTimeout) {
        this.execTimeout = execTimeout;
    }

    public Duration getChannelOpenTimeout() {
        return channelOpenTimeout;
    }

    public void setChannelOpenTimeout(Duration channelOpenTimeout) {
        this.channelOpenTimeout = channelOpenTimeout;
    }

    public Duration getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Duration keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public int getKeepAliveCountMax() {
        return keepAliveCountMax;
    }

    public void setKeepAliveCountMax(int keepAliveCountMax) {
        this.keepAliveCountMax = keepAliveCountMax;
    }

    public boolean isTcpNoDelay() {
        return tcpNoDelay;
    }

    public void setTcpNoDelay(boolean tcpNoDelay) {
        this.tcpNoDelay = tcpNoDelay;
    }

    public boolean isSocketKeepAlive() {
        return socketKeepAlive;
    }

    public void setSocketKeepAlive(boolean socketKeepAlive) {
        this.socketKeepAlive = socketKeepAlive;
    }

    public int getMaxChannelsPerHost() {
        return maxChannelsPerHost;
    }

    public void setMaxChannelsPerHost(int maxChannelsPerHost) {
        this.maxChannelsPerHost = maxChannelsPerHost;
    }

    public Duration getReapInterval() {
        return reapInterval;
    }

    public void setReapInterval(Duration reapInterval) {
        this.reapInterval = reapInterval;
    }

    public HostKeyPolicy getHostKeyPolicy() {
        return hostKeyPolicy;
    }

    public void setHostKeyPolicy(HostKeyPolicy hostKeyPolicy) {
        this.hostKeyPolicy = hostKeyPolicy;
    }

    public String getKnownHosts() {
        return knownHosts;
    }

    public void setKnownHosts(String knownHosts) {
        this.knownHosts = knownHosts;
    }

    public List<String> getIdentities() {
        return identities;
    }

    public void setIdentities(List<String> identities) {
        this.identities = identities;
    }

    public String getPassphraseEnv() {
        return passphraseEnv;
    }

    public void setPassphraseEnv(String passphraseEnv) {
        this.passphraseEnv = passphraseEnv;
    }

    public String getPassphraseFile() {
        return passphraseFile;
    }

    public void setPassphraseFile(String passphraseFile) {
        this.passphraseFile = passphraseFile;
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = passwordEnv;
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }

    public Agent getAgent() {
        return agent;
    }

    public String getDefaultUser() {
        return defaultUser;
    }

    public void setDefaultUser(String defaultUser) {
        this.defaultUser = defaultUser;
    }

    public int getDefaultPort() {
        return defaultPort;
    }

    public void setDefaultPort(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int getReadRetries() {
        return readRetries;
    }

    public void setReadRetries(int readRetries) {
        this.readRetries = readRetries;
    }

    public Map<String, Endpoint> getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(Map<String, Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    public List<String> getRedactPatterns() {
        return redactPatterns;
    }

    public void setRedactPatterns(List<String> redactPatterns) {
        this.redactPatterns = redactPatterns;
    }
}
