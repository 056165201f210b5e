package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The mkwpar flags that {@code restwpar -M} passes on, as one argument: {@code -M '-N address=9.3.5.184'}
 * (RB:3975). restwpar splits this string again and may hand it to a shell, so every word inside must be
 * bare-safe ({@code [A-Za-z0-9_@%+=:,./-]}); a validated value that is not (a WPAR name with {@code $}, say) is
 * refused here rather than quoted twice.
 */
public final class MkwparOptions {

    private static final Pattern FLAG = Pattern.compile("-[A-Za-z]");

    private final List<String> words;

    private MkwparOptions(List<String> words) {
        this.words = Collections.unmodifiableList(new ArrayList<>(words));
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> words() {
        return words;
    }

    /** The single argument restwpar receives after {@code -M}. */
    public String asArgument() {
        return String.join(" ", words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public static final class Builder {
        private final List<String> words = new ArrayList<>();

        private void add(String w) {
            if (!ShellQuote.isBareSafe(w)) {
                throw new InvalidArgumentException("mkwparOption", w,
                        "every word passed through restwpar -M must be made of [A-Za-z0-9_@%+=:,./-]");
            }
            words.add(w);
        }

        private static String checkFlag(String f) {
            if (f == null || !FLAG.matcher(f).matches()) {
                throw new InvalidArgumentException("flag", f, "must be a single-letter flag such as -N");
            }
            return f;
        }

        public Builder flag(String flag) {
            add(checkFlag(flag));
            return this;
        }

        public Builder flag(String flag, ShellArg value) {
            add(checkFlag(flag));
            add(value.value());
            return this;
        }

        public Builder flag(String flag, AttributeList attributes) {
            add(checkFlag(flag));
            attributes.words().forEach(this::add);
            return this;
        }

        public MkwparOptions build() {
            if (words.isEmpty()) {
                throw new InvalidArgumentException("mkwparOptions", "", "must contain at least one flag");
            }
            return new MkwparOptions(words);
        }
    }
}
