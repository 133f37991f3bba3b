package dev.threshold.webapp;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app in a real Chromium (Debian's /usr/bin/chromium, never a downloaded browser) against the running
 * service on real PostgreSQL: sign-in, each screen's data, text-is-text, logging interactions, a 412 on edit,
 * axe-core on every screen at 375 px and 1440 px, and no Content-Security-Policy violation. Screenshots go to
 * target/screenshots/ (docs/ui.md shows them).
 */
@QuarkusTest
class WebAppBrowserTest extends ApiTest {

    static final String XSS = "<img src=x onerror=alert(1)>";
    static final Path SHOTS = Paths.get("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;
    final List<String> cspViolations = new ArrayList<>();
    final List<String> dialogs = new ArrayList<>();
    String dana;
    String fox;

    @BeforeAll
    static void launch() throws IOException {
        // a loaded 2-core CI machine can take longer than Playwright's 5 s to answer a screen's API calls
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Files.createDirectories(SHOTS);
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

    @BeforeEach
    void open() {
        Instant now = Instant.now();
        dana = createContact("Dana Scully");
        record(dana, "MEETING", "MUTUAL", now.minus(100, ChronoUnit.DAYS), null);
        record(dana, "CALL", "MUTUAL", now.minus(100, ChronoUnit.DAYS), null);
        fox = createContact("Fox Mulder");
        record(fox, "MEETING", "MUTUAL", now.minus(1, ChronoUnit.HOURS), null);
        String walter = createContact("Walter Skinner");
        for (int i = 0; i < 3; i++) {
            record(walter, "MEETING", "MUTUAL", now.minus(i + 1, ChronoUnit.DAYS), null);
        }
        createContact(XSS);

        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspViolations.add(m.text());
            }
        });
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertEquals(List.of(), cspViolations, "no Content-Security-Policy violation");
        assertEquals(List.of(), dialogs, "no script ran from data");
    }

    void signIn(String token) {
        page.navigate(base.toString());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Threshold")))
                .isVisible();
        page.getByLabel("Access token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    void signIn() {
        signIn(TestTokens.forOwner(owner));
        assertThat(h1()).hasText("Network");
    }

    /** The chart library drew on this canvas (some pixel is not transparent). */
    static void assertDrawn(Locator canvas) {
        assertThat(canvas).isVisible();
        assertTrue(
                (Boolean)
                        canvas.evaluate(
                                "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                        + " for (let i = 3; i < d.length; i += 4) if (d[i]) return c.width > 0; return false; }"),
                "the chart is drawn");
    }

    Locator h1() {
        return page.locator("h1");
    }

    Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator link(String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** axe-core on the current screen at 375 and 1440 px (no serious or critical violation); screenshots of both. */
    void check(String screen) {
        check(page, screen);
    }

    static void check(Page page, String screen) {
        for (int width : new int[] {375, 1440}) {
            page.setViewportSize(width, 900);
            injectAxe(page);
            @SuppressWarnings("unchecked")
            List<String> violations =
                    (List<String>) page.evaluate("async () => { const r = await axe.run(document); return r.violations"
                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                            + " + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
            assertEquals(List.of(), violations, screen + " at " + width + " px: axe-core serious/critical violations");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SHOTS.resolve(screen + "-" + width + ".png"))
                    .setFullPage(true));
        }
        page.setViewportSize(1440, 900);
    }

    static void injectAxe(Page page) {
        if (Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            return;
        }
        // evaluated through the DevTools protocol: the page's CSP (no inline script) stays as it is
        page.evaluate(AXE + "\n;true");
    }

    static final String AXE = readAxe();

    static String readAxe() {
        try (InputStream in = WebAppBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe.min.js (com.deque.html.axe-core:playwright) not on the class path", e);
        }
    }

    @Test
    void signInByTokenAndA401ReturnsToSignIn() {
        page.navigate(base.toString());
        check("sign-in");
        signIn(TestTokens.expired(owner));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("sign in again");
        assertThat(h1()).hasText("Sign in to Threshold");
        page.getByLabel("Access token").fill(TestTokens.forOwner(owner));
        button("Sign in").click();
        assertThat(h1()).hasText("Network");
        assertTrue(
                (Boolean) page.evaluate("() => localStorage.length === 0"), "the token is never put in localStorage");
        assertFalse(page.url().contains("ey"), "the token is never put in the URL");
    }

    @Test
    void networkShowsThePyramidActionsAndNextMoves() {
        signIn();
        Locator pyramid = page.getByRole(AriaRole.FIGURE, new Page.GetByRoleOptions().setName("Tier pyramid"));
        assertThat(pyramid).isVisible();
        assertThat(pyramid.locator("ul.tiers")).containsText("Friend: 1");
        assertThat(pyramid.locator("ul.tiers")).containsText("Acquaintance: 2");
        assertThat(pyramid.locator("ul.tiers")).containsText("Stranger: 1");
        assertDrawn(pyramid.getByRole(AriaRole.IMG));
        assertThat(page.locator("section", new Page.LocatorOptions().setHas(page.locator("#actions-h"))))
                .containsText("clear");
        check("network");

        Locator move = page.locator("ul.moves li", new Page.LocatorOptions().setHasText("Dana Scully"));
        assertThat(move).isVisible();
        move.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Log ")))
                .click();
        assertThat(move.getByRole(AriaRole.STATUS)).containsText("New strength");
        int logged = RestAssured.given()
                .auth()
                .oauth2(TestTokens.forOwner(owner))
                .get("/api/v1/contacts/" + dana + "/interactions")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
        assertEquals(3, logged);
    }

    @Test
    void contactsSearchAndTextIsText() {
        signIn();
        link("Contacts").click();
        assertThat(h1()).hasText("Contacts");
        assertThat(link("Dana Scully")).isVisible();
        check("contacts");
        page.getByLabel("Search contacts").fill("scul");
        assertThat(link("Fox Mulder")).hasCount(0);
        assertThat(link("Dana Scully")).isVisible();

        page.getByLabel("Search contacts").fill("onerror");
        assertThat(link(XSS)).isVisible();
        assertThat(page.locator("main img")).hasCount(0);
        link(XSS).click();
        assertThat(h1()).hasText(XSS);
        assertThat(page.locator("main img")).hasCount(0);
    }

    @Test
    void contactScreenLogsAnInteractionAndReportsA412() {
        signIn();
        page.navigate(base + "#/contacts/" + fox);
        assertThat(h1()).hasText("Fox Mulder");
        assertThat(page.locator("dl.facts")).containsText("Acquaintance");
        assertThat(page.getByRole(
                        AriaRole.TABLE,
                        new Page.GetByRoleOptions().setName("Strength history").setIncludeHidden(true)))
                .isAttached();
        assertDrawn(page.getByRole(
                AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("^Strength history chart"))));
        check("contact");

        page.getByLabel("Type").selectOption("CALL");
        page.getByLabel("Direction").selectOption("MUTUAL");
        page.getByLabel("Channel").selectOption("PHONE");
        page.getByLabel("Note").fill("Caught up on the X-Files");
        button("Log interaction").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Interaction logged. Strength is now");
        assertThat(page.locator("ol.timeline")).containsText("Caught up on the X-Files");

        // edit that interaction from the timeline: a call becomes a meeting
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Edit call ")))
                .click();
        Locator editor = page.locator("ol.timeline form");
        editor.getByLabel("Type").selectOption("MEETING");
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save interaction"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Interaction saved. Strength is now");
        assertThat(page.locator("ol.timeline")).not().containsText("Call");

        button("Edit").click();
        page.getByLabel("Company").fill("Lone Gunmen");
        api().contentType("application/merge-patch+json")
                .body(Map.of("company", "FBI"))
                .patch("/api/v1/contacts/" + fox)
                .then()
                .statusCode(200);
        button("Save changes").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("changed elsewhere");
        button("Reload contact").click();
        assertThat(page.getByLabel("Company")).hasValue("FBI");
    }

    @Test
    void actionsSettingsAndImportScreens() throws IOException {
        signIn();
        link("Actions").click();
        assertThat(h1()).hasText("Actions");
        check("actions");

        link("Settings").click();
        assertThat(h1()).hasText("Settings");
        check("settings");
        page.getByLabel("Half-life (days)").fill("0");
        button("Save settings").click();
        assertThat(page.locator("#err-halfLifeDays")).isVisible();

        link("Import").click();
        assertThat(h1()).hasText("Import");
        Path csv = Files.createTempFile("linkedin", ".csv");
        try (InputStream in = getClass().getResourceAsStream("/imports/linkedin-connections.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        page.getByLabel("File").setInputFiles(csv);
        page.getByLabel("Kind").selectOption("linkedin");
        button("Preview").click();
        assertThat(page.locator("dl.facts")).containsText("Created");
        check("import");

        // LinkedIn's messages.csv beside Connections.csv: one multipart upload, messages counted in the report
        Path messages = Files.createTempFile("messages", ".csv");
        try (InputStream in = getClass().getResourceAsStream("/imports/linkedin-messages.csv")) {
            Files.write(messages, in.readAllBytes());
        }
        page.getByLabel("Messages (messages.csv, optional)").setInputFiles(messages);
        button("Import").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Import finished");
        assertThat(page.locator("dl.facts")).containsText("Messages");
    }

    /**
     * A long import answers 202 with the job's Location (SPEC, "Large files run as jobs"): the screen polls the job
     * and shows its progress, then its report. The job endpoint is another branch's work, so its answers are
     * played here by the browser (page.route) exactly as SPEC.md words them.
     */
    @Test
    void longImportShowsProgressThenTheReport() throws IOException {
        signIn();
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        page.route(
                Pattern.compile(".*/api/v1/imports/linkedin\\?.*"),
                r -> r.fulfill(new Route.FulfillOptions()
                        .setStatus(202)
                        .setHeaders(Map.of("Location", "/api/v1/imports/job-1", "Content-Type", "application/json"))
                        .setBody("{\"id\":\"job-1\",\"kind\":\"linkedin\",\"status\":\"QUEUED\",\"bytesRead\":0,"
                                + "\"bytesTotal\":2000,\"report\":null,\"error\":null}")));
        page.route(Pattern.compile(".*/api/v1/imports/job-1$"), r -> {
            int n = polls.incrementAndGet();
            String body = n < 4
                    ? "{\"id\":\"job-1\",\"kind\":\"linkedin\",\"status\":\"RUNNING\",\"bytesRead\":500,"
                            + "\"bytesTotal\":2000,\"report\":null,\"error\":null}"
                    : "{\"id\":\"job-1\",\"kind\":\"linkedin\",\"status\":\"SUCCEEDED\",\"bytesRead\":2000,"
                            + "\"bytesTotal\":2000,\"report\":{\"dryRun\":false,\"created\":7,\"updated\":1,"
                            + "\"unchanged\":0,\"skipped\":1,\"errors\":[{\"line\":4,\"message\":\"no name\"}]},"
                            + "\"error\":null}";
            r.fulfill(new Route.FulfillOptions()
                    .setStatus(200)
                    .setContentType("application/json")
                    .setBody(body));
        });
        link("Import").click();
        Path csv = Files.createTempFile("linkedin", ".csv");
        try (InputStream in = getClass().getResourceAsStream("/imports/linkedin-connections.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        page.getByLabel("File").setInputFiles(csv);
        button("Import").click();
        Locator progress = page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Import progress"));
        assertThat(progress).isVisible();
        assertThat(progress).hasAttribute("value", "500");
        assertThat(page.locator("main")).containsText("0.5 kB of 2.0 kB read (25 %)");
        check("import-progress");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Import finished");
        assertThat(page.locator("dl.facts")).containsText("7");
        assertThat(page.locator("main")).containsText("Line 4: no name");
        assertThat(progress).hasAttribute("value", "2000");
    }
}
