package dev.wparflow.process.approval;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.TestDatabases;

class ChangeApprovalProcessH2Test extends AbstractChangeApprovalProcessTest {

    /** an instance field: built only when the class is enabled; the engine itself is shared */
    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(TestDatabases.h2Engine()).build();

    @Override
    ProcessEngineExtension extension() {
        return extension;
    }
}
