package dev.threshold.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** JSON Merge Patch against RFC 7396's own examples (section 3 and appendix A). */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":\"b\"}                | {\"a\":\"c\"}                    | {\"a\":\"c\"}",
                "{\"a\":\"b\"}                | {\"b\":\"c\"}                    | {\"a\":\"b\",\"b\":\"c\"}",
                "{\"a\":\"b\"}                | {\"a\":null}                     | {}",
                "{\"a\":\"b\",\"b\":\"c\"}    | {\"a\":null}                     | {\"b\":\"c\"}",
                "{\"a\":[\"b\"]}              | {\"a\":\"c\"}                    | {\"a\":\"c\"}",
                "{\"a\":\"c\"}                | {\"a\":[\"b\"]}                  | {\"a\":[\"b\"]}",
                "{\"a\":{\"b\":\"c\"}}        | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
                "{\"a\":[{\"b\":\"c\"}]}      | {\"a\":[1]}                      | {\"a\":[1]}",
                "[\"a\",\"b\"]                | [\"c\",\"d\"]                    | [\"c\",\"d\"]",
                "{\"a\":\"b\"}                | [\"c\"]                          | [\"c\"]",
                "{\"a\":\"foo\"}              | null                             | null",
                "{\"a\":\"foo\"}              | \"bar\"                          | \"bar\"",
                "{\"e\":null}                 | {\"a\":1}                        | {\"e\":null,\"a\":1}",
                "[1,2]                        | {\"a\":\"b\",\"c\":null}         | {\"a\":\"b\"}",
                "{}                           | {\"a\":{\"bb\":{\"ccc\":null}}}  | {\"a\":{\"bb\":{}}}"
            })
    void appendixA(String original, String patch, String result) throws Exception {
        assertEquals(json(result), MergePatch.apply(json(original), json(patch)));
    }

    @Test
    void section3Example() throws Exception {
        JsonNode target = json(
                """
                {"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
                 "tags": ["example", "sample"], "content": "This will be unchanged"}""");
        JsonNode patch = json(
                """
                {"title": "Hello!", "phoneNumber": "+01-123-456-7890", "author": {"familyName": null},
                 "tags": ["example"]}""");
        JsonNode before = target.deepCopy();
        assertEquals(
                json(
                        """
                {"title": "Hello!", "author": {"givenName": "John"}, "tags": ["example"],
                 "content": "This will be unchanged", "phoneNumber": "+01-123-456-7890"}"""),
                MergePatch.apply(target, patch));
        assertEquals(before, target, "the target is left as it was");
    }

    record Action(String name, Integer threshold) {}

    @Test
    void mergeReadsTheResultBackAndRefusesAPatchThatIsNotAnObject() throws Exception {
        assertEquals(
                new Action("Call", null),
                MergePatch.merge(JSON, new Action("Call", 30), json("{\"threshold\": null}"), Action.class));
        ApiProblem notAnObject = assertThrows(
                ApiProblem.class, () -> MergePatch.merge(JSON, new Action("Call", 30), json("[1]"), Action.class));
        assertEquals(400, notAnObject.status());
        assertEquals("body", notAnObject.errors().get(0).field());
    }
}
