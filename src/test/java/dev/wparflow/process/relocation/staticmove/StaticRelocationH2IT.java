package dev.wparflow.process.relocation.staticmove;

import dev.wparflow.testsupport.TestDatabase;

/** {@link AbstractStaticRelocationIT} on H2 (in memory, one database per class). */
class StaticRelocationH2IT extends AbstractStaticRelocationIT {

    private final TestDatabase database = TestDatabase.h2Memory("reloc");

    @Override
    TestDatabase database() {
        return database;
    }
}
