package dev.wparflow.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every process's {@link InputContract}, by process key; collected from the contract beans of the process packages. */
@Component
public class InputContracts {

    private final ObjectProvider<InputContract> declared;
    private volatile Map<String, InputContract> byKey;

    public InputContracts(ObjectProvider<InputContract> declared) {
        this.declared = declared;
    }

    public Optional<InputContract> of(String processKey) {
        return Optional.ofNullable(all().get(processKey));
    }

    /** By process key, sorted. */
    public Map<String, InputContract> all() {
        Map<String, InputContract> map = byKey;
        if (map == null) {
            map = new TreeMap<>();
            for (InputContract contract : declared.orderedStream().toList()) {
                if (map.put(contract.processKey(), contract) != null) {
                    throw new IllegalStateException("two input contracts for " + contract.processKey());
                }
            }
            byKey = map;
        }
        return map;
    }

    public Collection<InputContract> contracts() {
        return all().values();
    }
}
