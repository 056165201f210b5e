package dev.wparflow.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relocation groups (wparflow_relocation_group and its member, candidate and pair tables). A save replaces the
 * group's members, candidates and pairs in one transaction and raises its version; a WPAR is a member of one group at
 * most (a save naming a member of another group is refused, naming that group).
 */
@Repository
public class RelocationGroups {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RelocationGroups(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a save did: {@code created} (a new name). */
    public record Saved(RelocationGroup group, boolean created) {
    }

    public List<RelocationGroup> list() {
        List<Head> heads = jdbc.query("SELECT * FROM wparflow_relocation_group ORDER BY name", RelocationGroups::head);
        return assemble(heads);
    }

    public Optional<RelocationGroup> find(String name) {
        List<Head> heads = jdbc.query("SELECT * FROM wparflow_relocation_group WHERE name = ?", RelocationGroups::head,
                name);
        return assemble(heads).stream().findFirst();
    }

    /** The group {@code wpar} is a member of, if any. */
    public Optional<RelocationGroup> groupOf(String wpar) {
        return jdbc.queryForList("SELECT group_name FROM wparflow_relocation_group_member WHERE wpar = ?",
                String.class, wpar).stream().findFirst().flatMap(this::find);
    }

    /** Every group by each of its members. */
    public Map<String, RelocationGroup> byMember() {
        Map<String, RelocationGroup> byMember = new HashMap<>();
        for (RelocationGroup g : list()) {
            g.members().forEach(m -> byMember.put(m, g));
        }
        return byMember;
    }

    @Transactional
    public Saved save(String name, RelocationGroup.Definition definition, String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("who changes a relocation group must be named");
        }
        RelocationGroup.name(name);
        RelocationGroup.Definition d = definition.validated();
        for (String member : d.members()) {
            List<String> other = jdbc.queryForList("SELECT group_name FROM wparflow_relocation_group_member "
                    + "WHERE wpar = ? AND group_name <> ?", String.class, member, name);
            if (!other.isEmpty()) {
                throw new InvalidTemplateException("members", null, "WPAR " + member + " is a member of relocation group "
                        + other.get(0) + " (a WPAR belongs to one group)");
            }
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.update("""
                UPDATE wparflow_relocation_group
                   SET description = ?, max_wpars_per_lpar = ?, cpu_headroom_percent = ?, updated_by = ?,
                       updated_at = ?, version = version + 1
                 WHERE name = ?""", d.description(), d.maxWparsPerLpar(), d.cpuHeadroomPercent(), user, now, name);
        boolean created = updated == 0;
        if (created) {
            jdbc.update("""
                    INSERT INTO wparflow_relocation_group (name, description, max_wpars_per_lpar, cpu_headroom_percent,
                        updated_by, updated_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, 1)""", name, d.description(), d.maxWparsPerLpar(),
                    d.cpuHeadroomPercent(), user, now);
        }
        deleteParts(name);
        for (String member : d.members()) {
            jdbc.update("INSERT INTO wparflow_relocation_group_member (group_name, wpar) VALUES (?, ?)", name, member);
        }
        int position = 0;
        for (RelocationGroup.Candidate c : d.candidates()) {
            jdbc.update("INSERT INTO wparflow_relocation_group_candidate (group_name, position, kind, target, "
                    + "candidate_rank) VALUES (?, ?, ?, ?, ?)", name, position++, c.kind().name(), c.target(),
                    c.rank().name());
        }
        for (RelocationGroup.Pair p : d.antiAffinity()) {
            jdbc.update("INSERT INTO wparflow_relocation_group_pair (group_name, first_wpar, second_wpar) "
                    + "VALUES (?, ?, ?)", name, p.first(), p.second());
        }
        return new Saved(find(name).orElseThrow(), created);
    }

    @Transactional
    public boolean delete(String name) {
        deleteParts(name);
        return jdbc.update("DELETE FROM wparflow_relocation_group WHERE name = ?", name) == 1;
    }

    private void deleteParts(String name) {
        jdbc.update("DELETE FROM wparflow_relocation_group_member WHERE group_name = ?", name);
        jdbc.update("DELETE FROM wparflow_relocation_group_candidate WHERE group_name = ?", name);
        jdbc.update("DELETE FROM wparflow_relocation_group_pair WHERE group_name = ?", name);
    }

    private record Head(String name, String description, Integer maxWparsPerLpar, Integer cpuHeadroomPercent,
            long version, String updatedBy, Instant updatedAt) {
    }

    private static Head head(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Head(rs.getString("name"), rs.getString("description"),
                (Integer) rs.getObject("max_wpars_per_lpar", Integer.class),
                (Integer) rs.getObject("cpu_headroom_percent", Integer.class), rs.getLong("version"),
                rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private List<RelocationGroup> assemble(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> members = new HashMap<>();
        jdbc.query("SELECT group_name, wpar FROM wparflow_relocation_group_member ORDER BY wpar", rs -> {
            members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        Map<String, List<RelocationGroup.Candidate>> candidates = new HashMap<>();
        jdbc.query("SELECT * FROM wparflow_relocation_group_candidate ORDER BY group_name, position", rs -> {
            candidates.computeIfAbsent(rs.getString("group_name"), k -> new ArrayList<>()).add(
                    new RelocationGroup.Candidate(RelocationGroup.Kind.valueOf(rs.getString("kind")),
                            rs.getString("target"), RelocationGroup.Rank.valueOf(rs.getString("candidate_rank"))));
        });
        Map<String, List<RelocationGroup.Pair>> pairs = new HashMap<>();
        jdbc.query("SELECT * FROM wparflow_relocation_group_pair ORDER BY group_name, first_wpar, second_wpar", rs -> {
            pairs.computeIfAbsent(rs.getString("group_name"), k -> new ArrayList<>()).add(
                    new RelocationGroup.Pair(rs.getString("first_wpar"), rs.getString("second_wpar")));
        });
        return heads.stream().map(h -> new RelocationGroup(h.name(), h.description(),
                members.getOrDefault(h.name(), List.of()), candidates.getOrDefault(h.name(), List.of()),
                pairs.getOrDefault(h.name(), List.of()), h.maxWparsPerLpar(), h.cpuHeadroomPercent(), h.version(),
                h.updatedBy(), h.updatedAt())).toList();
    }
}
