package dev.wparflow.aix;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A WPAR name by AIX's rules (see {@link Validators#wparName}). Can only be constructed valid. */
public record WparName(String value) implements ShellArg {

    public WparName {
        Validators.wparName("wparName", value);
    }

    public static WparName of(String value) {
        return new WparName(value);
    }

    /** The WPAR names of a comma-separated list (an operation's {@code wpars} input), each checked, duplicates dropped. */
    public static List<String> commaList(String list) {
        Set<String> names = new LinkedHashSet<>();
        if (list != null) {
            for (String part : list.split(",")) {
                String name = part.strip();
                if (!name.isEmpty()) {
                    names.add(of(name).value());
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return value;
    }
}
