package dev.threshold.capture;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The owner's own identities ({@code GET|PUT /settings/profile}): what every capture uses to tell the owner's side
 * of a meeting, a message or a chat from the other's, and the time zone in which floating times (a calendar's local
 * times without a zone, a chat's wall clock) are read.
 */
@Schema(name = "Profile", description = "Who you are in the exports you import: your names, e-mails, phones, LinkedIn")
public record Profile(
        @Size(max = 20) @Schema(description = "Names you appear under (chats, LinkedIn)", example = "[\"Sam Example\"]")
                List<@NotBlank @Size(max = 200) String> names,
        @Size(max = 50) @Schema(description = "Your e-mail addresses", example = "[\"sam@example.com\"]")
                List<@NotNull @Email @Size(max = 320) String> emails,
        @Size(max = 50) @Schema(description = "Your phone numbers", example = "[\"+44 20 7946 0000\"]")
                List<@NotBlank @Size(max = 50) String> phones,
        @Size(max = 500) @Schema(
                        description = "Your LinkedIn profile URL",
                        nullable = true,
                        example = "https://www.linkedin.com/in/sam-example")
                String linkedin,
        @Size(max = 64) @Schema(
                        description = "IANA time zone in which floating times are read (default UTC)",
                        example = "Europe/London")
                String timeZone) {

    static final String DEFAULT_ZONE = "UTC";

    /** The profile of an owner who never set one. */
    static Profile empty() {
        return new Profile(List.of(), List.of(), List.of(), null, DEFAULT_ZONE);
    }
}
