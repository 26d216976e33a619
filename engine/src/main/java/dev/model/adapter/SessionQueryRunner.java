package dev.model.adapter;

import dev.model.jinja.QueryRunner;

/** {@code run_query} and {@code statement} blocks over one session. */
final class SessionQueryRunner implements QueryRunner {

    private final Session session;

    SessionQueryRunner(Session session) {
        this.session = session;
    }

    @Override
    public QueryTable execute(String sql, boolean fetch) {
        if (!fetch) {
            return QueryTable.empty(session.execute(sql).rowsAffected());
        }
        QueryResult result = session.query(sql, 0);
        return new QueryTable(result.columnNames(), result.rows(), result.rowsAffected());
    }
}
