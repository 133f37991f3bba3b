package dev.threshold.webapp;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.threshold.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenID Connect sign-in against a real Keycloak that the test starts ({@link KeycloakResource}), not a mock: the
 * sign-in screen's button runs the Authorization Code flow with PKCE (S256, which the realm's client requires), the
 * Keycloak login form is filled in, the app comes back signed in with code and state gone from the address bar,
 * its API calls carry Keycloak's access token (which the service verifies with the realm's keys), the token is
 * renewed before it expires (the realm issues 75-second access tokens; the app renews 60 s ahead with the refresh
 * token), and "Sign out" ends the Keycloak session and returns to sign-in. Also: the config route, the policy's
 * connect-src naming Keycloak's origin, axe-core on the sign-in screen, nothing in localStorage.
 */
@QuarkusTest
@EnabledIf("dev.threshold.webapp.KeycloakResource#runnable")
@TestProfile(OidcProfile.class)
@QuarkusTestResource(PostgresResource.class)
class WebAppOidcTest {

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() throws IOException {
        // a loaded 2-core CI machine can take longer than Playwright's 5 s to answer a screen's API calls
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Files.createDirectories(WebAppBrowserTest.SHOTS);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void signsInWithKeycloakRenewsAndSignsOut() {
        String issuer = RestAssured.given()
                .get("/ui/config")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .path("oidc.authority");
        assertTrue(issuer.endsWith("/realms/" + KeycloakResource.REALM), issuer);
        String keycloakOrigin = issuer.substring(0, issuer.indexOf("/realms/"));
        RestAssured.given()
                .get("/")
                .then()
                .header("Content-Security-Policy", containsString("connect-src 'self' " + keycloakOrigin + ";"));

        List<String> cspViolations = new CopyOnWriteArrayList<>();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<String> urls = new CopyOnWriteArrayList<>();
        String app = base.toString().replaceAll("/$", "");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = context.newPage();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy") && page.url().startsWith(app)) {
                    cspViolations.add(m.text());
                }
            });
            page.onRequest(r -> {
                urls.add(r.url());
                if (r.url().startsWith(app + "/api/")) {
                    authorizations.add(String.valueOf(r.headers().get("authorization")));
                }
            });

            // the sign-in screen offers the provider, not the token box
            page.navigate(base.toString());
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Threshold")))
                    .isVisible();
            assertEquals(0, page.getByLabel("Access token").count(), "no token box when OpenID Connect is set");
            WebAppBrowserTest.check(page, "sign-in-oidc");

            // Authorization Code + PKCE at Keycloak
            signInAtKeycloak(page);
            assertThat(page.locator("h1")).hasText("Network");
            assertFalse(page.url().contains("code="), "the code is cleaned from the address bar: " + page.url());
            assertFalse(page.url().contains("state="), "the state is cleaned from the address bar: " + page.url());
            String authorize = urls.stream()
                    .filter(u -> u.contains("/protocol/openid-connect/auth?"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(authorize.contains("code_challenge_method=S256"), authorize);
            assertTrue(authorize.contains("response_type=code"), authorize);

            String token = token(page);
            assertEquals(issuer, claim(token, "iss"));
            assertTrue((Boolean) page.evaluate("() => localStorage.length === 0"), "nothing in localStorage");
            assertTrue(authorizations.contains("Bearer " + token), "the API calls carry Keycloak's token");

            // the user's own data, through the API with the same token
            for (String name : List.of("Walter Skinner", "Monica Reyes")) {
                RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of("displayName", name))
                        .post("/api/v1/contacts")
                        .then()
                        .statusCode(201);
            }
            page.reload();
            assertThat(page.locator("h1")).hasText("Network");
            assertThat(page.locator("main")).containsText("2 contacts");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts"))
                    .click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Monica Reyes")))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(WebAppBrowserTest.SHOTS.resolve("oidc-contacts-1440.png"))
                    .setFullPage(true));

            // renewal: a new access token before the first expires (waits on the page, not a clock)
            page.waitForFunction(
                    "old => { const t = sessionStorage.getItem('threshold.token'); return t && t !== old; }",
                    token,
                    new Page.WaitForFunctionOptions().setTimeout(70_000));
            String renewed = token(page);
            assertNotEquals(token, renewed);
            assertEquals(claim(token, "sub"), claim(renewed, "sub"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Network"))
                    .click();
            assertThat(page.locator("main")).containsText("2 contacts");
            assertTrue(authorizations.contains("Bearer " + renewed), "the API calls carry the renewed token");

            // sign out ends the Keycloak session too: signing in again asks for the password
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Threshold")))
                    .isVisible();
            assertTrue(page.url().startsWith(app), page.url());
            assertFalse(page.url().contains("state="), page.url());
            assertEquals(null, page.evaluate("() => sessionStorage.getItem('threshold.token')"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Sign in")))
                    .click();
            assertThat(page.locator("#password")).isVisible();
        }
        assertEquals(List.of(), cspViolations, "no Content-Security-Policy violation in the app");
        assertTrue(urls.stream().noneMatch(u -> u.startsWith(app) && u.contains("access_token")), "no token in a URL");
    }

    static void signInAtKeycloak(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Sign in")))
                .click();
        page.locator("#username").fill(KeycloakResource.USER);
        page.locator("#password").fill(KeycloakResource.PASSWORD);
        page.locator("#kc-login").click();
    }

    static String token(Page page) {
        Object t = page.evaluate("() => sessionStorage.getItem('threshold.token')");
        assertTrue(t instanceof String s && !s.isEmpty(), "signed in: an access token in sessionStorage");
        return (String) t;
    }

    /** A claim of a JWT's payload (read, not verified: the service verifies). */
    static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return new JsonObject(payload).getString(name);
    }
}
