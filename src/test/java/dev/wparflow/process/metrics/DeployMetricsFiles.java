package dev.wparflow.process.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Prometheus and Grafana files of {@code deploy/}: the dashboard's queries, the alert rules' expressions, the
 * metric names they use; and a Prometheus text scrape read into series and values.
 */
final class DeployMetricsFiles {

    static final Path DASHBOARD = Path.of("deploy/grafana/wparflow-dashboard.json");
    static final Path ALERTS = Path.of("deploy/prometheus/wparflow-alerts.yml");
    static final Path SCRAPE = Path.of("deploy/prometheus/prometheus.yml");
    static final Path DOCS = Path.of("docs/metrics.md");
    /** a row of the metrics table of docs/metrics.md: | `wparflow_…` | … */
    static final Pattern DOCUMENTED = Pattern.compile("^\\| `(wparflow_[a-z0-9_]+)`", Pattern.MULTILINE);
    private static final List<String> SERIES_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

    /** A metric name of ours in a PromQL expression. */
    static final Pattern METRIC = Pattern.compile("\\bwparflow_[a-z0-9_]+");

    private DeployMetricsFiles() {
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel's targets' {@code expr}, nested rows included. */
    static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        collect(dashboard().path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(target.get("expr").asText());
                }
            }
            collect(panel.path("panels"), queries);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** alert name → expression */
    @SuppressWarnings("unchecked")
    static Map<String, String> alertExpressions() {
        Map<String, String> rules = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(ALERTS).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return rules;
    }

    static Set<String> metricNames(Collection<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String e : expressions) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    static Set<String> metricNamesInDashboard() {
        return metricNames(dashboardQueries());
    }

    static Set<String> metricNamesInAlerts() {
        return metricNames(alertExpressions().values());
    }

    /** The metrics docs/metrics.md lists: what the application exports ({@code PrometheusMetricsIT} holds it so). */
    static Set<String> documentedMetrics() {
        try {
            Matcher m = DOCUMENTED.matcher(Files.readString(DOCS));
            Set<String> names = new TreeSet<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented metric a series name belongs to (a histogram's _bucket, _count, _sum, _max), else itself. */
    static String family(String series, Set<String> documented) {
        if (documented.contains(series)) {
            return series;
        }
        for (String suffix : SERIES_SUFFIXES) {
            if (series.endsWith(suffix)) {
                String base = series.substring(0, series.length() - suffix.length());
                if (documented.contains(base)) {
                    return base;
                }
            }
        }
        return series;
    }

    /** series (name with its labels, as written) → value, of a Prometheus text exposition */
    static Map<String, Double> parse(String scrape) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String value = line.substring(space + 1).trim();
            series.put(line.substring(0, space).trim(), switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(value);
            });
        }
        return series;
    }

    /** The metric names of the series ({@code wparflow_x_total{a="b"}} → {@code wparflow_x_total}). */
    static Set<String> seriesNames(Collection<String> series) {
        Set<String> names = new TreeSet<>();
        for (String s : series) {
            int brace = s.indexOf('{');
            names.add(brace < 0 ? s : s.substring(0, brace));
        }
        return names;
    }
}
