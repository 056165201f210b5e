package dev.wparflow.aix;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The interpreted result of one AIX command: either a parsed value (with the informational/warning messages the
 * command printed) or an {@link AixFailure}. Exit status is data; neither branch is an exception.
 */
public sealed interface AixResult<T> permits AixResult.Ok, AixResult.Failed {

    record Ok<T>(T value, List<AixMessage> messages) implements AixResult<T> {
        public Ok {
            messages = List.copyOf(messages);
        }
    }

    record Failed<T>(AixFailure failure) implements AixResult<T> {
    }

    static <T> AixResult<T> ok(T value, List<AixMessage> messages) {
        return new Ok<>(value, messages);
    }

    static <T> AixResult<T> failed(AixFailure failure) {
        return new Failed<>(failure);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link NoSuchElementException} naming the failure when this is a failure. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new NoSuchElementException(((Failed<T>) this).failure().describe());
    }

    /** The failure; throws when this is a success. */
    default AixFailure failure() {
        if (this instanceof Failed<T> f) {
            return f.failure();
        }
        throw new NoSuchElementException("command succeeded");
    }

    /** The outcome: {@code null} for success. */
    default AixOutcome outcome() {
        return this instanceof Failed<T> f ? f.failure().outcome() : null;
    }

    default <U> AixResult<U> map(Function<? super T, ? extends U> fn) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(fn.apply(ok.value()), ok.messages());
        }
        return new Failed<>(((Failed<T>) this).failure());
    }
}
