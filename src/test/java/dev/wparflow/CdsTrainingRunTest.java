package dev.wparflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The training run's visit: Tasklist's status after its redirect, as a browser sees it. */
class CdsTrainingRunTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void followsTasklistsRedirectToItsPage() throws Exception {
        String base = serve(true);
        assertThat(CdsTrainingRun.tasklistStatus(base)).isEqualTo(200);
    }

    @Test
    void reportsATasklistThatDoesNotAnswer200() throws Exception {
        String base = serve(false);
        assertThat(CdsTrainingRun.tasklistStatus(base)).isEqualTo(404);
    }

    /** /camunda/app/tasklist/ redirects to default/, which answers 200 when the page is there, 404 when not. */
    private String serve(boolean pageThere) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/camunda/app/tasklist/")) {
                exchange.getResponseHeaders().add("Location", "/camunda/app/tasklist/default/");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/camunda/app/tasklist/default/") && pageThere) {
                byte[] page = "<html>Tasklist</html>".getBytes();
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
