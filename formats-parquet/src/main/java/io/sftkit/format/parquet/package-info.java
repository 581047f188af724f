/**
 * The {@code parquet} container: any shape that declares its columns
 * ({@link io.sftkit.spi.Shape#schema()}) stored as Apache Parquet that HuggingFace datasets,
 * pyarrow, DuckDB and polars read.
 *
 * <p>Writing follows the shape's {@link io.sftkit.spi.RecordSchema}: strings, booleans,
 * 64-bit integers and doubles as themselves, lists as standard 3-level lists, structs as
 * structs, and {@code JSON_TEXT} values as their JSON text. A file has only the columns and
 * struct fields its records use (a struct none of whose fields is used keeps its first one):
 * rows are written in all columns as records come, and the footer is written again with the
 * used ones when the writer is closed.
 * In a struct with an extras field, a value its declared field cannot hold as written (another
 * JSON type, an integer in a double column, {@code 1.50} in a double column) and a JSON
 * {@code null} are kept in the extras. Elsewhere a record that does not fit is refused alone
 * ({@link io.sftkit.spi.SampleRefusedException} naming the field). Defaults: zstd at level 1
 * (pyarrow's), row groups flushed at 16 MiB.
 *
 * <p>Reading needs no shape: a file sftkit wrote describes itself (JSON-text columns and
 * struct extras are marked in the Avro schema parquet-avro keeps in the file), so its records
 * come back equal to what was written. Files from other writers read as the JSON their
 * columns hold, every column under its own name, in any order, including columns no shape
 * knows; the shape then decodes them exactly as the same data in JSON Lines.
 *
 * <p>Null: outside a struct with extras, an optional column holding JSON {@code null} and one
 * left out are stored alike and both read back as an absent key (Parquet has one null).
 * Inside {@code JSON_TEXT} values and extras, {@code null} is kept. Numbers come back as the
 * JSON numbers they were written as.
 */
package io.sftkit.format.parquet;
