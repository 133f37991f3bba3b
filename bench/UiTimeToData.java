import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Time from navigation to the Network screen's data, in Debian's /usr/bin/chromium (bench/ui.sh runs it with
 * the test class path: java -cp CP bench/UiTimeToData.java URL TOKEN RUNS). Not part of the build or of CI.
 *
 * <p>"Data shown" is the moment both are in the DOM: the tier counts inside the figure labelled "Tier pyramid"
 * ({@code figure.pyramid ul.tiers strong}) and the "Next moves" section's list items or its empty-state
 * paragraph. An init script watches the DOM with a MutationObserver and records {@code performance.now()} at
 * that moment, i.e. milliseconds since the navigation started (the page's time origin), so Playwright's own
 * polling does not add to the figure.
 *
 * <p>Cold: a fresh browser context (empty HTTP cache) per run, the token put into sessionStorage by an init
 * script, as the sign-in screen would. Warm: one context, signed in once through the sign-in screen, then the
 * page navigated to / again for each run (HTTP cache warm, fresh JavaScript).
 */
public class UiTimeToData {

    static final String WATCH = """
            (() => {
              const key = 'threshold.token', tok = %s;
              if (tok && !sessionStorage.getItem(key)) sessionStorage.setItem(key, tok);
              const done = () => document.querySelector('figure.pyramid ul.tiers strong')
                && document.querySelector('section[aria-labelledby="moves-h"] ul.moves > li, section[aria-labelledby="moves-h"] > p');
              const obs = new MutationObserver(() => {
                if (window.__dataAt === undefined && done()) { window.__dataAt = performance.now(); obs.disconnect(); }
              });
              obs.observe(document, { childList: true, subtree: true });
            })();
            """;

    public static void main(String[] args) {
        String url = args[0];
        String token = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (Playwright pw = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = pw.chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
            // one untimed page load first: the service's first request on this code path (JIT, caches)
            List<Double> cold = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                try (BrowserContext ctx = browser.newContext()) {
                    ctx.addInitScript(WATCH.formatted(jsString(token)));
                    Page page = ctx.newPage();
                    double t = timeToData(page, url);
                    if (i > 0) cold.add(t);
                }
            }
            report("cold (fresh context, empty cache)", cold);

            List<Double> warm = new ArrayList<>();
            try (BrowserContext ctx = browser.newContext()) {
                ctx.addInitScript(WATCH.formatted("null"));
                Page page = ctx.newPage();
                page.navigate(url);
                page.getByLabel("Access token").fill(token);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                        .click();
                page.waitForFunction("() => window.__dataAt !== undefined");
                for (int i = 0; i < runs; i++) warm.add(timeToData(page, url));
            }
            report("warm (same context, cached assets, signed in)", warm);
            browser.close();
        }
    }

    static double timeToData(Page page, String url) {
        page.navigate(url);
        page.waitForFunction("() => window.__dataAt !== undefined", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        return ((Number) page.evaluate("() => window.__dataAt")).doubleValue();
    }

    static void report(String label, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        System.out.printf("time to data, %-46s n=%d  min %4.0f ms  median %4.0f ms  max %4.0f ms%n",
                label, s.size(), s.get(0), median, s.get(s.size() - 1));
    }

    static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
