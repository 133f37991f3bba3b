package dev.threshold.platform.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The owner of the current request: the verified token's {@code sub}, an opaque string of up to 255 characters. */
@RequestScoped
public class CurrentOwner {

    static final int MAX_LENGTH = 255;
    private final JsonWebToken token;

    public CurrentOwner(JsonWebToken token) {
        this.token = token;
    }

    public String id() {
        String sub = token == null ? null : token.getSubject();
        if (sub == null || sub.isBlank() || sub.length() > MAX_LENGTH) {
            throw new NotAuthorizedException("Bearer");
        }
        return sub;
    }
}
