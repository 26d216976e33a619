package dev.model.ingest.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.snowflake.ingest.streaming.InsertValidationResponse;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import net.snowflake.ingest.streaming.internal.ColumnProperties;

/**
 * A FAKE of the Snowpipe Streaming SDK's channel interface, backed by {@link Service}, an in-memory
 * stand-in for what Snowflake keeps per channel. It is neither the SDK nor Snowflake; it models
 * only what exactly-once depends on:
 *
 * <ul>
 *   <li>appends are not committed at once: the newest {@code commitLag} appends of a channel stay
 *       pending, and the committed offset token is that of the last committed append;</li>
 *   <li>opening a channel again invalidates every earlier holder of it and drops their pending
 *       appends (Snowflake's channel sequencer);</li>
 *   <li>a crash of the client loses every pending append and invalidates its channels;</li>
 *   <li>an injected failure makes an append throw and invalidates the channel, losing its pending
 *       appends, as a failed background flush does in the SDK;</li>
 *   <li>closing a valid channel commits what it has pending.</li>
 * </ul>
 */
final class TestingFakeChannel implements SnowflakeStreamingIngestChannel {

    private final Service service;
    private final Service.State state;
    private final long generation;
    private final String name;
    private final String database;
    private final String schema;
    private final String table;
    private boolean closed;

    private TestingFakeChannel(Service service, Service.State state, long generation, String name, String database,
                               String schema, String table) {
        this.service = service;
        this.state = state;
        this.generation = generation;
        this.name = name;
        this.database = database;
        this.schema = schema;
        this.table = table;
    }

    /** What Snowflake keeps per channel and table, shared by every fake channel and every sink of a test. */
    static final class Service implements SnowpipeStreamingSink.ChannelOpener {

        /** A committed row with the table it went to. */
        record CommittedRow(String table, Map<String, Object> row) {
        }

        private record Append(List<Map<String, Object>> rows, String token) {
        }

        private static final class State {
            final String table;
            final List<Append> pending = new ArrayList<>();
            long generation;
            String committedToken;

            State(String table) {
                this.table = table;
            }
        }

        private final int commitLag;
        private final java.util.Set<String> columns;
        private final Map<String, State> channels = new java.util.HashMap<>();
        private final List<CommittedRow> committed = new ArrayList<>();
        private final java.util.Set<Integer> failingAppends = new java.util.HashSet<>();
        private int appends;
        private int opens;
        private long lostRows;

        /** @param columns the table's columns; a row with any other is rejected, as Snowflake would */
        Service(int commitLag, java.util.Set<String> columns) {
            this.commitLag = commitLag;
            this.columns = java.util.Set.copyOf(columns);
        }

        @Override
        public synchronized SnowflakeStreamingIngestChannel open(String channelName, String database, String schema,
                                                                 String table) {
            String fullTable = database + "." + schema + "." + table;
            State state = channels.computeIfAbsent(fullTable + "/" + channelName, k -> new State(fullTable));
            state.generation++;
            lose(state);
            opens++;
            return new TestingFakeChannel(this, state, state.generation, channelName, database, schema, table);
        }

        /** The appends counted from 1 across all channels that fail; each invalidates its channel. */
        synchronized void failAppends(Integer... numbers) {
            failingAppends.addAll(List.of(numbers));
        }

        /** The client process dies: nothing pending is committed, no channel of it stays valid. */
        synchronized void crash() {
            for (State state : channels.values()) {
                state.generation++;
                lose(state);
            }
        }

        synchronized List<CommittedRow> committedRows() {
            return List.copyOf(committed);
        }

        synchronized long pendingRows() {
            return channels.values().stream().flatMap(s -> s.pending.stream()).mapToLong(a -> a.rows().size()).sum();
        }

        /** Rows appended but lost before their commit, by crashes, failures and reopened channels. */
        synchronized long lostRows() {
            return lostRows;
        }

        synchronized int opens() {
            return opens;
        }

        synchronized String committedToken(String database, String schema, String table, String channelName) {
            State state = channels.get(database + "." + schema + "." + table + "/" + channelName);
            return state == null ? null : state.committedToken;
        }

