package dev.wparflow.process.approval;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
// closed after the class: a context left in Spring's cache keeps its run watcher and job executor working on the
// shared database while later tests run
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChangeApprovalRestPostgresIT extends AbstractChangeApprovalRestIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.registerPostgres(registry);
    }
}
