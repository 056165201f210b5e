package dev.wparflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The class data sharing training run of {@code mvn package} ({@code wparflow.cds.training-run=true}, pom.xml):
 * when the application is ready it asks its own Tasklist for its page, as the first operator's browser does, and
 * then ends the JVM, which writes every class loaded so far to the archive named by
 * {@code -XX:ArchiveClassesAtExit}. A start with that archive then maps what a start loads up to Tasklist's first
 * answer (the web server, the webapps, the simulated fleet, the start-up listeners) instead of loading it from the
 * jars (docs/benchmarks.md, "Application start-up and footprint"). The exit status is 0 when Tasklist answered 200.
 */
@Component
@ConditionalOnProperty(name = "wparflow.cds.training-run", havingValue = "true")
public class CdsTrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(CdsTrainingRun.class);

    /** After the application's own ready listeners (the start-up discovery among them). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void visitTasklistAndExit(ApplicationReadyEvent ready) {
        int status = 1;
        try {
            int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
            status = tasklistStatus("http://127.0.0.1:" + port) == 200 ? 0 : 1;
        } catch (Exception e) {
            LOG.error("training run: Tasklist did not answer", e);
        }
        if (status != 0) {
            LOG.error("training run: Tasklist did not answer 200");
        }
        int exit = SpringApplication.exit(ready.getApplicationContext(), () -> 0);
        System.exit(status != 0 ? status : exit);
    }

    /** The status of {@code GET /camunda/app/tasklist/} after its redirect to {@code default/}. */
    static int tasklistStatus(String baseUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest tasklist = HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/"))
                .timeout(Duration.ofSeconds(60)).build();
        return http.send(tasklist, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
