package dev.threshold.platform.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The platform's filter of the OpenAPI document ({@code mp.openapi.filter}; a feature that documents something of
 * its own across operations has its own {@code @OpenApiFilter}, as {@code importing.UploadJobResponses}): the
 * problem responses, bearer token and
 * Idempotency-Key of every operation ({@link ProblemResponsesFilter}), then the merge-patch schemas
 * ({@link PatchSchemas}).
 */
public class DocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            PatchSchemas.apply(openAPI);
        }
    }
}
