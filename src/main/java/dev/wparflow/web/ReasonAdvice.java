package dev.wparflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * A 4xx our /api controllers answer with a reason ({@code ResponseStatusException}) carries that reason as
 * {@code message}: Spring Boot's error page leaves it out ({@code server.error.include-message} is {@code never}), and
 * the caller (a script, the command line) needs to know which parameter was wrong and why. Only 4xx: a server error
 * keeps Spring Boot's answer.
 */
@RestControllerAdvice(basePackages = "dev.wparflow.web")
class ReasonAdvice {

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> reason(ResponseStatusException e) throws ResponseStatusException {
        if (!e.getStatusCode().is4xxClientError() || e.getReason() == null) {
            throw e;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.getStatusCode().value());
        body.put("message", e.getReason());
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
