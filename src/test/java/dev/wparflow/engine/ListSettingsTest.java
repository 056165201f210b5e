package dev.wparflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class ListSettingsTest {

    StandardEnvironment environment = new StandardEnvironment();

    @Test
    void aYamlListReadsAsTheCommaSeparatedValueTheSettingsExpect() {
        environment.getPropertySources().addFirst(new MapPropertySource("yaml", Map.of(
                "wparflow.lifecycle.approval-exempt[0]", "lpar07", "wparflow.lifecycle.approval-exempt[1]", "lab")));
        new ListSettings().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("wparflow.lifecycle.approval-exempt", List.class))
                .containsExactly("lpar07", "lab");
    }

    @Test
    void aPlainValueStillWins() {
        environment.getPropertySources().addFirst(new MapPropertySource("yaml", Map.of(
                "wparflow.maintenance.sources[0]", "/images/updates")));
        environment.getPropertySources().addFirst(new MapPropertySource("command line", Map.of(
                "wparflow.maintenance.sources", "/export/lpp")));
        new ListSettings().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("wparflow.maintenance.sources")).isEqualTo("/export/lpp");
    }

    @Test
    void theEmbeddedProfilesMaintenanceSourcesReachTheSettings() throws IOException {
        for (PropertySource<?> yaml : new YamlPropertySourceLoader().load("embedded",
                new ClassPathResource("application-embedded.yml"))) {
            environment.getPropertySources().addLast(yaml);
        }
        new ListSettings().postProcessEnvironment(environment, new SpringApplication());
        String sources = environment.getProperty("wparflow.maintenance.sources");
        assertThat(sources).isEqualTo("/images/updates,/images/efixes");
    }
}
