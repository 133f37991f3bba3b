package dev.threshold.action;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActionInput")
public record ActionInput(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Ask for a referral") String name,
        @Size(max = 2000) String description,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(
                        required = true,
                        example = "60",
                        description = "Strength (0–100) a contact needs for this action")
                Double threshold) {

    static ActionInput of(Action a) {
        return new ActionInput(a.name, a.description, a.threshold);
    }
}
