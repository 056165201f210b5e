package dev.wparflow.process.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files of {@code deploy/grafana} and {@code deploy/prometheus} parse, and every query in them names a metric of
 * the list in docs/metrics.md, which {@code PrometheusMetricsIT} holds equal to the metrics a scrape of the running
 * application shows (and checks these queries against that scrape too).
 */
class DeployMetricsFilesTest {

    @Test
    void theDashboardIsGrafanaJsonWithAQueryInEveryPanel() {
        JsonNode dashboard = DeployMetricsFiles.dashboard();
        assertThat(dashboard.path("title").asText()).isEqualTo("wparflow");
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
        assertThat(DeployMetricsFiles.dashboardQueries()).allSatisfy(q -> assertThat(q).contains("wparflow_"));
    }

    @Test
    void everyDashboardQueryNamesAMetricTheApplicationExports() {
        Set<String> exported = DeployMetricsFiles.documentedMetrics();
        assertThat(exported).hasSizeGreaterThan(10);
        assertThat(DeployMetricsFiles.metricNamesInDashboard()).isNotEmpty().allSatisfy(name -> assertThat(exported)
                .as("metrics of docs/metrics.md").contains(DeployMetricsFiles.family(name, exported)));
    }

    @Test
    void theAlertRulesCoverTheLateWindowTheFailingHostAndTheEscalatedApproval() {
        Map<String, String> rules = DeployMetricsFiles.alertExpressions();
        assertThat(rules).containsKeys("WparflowBackupWindowLate", "WparflowHostFailingRepeatedly",
                "WparflowApprovalPastEscalation");
        Set<String> exported = DeployMetricsFiles.documentedMetrics();
        assertThat(DeployMetricsFiles.metricNamesInAlerts()).isNotEmpty().allSatisfy(name -> assertThat(exported)
                .as("metrics of docs/metrics.md").contains(DeployMetricsFiles.family(name, exported)));
        assertThat(rules.values()).allSatisfy(expr -> assertThat(DeployMetricsFiles.metricNames(List.of(expr)))
                .isNotEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScrapeExampleUsesTheMetricsReadersLogin() {
        Map<String, Object> config = DeployMetricsFiles.yaml(DeployMetricsFiles.SCRAPE);
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        Map<String, Object> job = jobs.stream().filter(j -> "wparflow".equals(j.get("job_name"))).findFirst()
                .orElseThrow();
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat((Map<String, Object>) job.get("basic_auth")).containsEntry("username", "metrics");
        assertThat((List<String>) config.get("rule_files")).contains("wparflow-alerts.yml");
    }
}
