package dev.wparflow.aix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NIM operations wparflow sends a NIM master for WPAR machines (Redbook 7.3, RB:9615-9799; command forms from
 * IBM's NIM reference, which the book does not print, see {@link Nim}). A WPAR machine names its managing system
 * (the global environment, a NIM standalone client) in {@code mgmt_profile1}; its NIM state (Defined, Created,
 * Running, RB:9781-9787) is not the WPAR's own state, so callers check both.
 */
public final class NimMaster {

    /** The NIM resource types for WPARs that wparflow defines (RB:9791-9799). */
    public enum ResourceType {
        WPAR_SPEC("wpar_spec"), SAVEWPAR("savewpar");

        private final String word;

        ResourceType(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A WPAR machine's NIM state (RB:9781-9787). */
    public enum NimWparState {
        DEFINED, CREATED, RUNNING;

        /**
         * The state {@code lsnim -l} shows for a WPAR machine: its {@code wpar_state} attribute when the master lists
         * one, else {@code Mstate} ("currently running") and whether the WPAR was created.
         */
        static NimWparState of(Nim.NimStanza s) {
            String st = s.get("wpar_state");
            if (st != null) {
                return switch (st.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "running" -> RUNNING;
                    case "created" -> CREATED;
                    case "defined" -> DEFINED;
                    default -> throw new UnexpectedOutputException("lsnim -l " + s.name() + ": unknown wpar_state '"
                            + InvalidArgumentException.printable(st) + "'");
                };
            }
            String m = s.get("Mstate");
            if (m == null) {
                throw new UnexpectedOutputException("lsnim -l " + s.name() + ": neither wpar_state nor Mstate");
            }
            return m.contains("currently running") ? RUNNING : DEFINED;
        }
    }

    /** A WPAR machine as {@code lsnim -l} shows it. */
    public record WparMachine(String name, String managingSystem, String wparName, NimWparState state,
            Map<String, String> attributes) {
    }

    private final AixHost host;

    NimMaster(AixHost host) {
        this.host = host;
    }

    public String name() {
        return host.name();
    }

    /** {@code lsnim}: every object. */
    public List<Nim.NimObject> objects() {
        return host.read(Nim.list(), Nim::parseList);
    }

    /** Whether {@code lpar} is a standalone machine of this master (a NIM client that can manage WPARs). */
    public boolean hasClient(NimObjectName lpar) {
        return objects().stream().anyMatch(o -> o.name().equals(lpar.value()) && o.type().equals("standalone"));
    }

    /** {@code lsnim -l NAME}, or empty when the master has no such object (0042-053). */
    public Optional<Nim.NimStanza> object(NimObjectName name) {
        AixResult<List<Nim.NimStanza>> r = host.attemptRead(Nim.details(name), Nim::parseStanzas);
        if (r.outcome() == AixOutcome.NIM_OBJECT_NOT_FOUND) {
            return Optional.empty();
        }
        if (r instanceof AixResult.Failed<List<Nim.NimStanza>> failed) {
            throw AixCommandException.of(failed.failure());
        }
        return r.value().stream().filter(s -> s.name().equals(name.value())).findFirst();
    }

    /** The WPAR machine {@code name}, or empty when the master has none by that name. */
    public Optional<WparMachine> wparMachine(NimObjectName name) {
        return object(name).filter(s -> "wpar".equals(s.get("type"))).map(s -> {
            String[] profile = s.attributes().getOrDefault("mgmt_profile1", "").strip().split("\\s+");
            return new WparMachine(s.name(), profile.length > 0 ? profile[0] : null,
                    profile.length > 1 ? profile[1] : s.name(), NimWparState.of(s), s.attributes());
        });
    }

    /** The WPAR machines managed by {@code lpar} ({@code lsnim -t wpar}, then each one's {@code mgmt_profile1}). */
    public List<WparMachine> wparMachinesOf(NimObjectName lpar) {
        return host.read(Nim.listWpars(), Nim::parseList).stream()
                .map(o -> wparMachine(new NimObjectName(o.name())))
                .flatMap(Optional::stream).filter(m -> lpar.value().equals(m.managingSystem())).toList();
    }

    /** {@code nim -o define -t TYPE -a server=master -a location=PATH NAME}. */
    public void defineResource(ResourceType type, NimObjectName name, AbsolutePath location) {
        host.run(AixCommand.of("nim").option("-o", "define").option("-t", type.word())
                .flag("-a", AttributeList.builder().keyword("server", "master").build())
                .flag("-a", AttributeList.builder().put("location", location).build()).arg(name).build());
    }

    /** {@code nim -o define -t wpar -a mgmt_profile1='LPAR WPAR' -a if1='find_net HOSTNAME 0' WPAR}. */
    public void defineWpar(NimObjectName wpar, NimObjectName managingSystem, HostName hostname) {
        host.run(Nim.defineWpar(wpar, managingSystem, hostname));
    }

    /** {@code nim -o create -a TYPE=RESOURCE WPAR}: the command, for a detached run (it takes as long as mkwpar). */
    public static AixCommand create(NimObjectName wpar, ResourceType type, NimObjectName resource) {
        return Nim.operation(Nim.Operation.CREATE, wpar, Map.of(type.word(), resource));
    }

    /** {@code nim -o activate WPAR}: startwpar on the managing system. */
    public void activate(NimObjectName wpar) {
        host.run(Nim.operation(Nim.Operation.ACTIVATE, wpar, null));
    }

    /** {@code nim -o deactivate WPAR}: stopwpar on the managing system. */
    public void deactivate(NimObjectName wpar) {
        host.run(Nim.operation(Nim.Operation.DEACTIVATE, wpar, null));
    }

    /** {@code nim -o destroy WPAR}: rmwpar on the managing system; the machine object stays (Defined). */
    public void destroy(NimObjectName wpar) {
        host.run(Nim.operation(Nim.Operation.DESTROY, wpar, null));
    }

    /** {@code nim -o remove NAME}: the object (machine or resource) removed from the NIM database. */
    public void remove(NimObjectName name) {
        host.run(Nim.operation(Nim.Operation.REMOVE, name, null));
    }
}
