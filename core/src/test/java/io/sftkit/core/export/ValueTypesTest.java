package io.sftkit.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.sftkit.core.io.Json;
import io.sftkit.spi.Column;
import io.sftkit.spi.ColumnType;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    private static ValueTypes of(String... records) throws IOException {
        ValueTypes types = new ValueTypes();
        for (String r : records) {
            types.add(Json.MAPPER.readTree(r));
        }
        return types;
    }

    @Test
    void columnsAndFieldsSeenInSomeRecordsOnlyAreOptionalAndIntegersMeetingDecimalsAreFloats() throws IOException {
        ValueTypes types = of(
                "{\"q\": \"a\", \"n\": 1, \"turns\": [{\"from\": \"human\", \"value\": \"x\"}], \"h\": [[\"a\", \"b\"]]}",
                "{\"q\": \"b\", \"n\": 1.5, \"turns\": [{\"from\": \"gpt\", \"weight\": 0}], \"ok\": true, \"h\": []}",
                "{\"q\": null, \"empty\": [], \"nothing\": null}");

        assertThat(types.recordType()).contains(ColumnType.struct(
                Column.optional("q", ColumnType.STRING),
                Column.optional("n", ColumnType.DOUBLE),
                Column.optional("turns", ColumnType.list(ColumnType.struct(
                        Column.optional("from", ColumnType.STRING),
                        Column.optional("value", ColumnType.STRING),
                        Column.optional("weight", ColumnType.LONG)))),
                Column.optional("h", ColumnType.list(ColumnType.list(ColumnType.STRING))),
                Column.optional("ok", ColumnType.BOOLEAN),
                Column.optional("empty", ColumnType.list(ColumnType.STRING)),
                Column.optional("nothing", ColumnType.STRING)));
    }

    @Test
    void splitsAreEqualWhenTheirValuesHaveTheSameTypesAndTogetherTakeTheFieldsOfBoth() throws IOException {
        ValueTypes train = of("{\"q\": \"a\", \"system\": \"s\"}", "{\"q\": \"b\"}");
        ValueTypes val = of("{\"q\": \"c\"}");

        assertThat(train).isNotEqualTo(val).isEqualTo(of("{\"system\": \"t\", \"q\": \"d\"}"));
        assertThat(val.with(train).recordType()).contains(ColumnType.struct(
                Column.optional("q", ColumnType.STRING), Column.optional("system", ColumnType.STRING)));
    }

    @Test
    void valuesThatShareNoTypeLeaveNone() throws IOException {
        assertThat(of("{\"score\": 1}", "{\"score\": \"high\"}").recordType()).isEmpty();
        assertThat(of("{\"a\": [1]}", "{\"a\": {\"b\": 1}}").recordType()).isEmpty();
        assertThat(of("{\"a\": [[1]]}", "{\"a\": [\"x\"]}").recordType()).isEmpty();
        assertThat(of("{\"score\": 1}").with(of("{\"score\": \"high\"}")).recordType()).isEmpty();
        assertThat(of("{\"m\": {}}").recordType()).as("Arrow has no empty structs").isEmpty();
        assertThat(of("{\"m\": {}}", "{\"m\": {\"k\": true}}").recordType()).isEqualTo(Optional.of(ColumnType.struct(
                Column.optional("m", ColumnType.struct(Column.optional("k", ColumnType.BOOLEAN))))));
    }
}
