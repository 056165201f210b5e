package dev.wparflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The /api error body: {@code status}, {@code message} and, when one field of the request is wrong, {@code field}. */
final class ApiError {

    private ApiError() {
    }

    static ResponseEntity<Map<String, Object>> of(HttpStatus status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
