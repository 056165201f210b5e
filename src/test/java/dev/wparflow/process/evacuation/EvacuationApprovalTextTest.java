package dev.wparflow.process.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The plan text an approval shows: whole when it fits, else cut at a line with the address of the whole plan. */
class EvacuationApprovalTextTest {

    static String plan(int wpars) {
        List<EvacuationPlanner.Row> rows = new ArrayList<>();
        for (int i = 0; i < wpars; i++) {
            rows.add(new EvacuationPlanner.Row(String.format("wpar%03d", i), "lpar10", "lpar20", "live", null, null,
                    "lpar20: every check for live passes"));
        }
        return "Evacuate LPAR lpar10: " + wpars + " of " + wpars + " WPARs move\n\n" + EvacuationPlanner.table(rows);
    }

    @Test
    void aPlanThatFitsIsShownWhole() {
        String plan = plan(5);
        assertThat(EvacuationService.approvalText("abc-1", plan)).isEqualTo(plan);
    }

    @Test
    void aLargePlanIsCutAtALineAndPointsToTheWholePlan() {
        String plan = plan(200);
        assertThat(plan.length()).isGreaterThan(3900);
        String shown = EvacuationService.approvalText("abc-1", plan);
        assertThat(shown.length()).isLessThanOrEqualTo(3900);
        assertThat(shown).endsWith("\n… the whole plan: /api/evacuations/abc-1/plan.txt");
        String kept = shown.substring(0, shown.lastIndexOf('\n'));
        assertThat(plan).startsWith(kept + "\n");
        assertThat(kept.lines().reduce((a, b) -> b).orElseThrow()).matches("wpar\\d{3} +lpar10 +lpar20 +live.*");
    }
}
