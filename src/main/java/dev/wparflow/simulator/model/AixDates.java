package dev.wparflow.simulator.model;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates the way AIX prints them ({@code date}, restore): {@code Wed Jun 18 15:28:20 CDT 2008}. */
public final class AixDates {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);

    private AixDates() {
    }

    public static String now() {
        return DATE.format(ZonedDateTime.now());
    }
}
