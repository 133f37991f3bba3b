package dev.threshold.platform.dev;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point. In dev mode with no datasource URL it starts an embedded PostgreSQL and a dev-only
 * JWT key pair ({@link DevEnvironment}); in production it refuses to start without a configured
 * database and token verification key, naming the variables to set.
 */
@QuarkusMain
public final class ThresholdMain {

    private ThresholdMain() {}

    public static void main(String... args) {
        if (isDevMode()) {
            DevEnvironment.prepare();
        } else if (!profiles().contains("test")) {
            List<String> missing = missingProductionSettings();
            if (!missing.isEmpty()) {
                System.err.println("Threshold cannot start: required configuration is missing: "
                        + String.join(", ", missing)
                        + ". Set QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD"
                        + " for the PostgreSQL database and MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_ISSUER"
                        + " for token verification.");
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    /**
     * Dev mode ({@code quarkus:dev}). When the launcher runs, Quarkus has not yet set the launch mode or the
     * dev profile, so this also recognises the dev-mode bootstrap on the call stack: its classes exist only
     * in the Maven plugin's dev process, never in a packaged application.
     */
    static boolean isDevMode() {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT || profiles().contains(LaunchMode.DEV_PROFILE)) {
            return true;
        }
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().startsWith("io.quarkus.deployment.dev.")
                    || frame.getClassName().startsWith("io.quarkus.runner.bootstrap.")) {
                return true;
            }
        }
        return String.valueOf(ThresholdMain.class.getClassLoader()).contains("ClassLoader: DEV");
    }

    private static List<String> profiles() {
        try {
            return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static List<String> missingProductionSettings() {
        var missing = new ArrayList<String>();
        if (setting("quarkus.datasource.jdbc.url").isEmpty()) {
            missing.add("QUARKUS_DATASOURCE_JDBC_URL");
        }
        if (setting("mp.jwt.verify.publickey.location").isEmpty()
                && setting("mp.jwt.verify.publickey").isEmpty()) {
            missing.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        if (setting("mp.jwt.verify.issuer").isEmpty()) {
            missing.add("MP_JWT_VERIFY_ISSUER");
        }
        return missing;
    }

    static Optional<String> setting(String name) {
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue(name, String.class)
                    .filter(v -> !v.isBlank());
        } catch (RuntimeException e) {
            String env = name.toUpperCase().replace('.', '_').replace('-', '_');
            return Optional.ofNullable(System.getProperty(name, System.getenv(env)))
                    .filter(v -> !v.isBlank());
        }
    }
}
