package dev.wparflow.process.approval;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class ChangeApprovalProcessPostgresTest extends AbstractChangeApprovalProcessTest {

    /** an instance field: built only when the class is enabled; the engine itself is shared */
    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(TestDatabases.postgresEngine()).build();

    @Override
    ProcessEngineExtension extension() {
        return extension;
    }
}
