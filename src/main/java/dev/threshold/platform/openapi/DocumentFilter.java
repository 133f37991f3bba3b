package dev.threshold.platform.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The one filter of the OpenAPI document ({@code mp.openapi.filter}): the problem responses, bearer token and
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