        private void lose(State state) {
            state.pending.forEach(a -> lostRows += a.rows().size());
            state.pending.clear();
        }

        private void commitOldest(State state) {
            Append append = state.pending.remove(0);
            append.rows().forEach(row -> committed.add(new CommittedRow(state.table, row)));
            state.committedToken = append.token();
        }

        private synchronized InsertValidationResponse insert(TestingFakeChannel channel, Iterable<Map<String, Object>> rows,
                                                             String token) {
            channel.checkValid();
            appends++;
            if (failingAppends.remove(appends)) {
                channel.state.generation++;
                lose(channel.state);
                throw new net.snowflake.ingest.utils.SFException(net.snowflake.ingest.utils.ErrorCode.INVALID_CHANNEL,
                        channel.name, "injected failure of append " + appends);
            }
            List<Map<String, Object>> copy = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                for (String column : row.keySet()) {
                    if (!columns.contains(column)) {
                        // ON_ERROR ABORT: nothing of the call is kept.
                        throw new net.snowflake.ingest.utils.SFException(
                                net.snowflake.ingest.utils.ErrorCode.INVALID_FORMAT_ROW, "unknown column " + column);
                    }
                }
                copy.add(java.util.Collections.unmodifiableMap(new java.util.HashMap<>(row)));
            }
            channel.state.pending.add(new Append(copy, token));
            while (channel.state.pending.size() > commitLag) {
                commitOldest(channel.state);
            }
            return new InsertValidationResponse();
        }

        private synchronized String committedToken(TestingFakeChannel channel) {
            channel.checkValid();
            return channel.state.committedToken;
        }

        private synchronized boolean close(TestingFakeChannel channel) {
            if (channel.closed) {
                return true;
            }
            channel.closed = true;
            if (channel.generation != channel.state.generation) {
                return false;
            }
            while (!channel.state.pending.isEmpty()) {
                commitOldest(channel.state);
            }
            return true;
        }
    }

    private void checkValid() {
        if (closed) {
            throw new net.snowflake.ingest.utils.SFException(net.snowflake.ingest.utils.ErrorCode.CLOSED_CHANNEL, name);
        }
        if (generation != state.generation) {
            throw new net.snowflake.ingest.utils.SFException(net.snowflake.ingest.utils.ErrorCode.INVALID_CHANNEL, name,
                    "reopened elsewhere or lost");
        }
    }

    @Override
    public String getFullyQualifiedName() {
        return database + "." + schema + "." + table + "." + name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDBName() {
        return database;
    }

    @Override
    public String getSchemaName() {
        return schema;
    }

    @Override
    public String getTableName() {
        return table;
    }

    @Override
    public String getFullyQualifiedTableName() {
        return database + "." + schema + "." + table;
    }

    @Override
    public boolean isValid() {
        synchronized (service) {
            return !closed && generation == state.generation;
        }
    }

    @Override
    public boolean isClosed() {
        synchronized (service) {
            return closed;
        }
    }

    @Override
    public CompletableFuture<Void> close() {
        return close(false);
    }

    @Override
    public CompletableFuture<Void> close(boolean drop) {
        if (service.close(this)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(new net.snowflake.ingest.utils.SFException(
                net.snowflake.ingest.utils.ErrorCode.INVALID_CHANNEL, name, "closed after it was invalidated"));
    }

    @Override
    public InsertValidationResponse insertRow(Map<String, Object> row, String offsetToken) {
        return insertRows(List.of(row), offsetToken);
    }

    @Override
    public InsertValidationResponse insertRows(Iterable<Map<String, Object>> rows, String startOffsetToken,
                                               String endOffsetToken) {
        return insertRows(rows, endOffsetToken);
    }

    @Override
    public InsertValidationResponse insertRows(Iterable<Map<String, Object>> rows, String offsetToken) {
        return service.insert(this, rows, offsetToken);
    }

    @Override
    public String getLatestCommittedOffsetToken() {
        return service.committedToken(this);
    }

    @Override
    public Map<String, ColumnProperties> getTableSchema() {
        return Map.of();
    }
}
