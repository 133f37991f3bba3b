package dev.threshold.platform.dev;

import io.quarkus.runtime.LaunchMode;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Dev mode only: {@code GET /dev/ui-token} answers the printed dev token, so that the web app at {@code /} signs
 * in by itself as the dev owner. The route is registered only when the launch mode is DEVELOPMENT: the packaged
 * application has no such path (WebAppServingIT proves it on the packaged jar), and tests sign in with a token of their own.
 */
@ApplicationScoped
public class DevSignIn {

    static final String PATH = "/dev/ui-token";

    void install(@Observes Router router) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            return;
        }
        router.get(PATH).handler(ctx -> {
            String token;
            try {
                token = Files.exists(DevEnvironment.tokenFile())
                        ? Files.readString(DevEnvironment.tokenFile()).trim()
                        : "";
            } catch (IOException e) {
                token = "";
            }
            if (token.isEmpty()) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response()
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(token);
        });
    }
}
