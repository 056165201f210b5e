package dev.wparflow.process.restore;

import dev.wparflow.testsupport.TestDatabase;

/** {@link AbstractRestoreCloneIT} on H2 (in memory, one database per class). */
class RestoreCloneH2IT extends AbstractRestoreCloneIT {

    private final TestDatabase database = TestDatabase.h2Memory("restore");

    @Override
    TestDatabase database() {
        return database;
    }
}
