package dev.wparflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** How each kind of process variable reads what starts and steps store, and what it writes. */
class ProcessVariableTest {

    enum Mode { NONE, STOP }

    record Point(int x, String label) {
    }

    final Map<String, Object> stored = new HashMap<>();
    final VariableScope scope = scope(stored);

    static VariableScope scope(Map<String, Object> stored) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable(anyString())).thenAnswer(i -> stored.get(i.getArgument(0, String.class)));
        doAnswer(i -> stored.put(i.getArgument(0), i.getArgument(1))).when(scope).setVariable(anyString(), any());
        doAnswer(i -> stored.put(i.getArgument(0), i.getArgument(1))).when(scope).setVariableLocal(anyString(), any());
        doAnswer(i -> stored.remove(i.getArgument(0, String.class))).when(scope).removeVariable(anyString());
        return scope;
    }

    @Test
    void textIsStrippedAndBlankIsAbsent() {
        ProcessVariable<String> wpar = ProcessVariable.string("wpar");
        stored.put("wpar", "  wpr00 ");
        assertThat(wpar.get(scope)).isEqualTo("wpr00");
        stored.put("wpar", " ");
        assertThat(wpar.get(scope)).isNull();
        assertThat(wpar.isGiven(scope)).isTrue();
        assertThat(wpar.orElse(scope, "wpr01")).isEqualTo("wpr01");
        assertThatThrownBy(() -> wpar.require(scope)).hasMessageContaining("wpar");
        wpar.remove(scope);
        assertThat(wpar.isGiven(scope)).isFalse();
    }

    @Test
    void aFlagIsABooleanOrTheTextTrue() {
        ProcessVariable<Boolean> start = ProcessVariable.flag("start");
        assertThat(start.isSet(scope)).isFalse();
        stored.put("start", " TRUE ");
        assertThat(start.isSet(scope)).isTrue();
        stored.put("start", "yes");
        assertThat(start.isSet(scope)).isFalse();
        start.set(scope, true);
        assertThat(stored).containsEntry("start", true);
    }

    @Test
    void numbersReadFromAnyNumberOrTheirText() {
        ProcessVariable<Integer> quorum = ProcessVariable.integer("quorum");
        ProcessVariable<Long> token = ProcessVariable.longValue("token");
        stored.put("quorum", 2L);
        stored.put("token", "7");
        assertThat(quorum.get(scope)).isEqualTo(2);
        assertThat(token.get(scope)).isEqualTo(7L);
        stored.put("quorum", "two");
        assertThatThrownBy(() -> quorum.get(scope)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void anInstantIsStoredAsADateAndReadFromADateOrIsoText() {
        ProcessVariable<Instant> at = ProcessVariable.instant("requestedAt");
        Instant instant = Instant.parse("2026-12-05T06:00:00Z");
        at.set(scope, instant);
        assertThat(stored.get("requestedAt")).isEqualTo(Date.from(instant));
        assertThat(at.get(scope)).isEqualTo(instant);
        stored.put("requestedAt", "2026-12-05T06:00:00Z");
        assertThat(at.get(scope)).isEqualTo(instant);
    }

    @Test
    void aDateTimeTextKeepsTheTextAndReadsADateAsItsInstant() {
        ProcessVariable<String> window = ProcessVariable.dateTimeText("maintenanceWindowStart");
        stored.put("maintenanceWindowStart", " 2026-12-05T22:00 ");
        assertThat(window.get(scope)).isEqualTo("2026-12-05T22:00");
        stored.put("maintenanceWindowStart", Date.from(Instant.parse("2026-12-05T22:00:00Z")));
        assertThat(window.get(scope)).isEqualTo("2026-12-05T22:00:00Z");
    }

    @Test
    void aListIsCommaSeparatedTextAndBlankIsAbsent() {
        ProcessVariable<List<String>> disks = ProcessVariable.list("disks");
        disks.set(scope, List.of("hdisk2", "hdisk3"));
        assertThat(stored).containsEntry("disks", "hdisk2,hdisk3");
        stored.put("disks", " hdisk2 , ,hdisk3");
        assertThat(disks.get(scope)).containsExactly("hdisk2", "hdisk3");
        stored.put("disks", "");
        assertThat(disks.get(scope)).isNull();
    }

    @Test
    void anEnumIsStoredAsItsNameAndReadInAnyCase() {
        ProcessVariable<Mode> mode = ProcessVariable.enumeration("consistencyMode", Mode.class);
        mode.set(scope, Mode.STOP);
        assertThat(stored).containsEntry("consistencyMode", "STOP");
        stored.put("consistencyMode", "stop");
        assertThat(mode.get(scope)).isEqualTo(Mode.STOP);
    }

    @Test
    void jsonIsStoredAsAString() {
        ProcessVariable<Point> point = ProcessVariable.json("point", Point.class);
        point.set(scope, new Point(3, "x"));
        assertThat(stored.get("point")).isInstanceOf(String.class);
        assertThat(point.get(scope)).isEqualTo(new Point(3, "x"));
        stored.put("point", "not json");
        assertThatThrownBy(() -> point.get(scope)).hasMessageContaining("point");
    }

    @Test
    void aTransientValueIsMarkedTransient() {
        ProcessVariable.flag("wparLocked").setTransient(scope, true);
        assertThat(stored.get("wparLocked")).isInstanceOfSatisfying(TypedValue.class, v -> {
            assertThat(v.isTransient()).isTrue();
            assertThat(v.getValue()).isEqualTo(true);
        });
    }

    @Test
    void namesAreWhatContractsAndQueriesTake() {
        assertThat(ProcessVariable.names(ProcessVariable.string("host"), ProcessVariable.flag("start")))
                .containsExactly("host", "start");
    }
}
