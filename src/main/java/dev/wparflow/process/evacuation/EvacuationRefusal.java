package dev.wparflow.process.evacuation;

import dev.wparflow.process.OperationRefusal;

/** What ends an evacuation refused, with the rule (SCOPE_EMPTY, NOTHING_TO_RETURN, …). */
public class EvacuationRefusal extends OperationRefusal {

    private static final long serialVersionUID = 1L;

    public EvacuationRefusal(String code, String message) {
        super(code, message);
    }
}
