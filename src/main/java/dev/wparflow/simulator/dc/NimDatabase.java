package dev.wparflow.simulator.dc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NIM master's object database (Redbook 7.3; command forms from IBM's NIM reference, the book gives none):
 * machines ({@code master}, {@code standalone}, {@code wpar}), networks ({@code ent}) and resources
 * ({@code savewpar}, {@code wpar_spec}, {@code devexports}, {@code secattrs}, {@code lpp_source}, {@code spot}).
 */
public final class NimDatabase {
    /** One object: name, class, type and its attributes in {@code lsnim -l} order. */
    public static final class NimObject {
        public final String name;
        public final String objectClass;
        public final String type;
        public final Map<String, String> attributes = new LinkedHashMap<>();

        public NimObject(String name, String objectClass, String type) {
            this.name = name;
            this.objectClass = objectClass;
            this.type = type;
        }

        public NimObject copy() {
            NimObject o = new NimObject(name, objectClass, type);
            o.attributes.putAll(attributes);
            return o;
        }

        /** For a wpar machine: the managing system of {@code mgmt_profile1}. */
        public String managingSystem() {
            String p = attributes.getOrDefault("mgmt_profile1", "");
            return p.isBlank() ? null : p.trim().split("\\s+")[0];
        }

        /** For a wpar machine: the WPAR name on the managing system ({@code mgmt_profile1}'s second word). */
        public String wparName() {
            String[] p = attributes.getOrDefault("mgmt_profile1", "").trim().split("\\s+");
            return p.length > 1 ? p[1] : name;
        }

        @Override
        public String toString() {
            return name + " " + objectClass + " " + type + " " + attributes;
        }
    }

    public static final List<String> RESOURCE_TYPES = List.of("savewpar", "wpar_spec", "devexports", "secattrs",
            "lpp_source", "spot", "mksysb");

    private final Map<String, NimObject> objects = new LinkedHashMap<>();

    public synchronized Map<String, NimObject> objects() {
        return objects;
    }

    public synchronized Optional<NimObject> get(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    public synchronized void put(NimObject o) {
        objects.put(o.name, o);
    }

    public synchronized void remove(String name) {
        objects.remove(name);
    }

    public synchronized List<NimObject> snapshot() {
        return objects.values().stream().map(NimObject::copy).toList();
    }

    /** The first network object's name (what {@code find_net} resolves to). */
    public synchronized String firstNetwork() {
        return objects.values().stream().filter(o -> o.objectClass.equals("networks")).map(o -> o.name).findFirst()
                .orElse("net1");
    }
}
