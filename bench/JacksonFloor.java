import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * The floor under the alpaca JSONL to sharegpt JSONL job on the JVM: Jackson's streaming
 * parser and generator alone, on one thread, with no checks, no canonical model and no
 * output checks. Whatever sftkit does costs at least this (per core). Not part of the
 * benchmark's table; run it beside it:
 *
 * <pre>
 * /usr/bin/time -f "%e s %U user" java -XX:+UseParallelGC -cp cli/target/sftkit.jar \
 *     bench/JacksonFloor.java target/bench/alpaca-1000000.jsonl /tmp/floor.jsonl
 * </pre>
 */
public class JacksonFloor {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        JsonFactory json = new JsonFactory();
        long rows = 0;
        try (JsonParser in = json.createParser(new BufferedInputStream(new FileInputStream(args[0]), 1 << 20));
                JsonGenerator out = json.createGenerator(
                        new BufferedOutputStream(new FileOutputStream(args[1]), 1 << 20), JsonEncoding.UTF8)) {
            out.setRootValueSeparator(new SerializedString("\n"));
            while (in.nextToken() == JsonToken.START_OBJECT) {
                String instruction = "";
                String input = "";
                String output = "";
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    in.nextToken();
                    switch (name) {
                        case "instruction" -> instruction = in.getText();
                        case "input" -> input = in.getText();
                        case "output" -> output = in.getText();
                        default -> in.skipChildren();
                    }
                }
                out.writeStartObject();
                out.writeArrayFieldStart("conversations");
                out.writeStartObject();
                out.writeStringField("from", "human");
                out.writeStringField("value", input.isEmpty() ? instruction : instruction + "\n" + input);
                out.writeEndObject();
                out.writeStartObject();
                out.writeStringField("from", "gpt");
                out.writeStringField("value", output);
                out.writeEndObject();
                out.writeEndArray();
                out.writeEndObject();
                rows++;
            }
        }
        System.err.printf("%d rows in %.2f s%n", rows, (System.nanoTime() - start) / 1e9);
    }
}
