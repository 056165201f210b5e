package dev.wparflow.process;

import dev.wparflow.testsupport.TestDatabase;

/** {@link AbstractApprovalBypassIT} on H2 (in memory, one database per class). */
class ApprovalBypassH2IT extends AbstractApprovalBypassIT {

    private final TestDatabase database = TestDatabase.h2Memory("bypass");

    @Override
    protected TestDatabase database() {
        return database;
    }
}
