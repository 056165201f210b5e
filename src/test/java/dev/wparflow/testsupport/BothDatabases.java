package dev.wparflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that runs on H2 and on PostgreSQL: it takes its database from {@link TestDatabase#selected}. The default
 * test executions run it on H2; the {@code postgres} profile of pom.xml (active when WPARFLOW_TEST_POSTGRES_URL is set)
 * runs the classes with this tag again with {@code -Dwparflow.test.database=postgres}, its reports in
 * {@code target/failsafe-reports-postgres}. Asked for PostgreSQL without a server to test against, the class is
 * disabled with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BothDatabases.TAG)
@ExtendWith(BothDatabases.PostgresAvailable.class)
public @interface BothDatabases {

    String TAG = "both-databases";

    /** Disables the class on PostgreSQL when WPARFLOW_TEST_POSTGRES_URL is not set. */
    class PostgresAvailable implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestDatabases.postgresSelected() && (TestDatabases.postgresUrl() == null || TestDatabases.postgresUrl().isBlank())) {
                return ConditionEvaluationResult.disabled(TestDatabases.POSTGRES_DISABLED_REASON);
            }
            return ConditionEvaluationResult.enabled(TestDatabases.postgresSelected() ? "on PostgreSQL" : "on H2");
        }
    }
}
