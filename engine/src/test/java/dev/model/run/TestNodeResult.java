package dev.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestNodeResult {

    @Test
    void statusesReadBackFromDbtNames() {
        assertEquals(NodeStatus.RUNTIME_ERROR, NodeStatus.fromDbtName("runtime error"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> NodeStatus.fromDbtName("partial success"));
        assertEquals("unknown node status 'partial success'", error.getMessage());
    }

    @Test
    void failuresAndSkipsBlockDescendantsButWarningsDoNot() {
        assertTrue(NodeStatus.FAIL.blocksDescendants());
        assertTrue(NodeStatus.ERROR.blocksDescendants());
        assertTrue(NodeStatus.SKIPPED.blocksDescendants());
        assertFalse(NodeStatus.WARN.blocksDescendants());
        assertFalse(NodeStatus.PASS.blocksDescendants());
        assertFalse(NodeStatus.SKIPPED.isFailure());
    }

    @Test
    void theBuilderRoundTripsEveryFieldAndCopiesTheAdapterResponse() {
        NodeResult original = TestingResults.testFailure();
        assertEquals(original, original.toBuilder().build());
        assertEquals("test", original.resourceType());

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", "OK");
        NodeResult result = NodeResult.builder("model.shop.a", NodeStatus.SUCCESS).adapterResponse(response).build();
        response.put("rows_affected", 3);
        assertEquals(Map.of("_message", "OK"), result.adapterResponse());
    }

    @Test
    void aNegativeExecutionTimeIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> NodeResult.builder("model.shop.a", NodeStatus.SUCCESS).executionTime(-1).build());
        assertEquals("executionTime must be >= 0", error.getMessage());
    }
}
