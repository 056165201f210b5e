package dev.wparflow.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description of /api (served at /v3/api-docs and /swagger-ui.html). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "wparflow API", version = "0.1",
        description = "Fleet inventory, locks, detached runs, command transcripts, SSH sessions, the image catalog "
                + "and the WPAR template catalog of wparflow. "
                + "Every call needs HTTP Basic authentication with a Camunda user."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class OpenApiConfig {
}
