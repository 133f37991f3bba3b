package dev.threshold.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The writable fields of a contact: the body of POST and PUT, and the shape a merge patch is applied to.
 * Read-only fields sent by a client ({@code id}, {@code version}, {@code strength}, …) are ignored.
 */
@Schema(name = "ContactInput", description = "Writable fields of a contact")
public record ContactInput(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Ada Lovelace") String displayName,
        @Size(max = 200) String firstName,
        @Size(max = 200) String lastName,
        @Size(max = 50) List<@NotNull @Email @Size(max = 320) String> emails,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> phones,
        @Size(max = 200) String company,
        @Size(max = 200) String position,
        @Size(max = 200) String location,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 50) Map<@NotBlank @Size(max = 50) String, @NotBlank @Size(max = 2000) String> profiles,
        LocalDate connectedOn,
        @Size(max = 10000) String notes,
        @Min(1) @Max(3650) @Schema(
                        description =
                                "Days between touches the user wants for this contact; overrides the tier's cadence")
                Integer cadenceDays) {

    static ContactInput of(Contact c) {
        return new ContactInput(
                c.displayName,
                c.firstName,
                c.lastName,
                List.copyOf(c.emails),
                List.copyOf(c.phones),
                c.company,
                c.position,
                c.location,
                List.copyOf(c.tags),
                Map.copyOf(c.profiles),
                c.connectedOn,
                c.notes,
                c.cadenceDays);
    }
}
