package dev.anchorsweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void everySchemaIsVersionedDocumentedAndSnakeCase() {
        assertEquals(List.of("sweeps", "runs", "history", "evaluations", "latents"), ResultTable.all().stream().map(ResultTable::name).toList());
        for (ResultTable<?> table : ResultTable.all()) {
            Schema schema = table.schema();
            assertEquals("dev.anchorsweep.results", schema.getNamespace(), table.name());
            assertNotNull(schema.getDoc(), table.name());
            assertEquals("schema_version", schema.getFields().get(0).name());
            assertEquals(SchemaVersion.CURRENT, ((Number) schema.getField("schema_version").defaultVal()).intValue());
            for (Schema.Field field : schema.getFields()) {
                assertFalse(field.doc() == null || field.doc().isBlank(), table.name() + "." + field.name() + " has no doc");
                assertEquals(field.name().toLowerCase(), field.name(), "snake_case");
                if (field.schema().isUnion()) assertEquals(Schema.Type.NULL, field.schema().getTypes().get(0).getType(), field.name());
            }
        }
    }

    @Test
    void doubleColumnsNameTheParquetPathsOfDoubles() {
        assertEquals(List.of("r", "g", "b", "latent.list.element"), TableFileWriter.doubleColumns(ResultTable.LATENTS.schema()));
        assertEquals(List.of("lr", "weights.key_value.value", "losses.key_value.value", "validation.key_value.value"),
                TableFileWriter.doubleColumns(ResultTable.HISTORY.schema()));
    }
}
