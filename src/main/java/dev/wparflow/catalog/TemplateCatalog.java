package dev.wparflow.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The template catalog table (wparflow_template). Saving validates the template ({@link TemplateRules}) and inserts it
 * at version 1 or updates it, raising the version; saving what is already stored changes nothing, not even who
 * changed it last.
 */
@Repository
public class TemplateCatalog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TemplateCatalog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a save did: {@code created} (a new name), {@code changed} (a new version; true when created). */
    public record Saved(WparTemplate template, boolean created, boolean changed) {
    }

    public List<WparTemplate> list() {
        return jdbc.query("SELECT * FROM wparflow_template ORDER BY name", TemplateCatalog::row);
    }

    public Optional<WparTemplate> find(String name) {
        return jdbc.query("SELECT * FROM wparflow_template WHERE name = ?", TemplateCatalog::row, name).stream()
                .findFirst();
    }

    /**
     * Stores the template as {@code user}. Refuses with {@link InvalidTemplateException} what {@link TemplateRules}
     * refuses. Two saves of a new name at once: one inserts, the other updates.
     */
    public Saved save(String name, String description, String specText, List<String> requiredFilesets, String user) {
        return save(name, description, specText, requiredFilesets, user, null);
    }

    /**
     * As {@link #save(String, String, String, List, String)}, but only over {@code expectedVersion} when it is given
     * (the version the caller read): a template changed meanwhile, or one that does not exist, is a
     * {@link VersionConflict} and nothing is written.
     */
    public Saved save(String name, String description, String specText, List<String> requiredFilesets, String user,
            Long expectedVersion) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("who changes a template must be named");
        }
        TemplateRules.name(name);
        String desc = TemplateRules.description(description);
        TemplateRules.spec(specText);
        String filesets = String.join(",", TemplateRules.requiredFilesets(requiredFilesets));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (expectedVersion != null) {
            int updated = jdbc.update("""
                    UPDATE wparflow_template
                       SET description = ?, spec_text = ?, required_filesets = ?, updated_by = ?, updated_at = ?,
                           version = version + 1
                     WHERE name = ? AND version = ?
                       AND (description <> ? OR spec_text <> ? OR required_filesets <> ?)""",
                    desc, specText, filesets, user, now, name, expectedVersion, desc, specText, filesets);
            WparTemplate current = find(name).orElseThrow(() -> new VersionConflict(name, expectedVersion, null));
            if (updated == 0 && current.version() != expectedVersion) {
                throw new VersionConflict(name, expectedVersion, current.version());
            }
            return new Saved(current, false, updated == 1);
        }
        for (int attempt = 0; ; attempt++) {
            int updated = jdbc.update("""
                    UPDATE wparflow_template
                       SET description = ?, spec_text = ?, required_filesets = ?, updated_by = ?, updated_at = ?,
                           version = version + 1
                     WHERE name = ? AND (description <> ? OR spec_text <> ? OR required_filesets <> ?)""",
                    desc, specText, filesets, user, now, name, desc, specText, filesets);
            Optional<WparTemplate> existing = find(name);
            if (existing.isPresent()) {
                return new Saved(existing.get(), false, updated == 1);
            }
            try {
                jdbc.update("""
                        INSERT INTO wparflow_template (name, description, spec_text, required_filesets, updated_by,
                            updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, 1)""", name, desc, specText, filesets, user, now);
                return new Saved(find(name).orElseThrow(), true, true);
            } catch (DuplicateKeyException inserted) {
                if (attempt > 0) {
                    throw inserted;
                }
            }
        }
    }

    /** A conditional save found another version than the caller read ({@code current} null: no such template). */
    public static class VersionConflict extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final Long current;

        VersionConflict(String name, long expected, Long current) {
            super(current == null ? "no template " + name + " (version " + expected + " expected)"
                    : "template " + name + " is at version " + current + ", not " + expected
                            + ": read it again and apply the change to that version");
            this.current = current;
        }

        public Long current() {
            return current;
        }
    }

    /** Removes the template; false if there was none. */
    public boolean delete(String name) {
        return jdbc.update("DELETE FROM wparflow_template WHERE name = ?", name) == 1;
    }

    static WparTemplate row(ResultSet rs, int n) throws SQLException {
        String filesets = rs.getString("required_filesets");
        return new WparTemplate(rs.getString("name"), rs.getString("description"), rs.getString("spec_text"),
                filesets.isEmpty() ? List.of() : Arrays.asList(filesets.split(",")), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }
}
