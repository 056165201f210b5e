package dev.wparflow.web.engine;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.wparflow.engine.InputRefusedException;

/** A start our own /api refused by the input contract or the start guard is the caller's error: 400 with the rule. */
@RestControllerAdvice
class StartRefusalAdvice {

    @ExceptionHandler(InputRefusedException.class)
    ResponseEntity<Map<String, String>> refused(InputRefusedException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }
}
