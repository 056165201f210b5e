package dev.wparflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Lets a {@code wparflow.*} list setting be written as a YAML list as well as a comma-separated string. The settings
 * classes read lists with {@code @Value("${key:}") List<String>}, which sees {@code key} only: a YAML list arrives as
 * {@code key[0]}, {@code key[1]}… and would read as empty. For each such key that has no plain value, this adds one
 * (the items joined with commas) at the lowest precedence, so a plain value anywhere still wins.
 */
public final class ListSettings implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "wparflowListSettings";
    private static final Pattern INDEXED = Pattern.compile("(wparflow\\.[A-Za-z0-9.\\-]+)\\[\\d+]");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TreeSet<String> lists = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Matcher m = INDEXED.matcher(name);
                    if (m.matches()) {
                        lists.add(m.group(1));
                    }
                }
            }
        }
        Binder binder = Binder.get(environment);
        Map<String, Object> joined = new LinkedHashMap<>();
        for (String key : lists) {
            if (environment.containsProperty(key)) {
                continue;
            }
            List<String> items = binder.bind(key, Bindable.listOf(String.class)).orElse(new ArrayList<>());
            joined.put(key, String.join(",", items));
        }
        if (!joined.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, joined));
        }
    }

    /** After the configuration files are read (ConfigDataEnvironmentPostProcessor). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
