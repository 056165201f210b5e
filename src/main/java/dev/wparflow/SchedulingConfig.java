package dev.wparflow;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background pollers (detached runs) run on Spring's scheduler. */
@Configuration
@EnableScheduling
public class SchedulingConfig {
}
