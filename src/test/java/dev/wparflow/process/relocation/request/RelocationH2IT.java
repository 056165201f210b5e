package dev.wparflow.process.relocation.request;

import dev.wparflow.testsupport.TestDatabase;

/** {@link AbstractRelocationIT} on H2 (in memory, one database per class). */
class RelocationH2IT extends AbstractRelocationIT {

    private final TestDatabase database = TestDatabase.h2Memory("reloc2");

    @Override
    TestDatabase database() {
        return database;
    }
}
