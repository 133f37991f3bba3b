package dev.threshold.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Turns what is wrong with a request body into a 400 that names each invalid field by its JSON path
 * ({@code emails[1]}, {@code body} for the whole): JSON that does not parse (Jackson's
 * {@link JsonProcessingException}s: unknown field, wrong type, value out of range, not an enum constant,
 * malformed) and Bean Validation's constraint violations. Nothing from the exception's internals is kept.
 */
public final class FieldErrors {

    private FieldErrors() {}

    /** Any of Jackson's failures, by its kind. */
    public static ApiProblem of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u);
        }
        if (e instanceof InvalidFormatException i) {
            return invalidFormat(i);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m);
        }
        if (e instanceof JsonMappingException m) {
            return jsonMapping(m);
        }
        return malformed(e);
    }

    /** Every violated constraint, named by the property's path. */
    public static ApiProblem of(ConstraintViolationException e) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new ApiProblem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        return ApiProblem.invalid(errors);
    }

    static ApiProblem unknownProperty(UnrecognizedPropertyException e) {
        return ApiProblem.invalid(jsonPath(e), "is not a known field");
    }

    static ApiProblem invalidFormat(InvalidFormatException e) {
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object constant : e.getTargetType().getEnumConstants()) {
                allowed.add(((Enum<?>) constant).name());
            }
            message = "must be one of " + String.join(", ", allowed);
        } else {
            message = "has an invalid value" + expected(e.getTargetType());
        }
        return ApiProblem.invalid(jsonPath(e), message);
    }

    static ApiProblem mismatchedInput(MismatchedInputException e) {
        String path = jsonPath(e);
        if (path.isEmpty()) {
            return ApiProblem.invalid("body", "must be a JSON " + shape(e.getTargetType()));
        }
        return ApiProblem.invalid(path, "has the wrong type" + expected(e.getTargetType()));
    }

    /** A value a constructor or setter refused: its own message when it has one (an ApiProblem's, an IAE's). */
    static ApiProblem jsonMapping(JsonMappingException e) {
        String path = jsonPath(e);
        Throwable cause = e.getCause();
        String message = cause instanceof ApiProblem p && !p.errors().isEmpty()
                ? p.errors().get(0).message()
                : cause instanceof IllegalArgumentException iae && iae.getMessage() != null
                        ? iae.getMessage()
                        : "is invalid";
        return ApiProblem.invalid(path.isEmpty() ? "body" : path, message);
    }

    /** Not JSON at all (with where it broke), or a number too large for its field. */
    static ApiProblem malformed(JsonProcessingException e) {
        if (e instanceof InputCoercionException coercion && coercion.getProcessor() != null) {
            String pointer =
                    coercion.getProcessor().getParsingContext().pathAsPointer().toString();
            String field = pointer.isEmpty()
                    ? "body"
                    : pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
            return ApiProblem.invalid(field, "is out of range");
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return ApiProblem.invalid("body", "is not well-formed JSON" + where);
    }

    private static String fieldName(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                            && node.getName() != null
                            && node.getName().startsWith("arg")) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && sb.length() > 0) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && sb.length() > 0) {
                sb.append('.').append(node.getKey());
            }
            if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        return "; expected " + shape(type);
    }

    private static String shape(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(type)
                || type.isEnum()
                || type == UUID.class
                || Temporal.class.isAssignableFrom(type)) {
            return "string";
        }
        return "object";
    }
}
