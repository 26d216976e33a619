package dev.model.jinja;

import java.util.ArrayList;
import java.util.List;

/** The agate table dbt returns from {@code run_query}: {@code rows}, {@code columns}, {@code column_names}. */
final class AgateTable implements PyObject {

    private final QueryRunner.QueryTable table;

    AgateTable(QueryRunner.QueryTable table) {
        this.table = table;
    }

    @Override
    public String typeName() {
        return "Table";
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "rows" -> rows();
            case "columns" -> {
                List<Object> columns = new ArrayList<>();
                for (int c = 0; c < table.columnNames().size(); c++) {
                    columns.add(new Column(table.columnNames().get(c), c));
                }
                yield columns;
            }
            case "column_names" -> new ArrayList<>(table.columnNames());
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, JavaFunction.Arguments a) {
        return switch (method) {
            case "rows" -> rows();
            case "print_table" -> "";
            default -> MISSING;
        };
    }

    /** Rows as plain lists of values: {@code load_result('x')['data']}. */
    List<Object> data() {
        List<Object> data = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            data.add(new ArrayList<>(row));
        }
        return data;
    }

    private List<Object> rows() {
        List<Object> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(new Row(row));
        }
        return rows;
    }

    /** A row, indexed by position ({@code row[0]}) or by column name ({@code row['id']}). */
    private final class Row implements PyObject {
        private final List<Object> values;

        Row(List<Object> values) {
            this.values = values;
        }

        @Override
        public String typeName() {
            return "Row";
        }

        @Override
        public Object attribute(String name) {
            int index = table.columnNames().indexOf(name);
            if (index < 0 && name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                index = Integer.parseInt(name);
            }
            return index >= 0 && index < values.size() ? values.get(index) : MISSING;
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            return switch (method) {
                case "values" -> new ArrayList<>(values);
                case "keys" -> new ArrayList<>(table.columnNames());
                case "get" -> {
                    Object found = attribute(String.valueOf(a.require(0, "key")));
                    yield found == MISSING ? a.get(1, "default", null) : found;
                }
                default -> MISSING;
            };
        }

        @Override
        public String toString() {
            return PyValues.repr(values);
        }
    }

    /** A column: {@code name} and {@code values()}. */
    private final class Column implements PyObject {
        private final String name;
        private final int index;

        Column(String name, int index) {
            this.name = name;
            this.index = index;
        }

        @Override
        public String typeName() {
            return "Column";
        }

        @Override
        public Object attribute(String attribute) {
            return attribute.equals("name") ? name : MISSING;
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            if (!method.equals("values")) {
                return MISSING;
            }
            List<Object> values = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                values.add(row.get(index));
            }
            return values;
        }
    }
}
