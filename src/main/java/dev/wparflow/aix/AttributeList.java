package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of {@code key=value} words, as AIX takes after {@code mkwpar -M}, {@code mkwpar -N}, {@code chwpar -N}
 * (e.g. {@code dev=/wpar_share/wpr01 directory=/ host=lpar02 vfs=nfs}, RB:4734) or NIM's {@code -a attr=value}.
 * Keys are code constants ({@code [A-Za-z][A-Za-z0-9_]*}); values are validated {@link ShellArg}s or keywords made
 * only of bare-safe characters. Every word is still quoted by {@link AixCommand}.
 */
public final class AttributeList {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final List<String> words;

    private AttributeList(List<String> words) {
        this.words = Collections.unmodifiableList(new ArrayList<>(words));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The words, e.g. {@code ["address=10.0.0.5", "interface=en0"]}. */
    public List<String> words() {
        return words;
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }

    public static final class Builder {
        private final List<String> words = new ArrayList<>();

        private static String key(String key) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new InvalidArgumentException("attributeKey", key, "must match [A-Za-z][A-Za-z0-9_]*");
            }
            return key;
        }

        /** {@code key=value} with a validated value. */
        public Builder put(String key, ShellArg value) {
            words.add(key(key) + "=" + value.value());
            return this;
        }

        /** {@code key=part1 part2 ...}: one word whose value holds several validated, space-free parts (NIM). */
        public Builder put(String key, ShellArg first, ShellArg... more) {
            StringBuilder b = new StringBuilder(key(key)).append('=').append(first.value());
            for (ShellArg a : more) {
                b.append(' ').append(a.value());
            }
            words.add(b.toString());
            return this;
        }

        /** {@code key=keyword} where the keyword is made only of {@code [A-Za-z0-9_@%+=:,./-]} (e.g. {@code vfs=nfs}). */
        public Builder keyword(String key, String keyword) {
            if (keyword == null || !ShellQuote.isBareSafe(keyword)) {
                throw new InvalidArgumentException(key, keyword, "keyword must be made of [A-Za-z0-9_@%+=:,./-]");
            }
            words.add(key(key) + "=" + keyword);
            return this;
        }

        /** {@code key=value} when the value is present; nothing otherwise. */
        public Builder putIfPresent(String key, ShellArg valueOrNull) {
            if (valueOrNull != null) {
                put(key, valueOrNull);
            }
            return this;
        }

        public AttributeList build() {
            return new AttributeList(words);
        }
    }
}
