package dev.model.adapter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a statement returned, shaped as dbt's {@code adapter_response}. {@code rowsAffected} is
 * -1 where the warehouse does not say; {@code queryId} is null where it has none.
 */
public record StatementResult(String message, long rowsAffected, String queryId) {

    public static StatementResult ok(long rowsAffected) {
        return new StatementResult("OK", rowsAffected, null);
    }

    /** {@code {"_message": "OK", "rows_affected": n}} plus {@code query_id} where known. */
    public Map<String, Object> adapterResponse() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_message", message);
        out.put("rows_affected", rowsAffected);
        if (queryId != null) {
            out.put("query_id", queryId);
        }
        return out;
    }
}
