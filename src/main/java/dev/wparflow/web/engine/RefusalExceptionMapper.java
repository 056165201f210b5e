package dev.wparflow.web.engine;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine REST resources turn every engine exception of a start or a task completion into a 500; a refusal by
 * our guards and listeners (a {@link BadUserRequestException}: bad input, four-eyes) is the caller's error and
 * answers 400, an {@link AuthorizationException} 403. Everything else is answered as Camunda answers it.
 * Registered ahead of Camunda's own mapper for the same type.
 */
@Priority(1)
public class RefusalExceptionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return refusal(Response.Status.FORBIDDEN, "AuthorizationException", cause.getMessage());
            }
            if (cause instanceof BadUserRequestException) {
                return refusal(Response.Status.BAD_REQUEST, "InvalidRequestException", exception.getMessage());
            }
        }
        return camunda.toResponse(exception);
    }

    private static Response refusal(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message == null ? "" : message)).build();
    }
}
