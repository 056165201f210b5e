package dev.wparflow.process;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One process variable: its name and how its stored value reads as a Java type. The only place a process variable is
 * cast or parsed; a Variables class per model declares its variables with these factories
 * ({@code ProcessVariable<String> WPAR = ProcessVariable.string("wpar")}), and steps read and write them through it.
 * <p>
 * Values read leniently, because starts (forms, REST) send text: a string is stripped and blank reads as absent, a flag
 * is a Boolean or the text {@code true} (any case), a number is a Number or its decimal text, an instant a Date or
 * ISO-8601 text, a list comma-separated text, an enum its constant's name (any case), JSON a JSON string, a
 * value object such as a WPAR name its text, validated as it is read. Written
 * values are stored as the engine's small scalar types: a list as comma-separated text, an enum as its name, an
 * instant as a Date, JSON as a string.
 */
public final class ProcessVariable<T> {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String name;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
        this.name = name;
        this.read = read;
        this.write = write;
    }

    /** Text: stripped; blank reads as absent. */
    public static ProcessVariable<String> string(String name) {
        return new ProcessVariable<>(name, v -> v.toString().isBlank() ? null : v.toString().strip(), s -> s);
    }

    /**
     * A value object stored as its text ({@code WparName}, {@code HostName}): read through {@code parse}, which
     * validates it; blank is absent. {@code text} gives the text to store.
     */
    public static <V> ProcessVariable<V> parsed(String name, Function<String, V> parse, Function<V, String> text) {
        return new ProcessVariable<>(name, v -> v.toString().isBlank() ? null : parse.apply(v.toString().strip()),
                text::apply);
    }

    /** A yes/no: a Boolean, or the text {@code true} in any case; absent reads as false through {@link #isSet}. */
    public static ProcessVariable<Boolean> flag(String name) {
        return new ProcessVariable<>(name,
                v -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().strip()), b -> b);
    }

    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(name,
                v -> v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().strip()), i -> i);
    }

    public static ProcessVariable<Long> longValue(String name) {
        return new ProcessVariable<>(name,
                v -> v instanceof Number n ? n.longValue() : Long.valueOf(v.toString().strip()), l -> l);
    }

    /** An instant, stored as a Date (what Cockpit shows and timers take). */
    public static ProcessVariable<Instant> instant(String name) {
        return new ProcessVariable<>(name, v -> v instanceof Date d ? d.toInstant()
                : v.toString().isBlank() ? null : Instant.parse(v.toString().strip()), Date::from);
    }

    /**
     * A date-time as ISO-8601 text, kept as given (a zone or offset is optional, so not an {@link Instant}); a Date
     * (REST clients may send one) reads as its instant.
     */
    public static ProcessVariable<String> dateTimeText(String name) {
        return new ProcessVariable<>(name, v -> v instanceof Date d ? d.toInstant().toString()
                : v.toString().isBlank() ? null : v.toString().strip(), s -> s);
    }

    /** A list of names stored as comma-separated text (readable in Cockpit, no serialized objects); blank is absent. */
    public static ProcessVariable<List<String>> list(String name) {
        return new ProcessVariable<>(name, v -> v.toString().isBlank() ? null : Arrays.stream(v.toString().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList(), l -> String.join(",", l));
    }

    /** An enum constant, stored as its name. */
    public static <E extends Enum<E>> ProcessVariable<E> enumeration(String name, Class<E> type) {
        return new ProcessVariable<>(name, v -> type.isInstance(v) ? type.cast(v)
                : v.toString().isBlank() ? null : Enum.valueOf(type, v.toString().strip().toUpperCase(Locale.ROOT)),
                Enum::name);
    }

    /** A small record or map stored as a JSON string. */
    public static <J> ProcessVariable<J> json(String name, Class<J> type) {
        return new ProcessVariable<>(name, v -> {
            try {
                return type.isInstance(v) ? type.cast(v) : JSON.readValue(v.toString(), type);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("variable " + name + " is not JSON of " + type.getSimpleName(), e);
            }
        }, j -> {
            try {
                return JSON.writeValueAsString(j);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("variable " + name + " cannot be written as JSON", e);
            }
        });
    }

    /** The names of {@code variables}, for what takes names (input contracts, queries). */
    public static String[] names(ProcessVariable<?>... variables) {
        return Arrays.stream(variables).map(ProcessVariable::name).toArray(String[]::new);
    }

    public String name() {
        return name;
    }

    /** The value, or null when the variable is absent (or blank text). */
    public T get(VariableScope scope) {
        Object value = scope.getVariable(name);
        return value == null ? null : read.apply(value);
    }

    /** The value, or {@code fallback} when it is absent. */
    public T orElse(VariableScope scope, T fallback) {
        T value = get(scope);
        return value == null ? fallback : value;
    }

    /** The value; absent is a programming or modelling error, reported with the variable's name. */
    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("process variable " + name + " is not set");
        }
        return value;
    }

    /** Whether a value was given at all, blank text included (a start that names the variable). */
    public boolean isGiven(VariableScope scope) {
        return scope.getVariable(name) != null;
    }

    /** True for a flag that is set and true (absent reads as false); for any other kind, whether it has a value. */
    public boolean isSet(VariableScope scope) {
        T value = get(scope);
        return value instanceof Boolean b ? b : value != null;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value == null ? null : write.apply(value));
    }

    /** Sets a transient value: readable in this transaction only, never stored (a gateway right after the step). */
    public void setTransient(VariableScope scope, T value) {
        scope.setVariable(name, Variables.untypedValue(value == null ? null : write.apply(value), true));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value == null ? null : write.apply(value));
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
