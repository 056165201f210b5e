package dev.wparflow.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts a Spring Boot test context on the database {@link TestDatabase#selected} chooses from
 * {@code -Dwparflow.test.database}: an H2 database in memory of its own, or a fresh PostgreSQL schema (engine and our
 * tables) dropped once the context has closed, after its job executor and pool. A class using it is
 * {@link BothDatabases} and {@code @DirtiesContext(classMode = AFTER_CLASS)}: a context left in Spring's cache would
 * keep its job executor and run watcher working on the database after the class.
 *
 * <pre>{@code @ContextConfiguration(initializers = SelectedDatabase.class)}</pre>
 */
public final class SelectedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.selected("spring");
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("selectedTestDatabase", properties));
        // registered before any bean exists, so destroyed after all of them
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("selectedTestDatabase",
                database::drop);
    }
}
