package dev.wparflow.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.wparflow.aix.LparName;
import dev.wparflow.aix.WparName;

/**
 * A relocation group (Redbook 5.7, WPAR Manager's WPAR groups and relocation policies): WPARs that move by the same
 * rules. {@code candidates} in the order they are tried, High before Medium before Low (within a rank, as listed);
 * a candidate names an LPAR or a managed system (every LPAR on it). {@code antiAffinity}: two members that never run on
 * the same LPAR or the same managed system. Capacity: {@code maxWparsPerLpar} (most WPARs on a target LPAR after the
 * move) and {@code cpuHeadroomPercent} (the sum of the CPU minimums of the WPARs on a target LPAR, the arriving one
 * included, stays at most 100 minus this).
 */
public record RelocationGroup(String name, String description, List<String> members, List<Candidate> candidates,
        List<Pair> antiAffinity, Integer maxWparsPerLpar, Integer cpuHeadroomPercent, long version, String updatedBy,
        Instant updatedAt) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_MEMBERS = 500;
    static final int MAX_CANDIDATES = 100;

    public RelocationGroup {
        members = List.copyOf(members);
        candidates = List.copyOf(candidates);
        antiAffinity = List.copyOf(antiAffinity);
    }

    /** WPAR Manager's three ranks of a candidate system. */
    public enum Rank {
        HIGH, MEDIUM, LOW
    }

    /** What a candidate names. */
    public enum Kind {
        LPAR, MANAGED_SYSTEM
    }

    public record Candidate(Kind kind, String target, Rank rank) {
    }

    public record Pair(String first, String second) {

        public boolean involves(String wpar) {
            return first.equals(wpar) || second.equals(wpar);
        }

        public String other(String wpar) {
            return first.equals(wpar) ? second : first;
        }
    }

    /** The candidates in the order they are tried: by rank, then as listed. */
    public List<Candidate> ranked() {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(java.util.Comparator.comparing(Candidate::rank));
        return sorted;
    }

    /** The members {@code wpar} must not share an LPAR or a managed system with. */
    public List<String> apartFrom(String wpar) {
        return antiAffinity.stream().filter(p -> p.involves(wpar)).map(p -> p.other(wpar)).toList();
    }

    /**
     * What a request asks to store, checked: every rule refused names the field ({@code name}, {@code description},
     * {@code members}, {@code candidates}, {@code antiAffinity}, {@code maxWparsPerLpar}, {@code cpuHeadroomPercent}).
     */
    public record Definition(String description, List<String> members, List<Candidate> candidates,
            List<Pair> antiAffinity, Integer maxWparsPerLpar, Integer cpuHeadroomPercent) {

        public Definition {
            members = members == null ? List.of() : List.copyOf(members);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            antiAffinity = antiAffinity == null ? List.of() : List.copyOf(antiAffinity);
        }

        /** Refuses what cannot be stored; returns the definition with the description stripped. */
        public Definition validated() {
            String desc = TemplateRules.description(description);
            if (members.isEmpty()) {
                throw new InvalidTemplateException("members", null, "a relocation group needs at least one WPAR");
            }
            if (members.size() > MAX_MEMBERS) {
                throw new InvalidTemplateException("members", null, "at most " + MAX_MEMBERS + " WPARs per group");
            }
            Set<String> seen = new HashSet<>();
            for (String m : members) {
                wpar("members", m);
                if (!seen.add(m)) {
                    throw new InvalidTemplateException("members", null, "WPAR " + m + " is listed twice");
                }
            }
            if (candidates.size() > MAX_CANDIDATES) {
                throw new InvalidTemplateException("candidates", null, "at most " + MAX_CANDIDATES + " candidates");
            }
            Set<String> targets = new HashSet<>();
            for (Candidate c : candidates) {
                if (c == null || c.kind() == null || c.rank() == null || c.target() == null) {
                    throw new InvalidTemplateException("candidates", null,
                            "each candidate names an lpar or a managedSystem and a rank (HIGH, MEDIUM, LOW)");
                }
                try {
                    LparName.of(c.target());
                } catch (IllegalArgumentException e) {
                    throw new InvalidTemplateException("candidates", null, "candidate " + c.target() + ": "
                            + e.getMessage());
                }
                if (!targets.add(c.kind() + "/" + c.target())) {
                    throw new InvalidTemplateException("candidates", null, "candidate " + c.target()
                            + " is listed twice");
                }
            }
            Set<String> pairs = new HashSet<>();
            for (Pair p : antiAffinity) {
                if (p == null || p.first() == null || p.second() == null) {
                    throw new InvalidTemplateException("antiAffinity", null, "each pair names two WPARs");
                }
                if (p.first().equals(p.second())) {
                    throw new InvalidTemplateException("antiAffinity", null, "a pair needs two different WPARs, not "
                            + p.first() + " twice");
                }
                for (String w : List.of(p.first(), p.second())) {
                    if (!seen.contains(w)) {
                        throw new InvalidTemplateException("antiAffinity", null, "WPAR " + w
                                + " of a pair is not a member of the group");
                    }
                }
                String key = p.first().compareTo(p.second()) < 0 ? p.first() + "/" + p.second()
                        : p.second() + "/" + p.first();
                if (!pairs.add(key)) {
                    throw new InvalidTemplateException("antiAffinity", null, "pair " + key + " is listed twice");
                }
            }
            if (maxWparsPerLpar != null && (maxWparsPerLpar < 1 || maxWparsPerLpar > 10000)) {
                throw new InvalidTemplateException("maxWparsPerLpar", null, "maxWparsPerLpar must be 1 to 10000");
            }
            if (cpuHeadroomPercent != null && (cpuHeadroomPercent < 0 || cpuHeadroomPercent > 99)) {
                throw new InvalidTemplateException("cpuHeadroomPercent", null, "cpuHeadroomPercent must be 0 to 99");
            }
            return new Definition(desc, members, candidates, antiAffinity, maxWparsPerLpar, cpuHeadroomPercent);
        }

        private static void wpar(String field, String name) {
            try {
                WparName.of(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidTemplateException(field, null, "WPAR " + name + ": " + e.getMessage());
            }
        }
    }

    /** The group's name, checked as a template's: a letter or digit, then at most 39 of letters, digits, _ . - */
    public static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidTemplateException("name", null, "relocation group name "
                    + (name == null ? "(none)" : "'" + name + "'")
                    + " must be a letter or digit followed by at most 39 letters, digits, '_', '.' or '-'");
        }
        return name;
    }

    public static Rank rank(String text) {
        try {
            return Rank.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidTemplateException("candidates", null, "rank must be HIGH, MEDIUM or LOW, not '" + text
                    + "'");
        }
    }
}
