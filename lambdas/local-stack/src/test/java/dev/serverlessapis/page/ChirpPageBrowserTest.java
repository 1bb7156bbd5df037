package dev.serverlessapis.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.serverlessapis.endtoend.Http;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import dev.serverlessapis.local.identity.IssuerHttp;
import dev.serverlessapis.local.identity.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real, headless Chromium against the local stack: what a person does, and what they see, one behaviour
 * per test. One Chromium serves the class; each test opens the page afresh under a handle of its own. Needs the
 * Debian packages {@code chromium} and {@code chromium-driver} (or {@code -Dchromium=} and {@code -Dchromedriver=}),
 * which {@code make test} installs where it may; without them each test is skipped, saying why, and with
 * {@code -Dbrowser.required=true} (CI) the class fails instead.
 */
@Tag("browser")
@ExtendWith(WithTestStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChirpPageBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOT = Path.of("target", "page.png");
    private static final Pattern VISITS = Pattern.compile("Visits: ([\\d,.\\s\u00a0\u202f]+)");

    private final TestStack stack;
    private ChromeDriver browser;
    private Path profile;
    private String handle;
    private String notRunBecause;
    private Http api;

    ChirpPageBrowserTest(TestStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            notRunBecause = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium "
                    + "chromium-driver, or make test, which installs them where it may";
            if (Boolean.getBoolean("browser.required")) {
                throw new IllegalStateException(notRunBecause);
            }
            return;
        }
        if (TestStack.againstDeployedStage()) {
            notRunBecause = "API_ENDPOINT is a deployed API stage; the page is tested on the local stack";
            return;
        }
        profile = Files.createTempDirectory("chirps-chromium-");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=900,1100", "--lang=en-US", "--user-data-dir=" + profile);
        // The console is where Chromium reports what the Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // An explicit driver means Selenium Manager is never asked to find or download one.
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        api = new Http(stack.apiEndpoint());
    }

    @BeforeEach
    void openThePageAsSomeoneNew() {
        // Assumed per test, not for the class, so that each test is reported skipped instead of the class running none.
        assumeTrue(notRunBecause == null, notRunBecause);
        assertThat(refusedByTheContentSecurityPolicy()).as("refused by the CSP after the previous test was checked").isEmpty();
        handle = "browser_" + UUID.randomUUID().toString().substring(0, 6);
        browser.get(stack.apiEndpoint() + "/");
        browser.executeScript("localStorage.clear(); sessionStorage.clear()");
        browser.navigate().refresh();
    }

    /** The local stack sends the page's CSP as CloudFront does on AWS: nothing the page does may break it. */
    @AfterEach
    void thePageDidNothingItsContentSecurityPolicyRefuses() {
        if (notRunBecause == null) {
            // Leaving the page first: what its last moments reported reaches the console before it is read.
            browser.get("about:blank");
            assertThat(refusedByTheContentSecurityPolicy()).isEmpty();
        }
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void signedInThroughTheLocalLoginPageAPostedChirpAppearsUnderTheTokensHandleAndTheComposerEmpties() {
        signIn();
        var text = "Hello from Chromium, " + handle + ", \u00e7a chante \u2713";
        var posted = post(text);

        assertThat(posted.findElement(By.className("handle")).getText()).isEqualTo("@" + handle);
        assertThat(browser.findElement(By.id("text")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("compose-error")).isDisplayed()).isFalse();
    }

    /** The API refuses a raw U+FFFD (all that is left of bytes that were not UTF-8): the page sends it escaped. */
    @Test
    void aChirpHoldingTheReplacementCharacterIsPostedEscapedAndShownAsTyped() {
        signIn();
        var posted = post("Kept as typed: \uFFFD, " + handle);

        assertThat(posted.findElement(By.className("handle")).getText()).isEqualTo("@" + handle);
        assertThat(browser.findElement(By.id("compose-error")).isDisplayed()).isFalse();
    }

    @Test
    void followingAHandleShowsOnlyTheirChirpsTwentyAtATimeUntilNoneRemain() {
        for (int i = 1; i <= 24; i++) {
            postElsewhere(handle, "older " + i);
        }
        signIn();
        var newest = post("newest of " + handle);

        newest.findElement(By.className("handle")).click();
        waitFor(ExpectedConditions.textToBe(By.id("feed-heading"), "Chirps by @" + handle));
        assertThat(browser.getCurrentUrl()).endsWith("?user=" + handle);
        waitFor(driver -> chirpsShown() == 20);
        browser.findElement(By.id("more")).click();
        waitFor(driver -> chirpsShown() == 25);
        assertThat(browser.findElements(By.cssSelector("#feed .handle"))).allSatisfy(link -> {
            assertThat(link.getText()).isEqualTo("@" + handle);
            // A link's spoken name begins with the words it shows, so that a person who says what they see can follow it.
            assertThat(link.getAccessibleName()).startsWith("@" + handle);
        });
        assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
        // "Load more" hid itself while focused: the keyboard goes on from the first chirp it loaded, not the page's top.
        assertThat(browser.switchTo().activeElement()).isEqualTo(browser.findElement(By.cssSelector("#feed > li:nth-child(21) .handle")));
        assertThat(browser.findElement(By.id("feed-status")).getAttribute("textContent")).isEqualTo("5 more chirps loaded; that is all of them.");
    }

    /**
     * A page may be followed by an empty one (a user with exactly 20 chirps: DynamoDB names a last key whenever a page
     * is full). Once "Load more" has found nothing more and hidden itself, a refresh of the first page does not bring
     * it back with the link that leads to nothing.
     */
    @Test
    void onceLoadMoreFoundNothingMoreARefreshDoesNotOfferItAgain() {
        for (int i = 1; i <= 20; i++) {
            postElsewhere(handle, "one of twenty " + i);
        }
        whileEveryDocumentRuns(TIMERS_HANDED_TO_THE_TEST, () -> {
            browser.get(stack.apiEndpoint() + "/?user=" + handle);
            waitFor(driver -> chirpsShown() == 20);
            var more = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("more")));
            more.click();
            waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("more")));

            tick(2);

            assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
            assertThat(chirpsShown()).isEqualTo(20);
        });
    }

    /** The skip link moves to the feed; it is no navigation, so the feed is not loaded again and pages loaded stay. */
    @Test
    void theSkipLinkMovesToTheFeedWithoutLoadingItAgain() {
        for (int i = 1; i <= 21; i++) {
            postElsewhere(handle, "skipped to " + i);
        }
        whileEveryDocumentRuns("""
                window.__feedCalls = 0;
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && !(init.method), (fetched, input, init) => {
                  window.__feedCalls++;
                  return fetched(input, init);
                });""", () -> {
            browser.get(stack.apiEndpoint() + "/?user=" + handle);
            waitFor(driver -> chirpsShown() == 20);
            browser.findElement(By.id("more")).click();
            waitFor(driver -> chirpsShown() == 21);
            var calls = (Long) browser.executeScript("return window.__feedCalls");

            browser.executeScript("document.querySelector('a.skip').focus()");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            waitFor(driver -> browser.getCurrentUrl().endsWith("#feed-heading"));
            browser.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 300)");

            assertThat(chirpsShown()).as("the pages loaded are still shown").isEqualTo(21);
            assertThat((Long) browser.executeScript("return window.__feedCalls")).as("no new load").isEqualTo(calls);
        });
    }

    /**
     * More chirps than a page holds may arrive between two refreshes: the refresh reads on until it meets what is
     * shown, so none of them is left out (Load more goes on from below what is shown, and would never show them).
     */
    @Test
    void moreNewChirpsThanAPageBetweenTwoRefreshesAreAllShown() {
        for (int i = 1; i <= 3; i++) {
            postElsewhere(handle, "before " + i);
        }
        whileEveryDocumentRuns(TIMERS_HANDED_TO_THE_TEST, () -> {
            browser.get(stack.apiEndpoint() + "/?user=" + handle);
            waitFor(driver -> chirpsShown() == 3);
            for (int i = 1; i <= 25; i++) {
                postElsewhere(handle, "after " + i);
            }

            tick(1);

            var texts = browser.findElements(By.cssSelector("#feed > li .text")).stream().map(WebElement::getText).toList();
            var expected = new ArrayList<String>();
            for (int i = 25; i >= 1; i--) {
                expected.add("after " + i);
            }
            for (int i = 3; i >= 1; i--) {
                expected.add("before " + i);
            }
            assertThat(texts).as("every chirp, newest first").isEqualTo(expected);
            assertThat(browser.findElement(By.id("more")).isDisplayed()).as("nothing below what was shown").isFalse();
        });
    }

    /**
     * A first load that fails says why beside a button that tries again at once, instead of leaving the person to wait
     * for the next poll (which backs off to minutes); once it succeeds the button goes and the feed is shown.
     */
    @Test
    void aFeedThatFailedToLoadCanBeTriedAgainAtOnce() {
        postElsewhere(handle, "there all along");
        whileEveryDocumentRuns(TIMERS_HANDED_TO_THE_TEST + """
                window.__feedDown = true;
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && init.method !== 'POST', async (fetched, input, init) =>
                  window.__feedDown
                    ? new Response('{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"busy"}',
                        { status: 503, headers: { 'Content-Type': 'application/problem+json' } })
                    : fetched(input, init));""", () -> {
            browser.get(stack.apiEndpoint() + "/?user=" + handle);
            var retry = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("retry")));
            assertThat(browser.findElement(By.id("feed-error")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("loading")).isDisplayed()).as("no longer loading").isFalse();

            browser.executeScript("window.__feedDown = false");
            retry.click();

            waitFor(driver -> chirpsShown() == 1);
            assertThat(browser.findElement(By.id("retry")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("feed-error")).isDisplayed()).isFalse();
        });
    }

    /**
     * One's own post shown on a feed that never loaded is not the feed: trying again reads the feed's first page as a
     * first load does, one call, instead of reading on for chirps it has listed (there are none) and loading again.
     */
    @Test
    void tryingAgainAfterOnesOwnPostOnAFeedThatNeverLoadedReadsOnePage() {
        for (int i = 1; i <= 45; i++) {
            postElsewhere(handle, "listed " + i);
        }
        whileEveryDocumentRuns(TIMERS_HANDED_TO_THE_TEST + """
                window.__feedDown = true;
                window.__feedCalls = 0;
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && init.method !== 'POST', async (fetched, input, init) => {
                  window.__feedCalls++;
                  return window.__feedDown
                    ? new Response('{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"busy"}',
                        { status: 503, headers: { 'Content-Type': 'application/problem+json' } })
                    : fetched(input, init);
                });""", () -> {
            browser.get(stack.apiEndpoint() + "/?user=" + handle);
            signIn();
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("feed-error")));
            post("my own");
            browser.executeScript("window.__feedDown = false; window.__feedCalls = 0;");

            browser.findElement(By.id("retry")).click();

            waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("retry")));
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("more")));
            assertThat(browser.executeScript("return window.__feedCalls")).as("one page, as a first load reads").isEqualTo(1L);
            assertThat(chirpsShown()).as("the first page: one's own and 19 others").isEqualTo(20);
        });
    }

    /** The count is of what will be posted: the spaces around a chirp are trimmed, so they are not counted against it. */
    @Test
    void theSpacesAroundAChirpAreNotCountedAgainstIt() {
        type(By.id("text"), "   hi   ");
        waitFor(ExpectedConditions.textToBe(By.id("text-count"), "278 characters left"));
    }

    /** Load more that fails says so beside the button pressed, not above the feed where a phone's screen is not. */
    @Test
    void aFailedLoadMoreSaysSoBesideItsButton() {
        for (int i = 1; i <= 21; i++) {
            postElsewhere(handle, "chirp " + i);
        }
        whileEveryDocumentRuns("""
                fetchStandIn((url) => url.pathname.endsWith('/chirp') && url.searchParams.has('cursor'), () =>
                  Promise.resolve(new Response('{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"busy"}',
                    { status: 503, headers: { 'Content-Type': 'application/problem+json' } })));""", () -> {
            browser.get(stack.apiEndpoint() + "/?user=" + handle);
            var more = waitFor(ExpectedConditions.elementToBeClickable(By.id("more")));
            more.click();
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("more-error")));
            assertThat(browser.findElement(By.id("feed-error")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("more")).isEnabled()).as("it may be pressed again").isTrue();
        });
    }

    /** Someone's own empty feed says that they have not chirped, not that nobody has. */
    @Test
    void anEmptyFeedOfOneHandleSaysThatHandleHasNotChirped() {
        browser.get(stack.apiEndpoint() + "/?user=" + handle);
        waitFor(ExpectedConditions.textToBe(By.id("empty"), "@" + handle + " has not chirped yet."));
    }

    /**
     * A post refused with 429 and Retry-After waits that long: the page says when to try again and its button sends
     * nothing meanwhile, and the keyboard stays at the draft, where the disabled button would have dropped it to the
     * page's top. After the wait, the same draft posts.
     */
    @Test
    void aPostRefusedWithRetryAfterWaitsThatLongWithTheKeyboardAtTheDraft() {
        whileEveryDocumentRuns("""
                window.__posts = 0;
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && init.method === 'POST', async (fetched, input, init) => {
                  window.__posts++;
                  if (window.__posts > 1) return fetched(input, init);
                  return new Response('{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down"}',
                    { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' } });
                });""", () -> {
            signIn();
            type(By.id("text"), "refused for now");
            browser.findElement(By.id("post")).click();

            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("compose-error"), "Try again in 2 s."));
            assertThat(browser.findElement(By.id("post")).isEnabled()).as("waiting").isFalse();
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("text");
            assertThat(browser.findElement(By.id("text")).getAttribute("value")).isEqualTo("refused for now");
            waitFor(ExpectedConditions.elementToBeClickable(By.id("post")));
            assertThat(browser.executeScript("return window.__posts")).as("nothing sent while it waited").isEqualTo(1L);

            browser.findElement(By.id("post")).click();
            waitFor(driver -> browser.findElements(By.cssSelector("#feed > li .text")).stream()
                    .anyMatch(shown -> shown.getText().equals("refused for now")));
        });
    }

    /** What is typed while a chirp is on its way is not lost when the field is cleared for the next one: it cannot be typed. */
    @Test
    void theDraftCannotChangeWhileItsPostIsOnItsWay() {
        whileEveryDocumentRuns("""
                window.__release = null;
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && init.method === 'POST', async (fetched, input, init) => {
                  await new Promise((released) => { window.__release = released; });
                  return fetched(input, init);
                });""", () -> {
            signIn();
            type(By.id("text"), "on its way");
            browser.findElement(By.id("post")).click();
            waitFor(driver -> Boolean.TRUE.equals(browser.executeScript("return window.__release !== null")));

            var field = browser.findElement(By.id("text"));
            assertThat(field.getAttribute("readonly")).as("read-only while posting").isNotNull();
            browser.executeScript("window.__release()");
            waitFor(driver -> browser.findElements(By.cssSelector("#feed > li .text")).stream()
                    .anyMatch(shown -> shown.getText().equals("on its way")));
            assertThat(field.getAttribute("readonly")).as("editable again").isNull();
            assertThat(field.getAttribute("value")).isEmpty();
        });
    }

    /**
     * One's own chirp is shown at once, but the feed never listed it: a refresh reads on past a page that holds it, so
     * chirps of others that came before it and fill more than a page are all shown, not cut short at one's own.
     */
    @Test
    void chirpsThatCameBeforeOnesOwnPostAndFillMoreThanAPageAreAllShown() {
        postElsewhere(handle, "before");
        whileEveryDocumentRuns(TIMERS_HANDED_TO_THE_TEST, () -> {
            browser.get(stack.apiEndpoint() + "/?user=" + handle);
            waitFor(driver -> chirpsShown() == 1);
            signIn();
            for (int i = 1; i <= 25; i++) {
                postElsewhere(handle, "elsewhere " + i);
            }
            post("my own");

            tick(1);

            var texts = browser.findElements(By.cssSelector("#feed > li .text")).stream().map(WebElement::getText).toList();
            var expected = new ArrayList<String>(List.of("my own"));
            for (int i = 25; i >= 1; i--) {
                expected.add("elsewhere " + i);
            }
            expected.add("before");
            assertThat(texts).as("every chirp, newest first").isEqualTo(expected);
        });
    }

    /**
     * After a post that got no answer the page says the feed is checked: it is, at once, even while the feed's polling
     * waits out a Retry-After, or the person would read "checked" about a feed nobody looked at.
     */
    @Test
    void aPostWhoseAnswerWasLostIsCheckedInTheFeedEvenWhileItsPollingWaits() {
        whileEveryDocumentRuns(TIMERS_HANDED_TO_THE_TEST + """
                window.__feedDown = true;
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp'), async (fetched, input, init) => {
                  if (init && init.method === 'POST') {
                    await fetched(input, init);
                    throw new TypeError('Failed to fetch');
                  }
                  if (window.__feedDown) {
                    return new Response('{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"busy"}',
                      { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '60' } });
                  }
                  return fetched(input, init);
                });""", () -> {
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("feed-error")));
            signIn();
            browser.executeScript("window.__feedDown = false");
            var text = "checked while paused, " + handle;
            type(By.id("text"), text);
            browser.findElement(By.id("post")).click();

            assertThat(waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error"))).getText()).contains("may have been posted");
            waitFor(driver -> driver.findElements(By.cssSelector("#feed > li .text")).stream().anyMatch(shown -> shown.getText().equals(text)));
        });
    }

    /**
     * A feed slow to answer is not asked again at each tick while its answer is on the way: refreshes of one tab do not
     * pile up on a service that is already slow, and each failure counts once toward the polling's back-off.
     */
    @Test
    void aRefreshStillWaitingForItsAnswerIsNotSentAgainAtTheNextTick() {
        whileEveryDocumentRuns(TIMERS_HANDED_TO_THE_TEST + """
                window.__feedCalls = 0;
                window.__held = [];
                window.__hold = false;
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && !(init.method), (fetched, input, init) => {
                  window.__feedCalls++;
                  if (!window.__hold) return fetched(input, init);
                  return new Promise((settled) => window.__held.push(() => settled(fetched(input, init))));
                });""", () -> {
            waitFor(driver -> (Long) browser.executeScript("return window.__feedCalls") == 1);
            browser.executeScript("window.__hold = true; for (let i = 0; i < 3; i++) window.__timers.forEach((task) => task());");
            browser.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 200)");

            assertThat((Long) browser.executeScript("return window.__feedCalls")).as("the first load and one refresh").isEqualTo(2);
            browser.executeScript("window.__hold = false; window.__held.forEach((release) => release());");
            // Once the held refresh has its answer, a tick asks again: ticks until then send nothing.
            waitFor(driver -> {
                tick(1);
                return (Long) browser.executeScript("return window.__feedCalls") >= 3;
            });
            assertThat((Long) browser.executeScript("return window.__feedCalls")).as("one more call, not one per tick").isEqualTo(3);
        });
    }

    @Test
    void aReloadCountsAVisitAndKeepsTheSignIn() {
        var firstVisit = visits();
        signIn();
        post("remember me, " + handle);

        browser.navigate().refresh();

        assertThat(visits()).isGreaterThan(firstVisit);
        waitFor(ExpectedConditions.textToBe(By.id("signed-in-as"), "Signed in as @" + handle));
    }

    @Test
    void openedAsIndexHtmlTheSignInSendsTheRegisteredRedirectUriSucceedsAndLandsBackWhereThePersonWas() {
        var opened = stack.apiEndpoint() + "/index.html?user=" + handle;
        browser.get(opened);
        waitFor(ExpectedConditions.textToBe(By.id("feed-heading"), "Chirps by @" + handle));

        browser.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.urlContains(stack.issuer().authorizationEndpoint().toString()));
        var redirectUri = URI.create(IssuerHttp.queryParameter(URI.create(browser.getCurrentUrl()), "redirect_uri"));
        assertThat(redirectUri).as("the site's root, the page client's callback URL").isEqualTo(stack.apiEndpoint().resolve("/"))
                .isIn(stack.issuer().callbackUrls());
        signInAtTheLoginPage();

        assertThat(browser.getCurrentUrl()).isEqualTo(opened);
        assertThat(browser.findElement(By.id("feed-heading")).getText()).isEqualTo("Chirps by @" + handle);
        // Back from signing in to chirp, the keyboard is at the draft, not at the top of a page loaded afresh.
        assertThat(browser.switchTo().activeElement()).isEqualTo(browser.findElement(By.id("text")));
        var text = "signed in from index.html, " + handle;
        assertThat(post(text).findElement(By.className("handle")).getText()).isEqualTo("@" + handle);
    }

    @Test
    void afterSigningOutThePostFormRefusesAndAsksToSignIn() {
        signIn();
        post("before signing out, " + handle);

        browser.findElement(By.id("sign-out")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        // "Sign out" hid itself under the keyboard's focus: it goes to "Sign in", which took its place, not to the page's top.
        assertThat(browser.switchTo().activeElement()).isEqualTo(browser.findElement(By.id("sign-in")));
        type(By.id("text"), "after signing out");
        browser.findElement(By.id("post")).click();

        var refusal = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error")));
        assertThat(refusal.getText()).startsWith("Sign in to chirp");
        assertThat(browser.findElement(By.id("text")).getAttribute("value")).isEqualTo("after signing out");
        assertThat(Http.json(api.get("/chirp?userId=" + handle)).getAsJsonArray()).hasSize(1);
    }

    /** A token's lifetime is counted on the browser's own clock from when it arrived, not against the issuer's exp. */
    @Test
    void aBrowserWhoseClockRunsHoursFastStillPostsAfterSigningIn() {
        // Every document of this test (the page and the login page) sees a clock three hours ahead of the issuer's.
        whileEveryDocumentRuns("{ const now = Date.now.bind(Date); Date.now = () => now() + 3 * 3600 * 1000; }", () -> {
            signIn();
            var text = "posted with a clock three hours fast, " + handle;

            var posted = post(text);

            assertThat(posted.findElement(By.className("handle")).getText()).isEqualTo("@" + handle);
        });
    }

    /**
     * A refusal that asks to wait (503 or 429 with {@code Retry-After}) stops the feed's polling until then, and the page
     * polls again once the wait is over. Every document of this test sees a feed that answers 503 with
     * {@code Retry-After: 60}, a clock the test moves, and the page's refresh timer handed to the test to fire.
     */
    @Test
    void aRefusalWithRetryAfterPausesTheFeedsPollingUntilThen() {
        whileEveryDocumentRuns("""
                {
                  window.__ahead = 0;
                  const now = Date.now.bind(Date);
                  Date.now = () => now() + window.__ahead;
                  window.__feedCalls = 0;
                  fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && !init.method, () => {
                    window.__feedCalls++;
                    return Promise.resolve(new Response('{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"busy"}',
                      { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '60' } }));
                  });
                  window.__timers = [];
                  const every = window.setInterval.bind(window);
                  window.setInterval = (task, ms) => { window.__timers.push(task); return every(() => {}, 1 << 30); };
                }""", () -> {
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("feed-error")));
            assertThat(feedCallsAfterTicks(0)).as("the first load").isEqualTo(1);
            browser.executeScript("""
                    window.__alertChanges = 0;
                    new MutationObserver(() => window.__alertChanges++)
                      .observe(document.getElementById('feed-error'), { childList: true, characterData: true, subtree: true });""");

            assertThat(feedCallsAfterTicks(3)).as("three ticks within the 60 s asked for").isEqualTo(1);
            browser.executeScript("window.__ahead = 61 * 1000");
            assertThat(feedCallsAfterTicks(1)).as("a tick once the wait is over").isEqualTo(2);
            // role="alert": a region rewritten with the same words is announced again, each time the feed fails.
            assertThat((Long) browser.executeScript("return window.__alertChanges")).as("the same failure, not announced again").isZero();
        });
    }

    /**
     * A post whose answer is lost may have been stored: the page says so, keeps the draft and checks the feed, where
     * the chirp then shows, rather than inviting a second post that would be a duplicate.
     */
    @Test
    void aPostWhoseAnswerWasLostSaysItMayHaveBeenPostedAndTheFeedShowsIt() {
        whileEveryDocumentRuns("""
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && init.method === 'POST', async (fetched, input, init) => {
                  await fetched(input, init);
                  throw new TypeError('Failed to fetch');
                });""", () -> {
            signIn();
            var text = "answered into the void, " + handle;
            type(By.id("text"), text);
            browser.findElement(By.id("post")).click();

            var said = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error")));
            assertThat(said.getText()).contains("may have been posted", "only if it is not there");
            assertThat(browser.findElement(By.id("text")).getAttribute("value")).as("the draft is kept").isEqualTo(text);
            waitFor(driver -> driver.findElements(By.cssSelector("#feed > li .text")).stream().anyMatch(shown -> shown.getText().equals(text)));
            assertThat(Http.json(api.get("/chirp?userId=" + handle)).getAsJsonArray()).as("stored once").hasSize(1);
        });
    }

    /** A page whose configuration names no issuer offers no sign-in: a button there could only fail. */
    @Test
    void aPageConfiguredWithoutSignInOffersNone() {
        whileEveryDocumentRuns("""
                fetchStandIn((url) => url.pathname.endsWith('/config.json'),
                  () => Promise.resolve(new Response('{"apiBaseUrl":""}', { headers: { 'Content-Type': 'application/json' } })));""", () -> {
            waitFor(ExpectedConditions.textToBe(By.id("signed-in-as"), "Sign-in is not configured for this page: reading only."));
            assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("text")).isDisplayed()).as("nothing could be posted").isFalse();
            assertThat(browser.findElement(By.id("post")).isDisplayed()).isFalse();
        });
    }

    /** Fires the page's refresh timer {@code ticks} times, letting each refresh settle, and answers the feed's calls so far. */
    private long feedCallsAfterTicks(int ticks) {
        tick(ticks);
        return (Long) browser.executeScript("return window.__feedCalls");
    }

    /** Fires the page's interval timers, handed to the test in {@code window.__timers}, {@code ticks} times. */
    private void tick(int ticks) {
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  for (let i = 0; i < arguments[0]; i++) {
                    for (const task of window.__timers) await task();
                    await new Promise((settled) => setTimeout(settled, 50));
                  }
                  await new Promise((settled) => setTimeout(settled, 50));
                  done();
                })();""", ticks);
    }

    /** A code that could not be traded because the issuer was out of reach says so, and the person can sign in again. */
    @Test
    void aSignInWhoseTokenRequestGotNoAnswerSaysSoAndOffersToSignInAgain() {
        whileEveryDocumentRuns("""
                fetchStandIn((url, init) => init.method === 'POST' && url.pathname.includes('token'),
                  () => Promise.reject(new TypeError('Failed to fetch')));""", () -> {
            browser.findElement(By.id("sign-in")).click();
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("local-only")));
            type(By.id("handle"), handle);
            browser.findElement(By.id("sign-in")).click();

            var said = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error")));
            assertThat(said.getText()).isEqualTo("Sign-in was not completed: the sign-in service could not be reached. Sign in again.");
            assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        });
    }

    /** The issuer's error text is shown only for the page's own sign-in attempt, so a crafted link cannot put words on the site. */
    @Test
    void aSignInErrorLinkThePageDidNotStartShowsNoTextFromTheLink() {
        browser.get(stack.apiEndpoint() + "/?error=access_denied&error_description=Your%20account%20is%20locked%2C%20call%20us&state=forged");

        var error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error")));
        assertThat(error.getText()).contains("another attempt").doesNotContain("locked").doesNotContain("access_denied");
        assertThat(browser.getCurrentUrl()).doesNotContain("error");
    }

    @Test
    void whenTheSignInExpiresThePageAsksToSignInAgainAndKeepsTheDraft() {
        signIn();
        browser.executeScript("sessionStorage.setItem('chirps.idToken', arguments[0])", expiredToken(handle));
        var draft = "written while the token ran out, " + handle;
        type(By.id("text"), draft);
        browser.findElement(By.id("post")).click();

        var refusal = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error")));
        assertThat(refusal.getText()).contains("expired", "draft is kept");
        // On a shared computer the issuer's session outlives the page's token: ending it must stay possible.
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).as("sign out, beside sign in").isTrue();
        signIn();
        assertThat(browser.findElement(By.id("text")).getAttribute("value")).as("the draft survives signing in again").isEqualTo(draft);
        browser.findElement(By.id("post")).click();
        waitFor(driver -> driver.findElements(By.cssSelector("#feed > li")).stream()
                .anyMatch(item -> item.findElement(By.className("text")).getText().equals(draft)));
    }

    /** A feed left open keeps its times true: "just now" becomes "5 minutes ago" at the next tick, without a reload. */
    @Test
    void theTimesShownMoveOnWithTheClock() {
        var text = "posted a while ago, " + handle;
        postElsewhere(handle, text);
        whileEveryDocumentRuns("""
                {
                  window.__ahead = 0;
                  const now = Date.now.bind(Date);
                  Date.now = () => now() + window.__ahead;
                  window.__timers = [];
                  const every = window.setInterval.bind(window);
                  window.setInterval = (task, ms) => { window.__timers.push(task); return every(() => {}, 1 << 30); };
                }""", () -> {
            var time = By.xpath("//ol[@id='feed']/li[p[@class='text'][.='" + text + "']]//time");
            waitFor(ExpectedConditions.textToBe(time, "just now"));

            browser.executeScript("window.__ahead = 5 * 60 * 1000");
            tick(1);

            assertThat(browser.findElement(time).getText()).isEqualTo("5 minutes ago");
        });
    }

    /**
     * The count beside the field is read with it, but typing does not announce it at every keystroke, as a live
     * region rewritten per character would: a screen reader hears the count only once the person pauses near the
     * limit, or over it.
     */
    @Test
    void typingAnnouncesTheCountOnlyOnAPauseNearTheLimit() {
        browser.executeScript("""
                window.__announced = [];
                for (const region of document.querySelectorAll('#compose [aria-live], #compose [role=alert], #compose [role=status]')) {
                  new MutationObserver(() => window.__announced.push(region.id + ': ' + region.textContent))
                    .observe(region, { childList: true, characterData: true, subtree: true });
                }""");

        browser.findElement(By.id("text")).sendKeys("x".repeat(250));

        waitFor(ExpectedConditions.textToBe(By.id("text-count"), "30 characters left"));
        assertThat(announced()).as("typing far from the limit").isEmpty();
        browser.findElement(By.id("text")).sendKeys("x".repeat(15));
        waitFor(driver -> !announced().isEmpty());
        assertThat(announced()).as("once, after the pause").containsExactly("text-count-status: 15 characters left");
        browser.findElement(By.id("text")).sendKeys("x".repeat(20));
        waitFor(driver -> announced().size() == 2);
        assertThat(announced().get(1)).isEqualTo("text-count-status: 5 characters too many");
    }

    @SuppressWarnings("unchecked")
    private List<String> announced() {
        return (List<String>) browser.executeScript("return window.__announced");
    }

    @Test
    void aChirpOver280CharactersShowsAnErrorThatEditingClears() {
        browser.findElement(By.id("text")).sendKeys("x".repeat(281));
        browser.findElement(By.id("post")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error")));
        assertThat(browser.findElement(By.id("text")).getAttribute("aria-invalid")).as("the field is marked invalid").isEqualTo("true");

        browser.findElement(By.id("text")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

        assertThat(browser.findElement(By.id("compose-error")).isDisplayed()).as("editing clears the error").isFalse();
        assertThat(browser.findElement(By.id("text")).getAttribute("aria-invalid")).as("and the mark").isNull();
    }

    /**
     * axe-core's WCAG A and AA rules and best practices hold in the states a person meets: signed out, signed in with
     * a chirp posted, an over-long chirp refused, one handle's feed with Load more, and a feed that failed to load.
     */
    @Test
    void theStatesAPersonMeetsBreakNoneOfAxesRules() {
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("loading")));
        assertThat(AxeRules.violations(browser)).as("signed out").isEmpty();

        signIn();
        post("checked by axe, " + handle);
        assertThat(AxeRules.violations(browser)).as("signed in, a chirp posted").isEmpty();

        type(By.id("text"), "x".repeat(281));
        browser.findElement(By.id("post")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compose-error")));
        assertThat(AxeRules.violations(browser)).as("an over-long chirp refused").isEmpty();

        for (int i = 1; i <= 20; i++) {
            postElsewhere(handle, "one of many " + i);
        }
        browser.get(stack.apiEndpoint() + "/?user=" + handle);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("more")));
        assertThat(AxeRules.violations(browser)).as("one handle's feed, Load more offered").isEmpty();

        whileEveryDocumentRuns("""
                fetchStandIn((url, init) => url.pathname.endsWith('/chirp') && init.method !== 'POST', () =>
                  Promise.resolve(new Response('{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"busy"}',
                    { status: 503, headers: { 'Content-Type': 'application/problem+json' } })));""", () -> {
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("retry")));
            assertThat(AxeRules.violations(browser)).as("the feed failed, Try again offered").isEmpty();
        });
    }

    /** The check above can fail: a button with no name, which a screen reader could only call "button", is reported. */
    @Test
    void axeReportsAButtonWithoutAName() {
        browser.executeScript("document.querySelector('main').append(document.createElement('button'))");

        assertThat(AxeRules.violations(browser)).anySatisfy(violation -> assertThat(violation).startsWith("button-name (critical)"));
    }

    @Test
    void thePagesApiClientReportsEveryFieldTheServerRefused() {
        var refused = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./api.js').then((api) => api.postChirp(arguments[0], 42, 7))
                    .then(() => done('accepted'), (error) => done(error.name + ': ' + error.message));""",
                stack.idToken(handle, false));

        assertThat(refused).asString().contains("userId", "text").doesNotContain("accepted");
    }

    @Test
    void fromAUsersFeedEveryonesFeedShowsAChirpPostedElsewhereWithoutAReload() throws IOException {
        browser.get(stack.apiEndpoint() + "/?user=" + handle);
        waitFor(ExpectedConditions.textToBe(By.id("feed-heading"), "Chirps by @" + handle));
        browser.findElement(By.id("everyone")).click();
        waitFor(ExpectedConditions.textToBe(By.id("feed-heading"), "Everyone’s chirps"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the button hid itself: focus is on the feed it showed")
                .isEqualTo("feed-heading");
        var fromElsewhere = "Posted elsewhere by " + handle;

        postElsewhere("someone_else", fromElsewhere);

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                driver.findElement(By.cssSelector("#feed > li:first-child .text")).getText().equals(fromElsewhere));
        Files.createDirectories(SCREENSHOT.getParent());
        var png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }

    /** So that the check after each test can fail: what the CSP does not allow, Chromium refuses and reports. */
    @Test
    void theContentSecurityPolicyRefusesAFetchFromAnotherOriginThanThePagesAndTheSignIns() {
        browser.executeScript("fetch('http://127.0.0.1:9/elsewhere').catch(() => {})");

        var refused = new ArrayList<String>();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> refused.addAll(refusedByTheContentSecurityPolicy()));
        assertThat(refused).singleElement().asString()
                .contains("Connecting to 'http://127.0.0.1:9/elsewhere' violates", "\"connect-src 'self' http://127.0.0.1:");
    }

    /**
     * What Chromium's console reported the CSP refused since the last call (reading the console empties it): one line
     * per refusal, and not the script's own error that may follow it.
     */
    private List<String> refusedByTheContentSecurityPolicy() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("violates the following Content Security Policy directive"))
                .toList();
    }

    /** Signs in as {@link #handle} through the page's button and the local issuer's login page, as a person would. */
    private void signIn() {
        browser.findElement(By.id("sign-in")).click();
        signInAtTheLoginPage();
    }

    /** On the local issuer's login page: types {@link #handle} and waits until the page is back and signed in. */
    private void signInAtTheLoginPage() {
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("local-only")));
        type(By.id("handle"), handle);
        browser.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.textToBe(By.id("signed-in-as"), "Signed in as @" + handle));
    }

    /** An ID token of the local issuer for {@code who}, properly signed, whose exp has just passed. */
    private String expiredToken(String who) {
        return TestTokens.signed(stack.signingKey(), TestTokens.expired(TestTokens.claims(stack.issuer(), who)).build());
    }

    /** Posts through the page, signed in as {@link #handle}, and answers the feed item that shows it. */
    private WebElement post(String text) {
        type(By.id("text"), text);
        browser.findElement(By.id("post")).click();
        return waitFor(driver -> driver.findElements(By.cssSelector("#feed > li")).stream()
                .filter(item -> item.findElement(By.className("text")).getText().equals(text)).findFirst().orElse(null));
    }

    /** Posts through the API as {@code userId}, signed in, as another browser would. */
    /**
     * A visit whose answer is lost (the counter counted it, the page never heard) is sent again with the same
     * {@code Idempotency-Key}, so it is shown, and counted once: the second answer is the first one's value, replayed.
     * Every document of this test sees a fetch that drops the counter's first answer after it arrived.
     */
    @Test
    void aVisitWhoseAnswerWasLostIsSentAgainWithItsKeyAndCountedOnce() {
        whileEveryDocumentRuns("""
                window.__visits = [];
                fetchStandIn((url, init) => url.pathname.endsWith('/counters/cloud-resume') && init.method === 'POST', async (fetched, input, init) => {
                  const answer = await fetched(input, init);
                  window.__visits.push({ key: init.headers['Idempotency-Key'], value: (await answer.clone().json()).value });
                  if (window.__visits.length === 1) throw new TypeError('Failed to fetch');
                  return answer;
                });""", () -> {
            var shown = visits();
            @SuppressWarnings("unchecked")
            var sent = (List<Map<String, Object>>) browser.executeScript("return window.__visits");
            assertThat(sent).as("the lost try and the one sent again").hasSize(2);
            assertThat(sent.get(1).get("key")).as("the same key").isEqualTo(sent.get(0).get("key")).isNotNull();
            assertThat(((Number) sent.get(1).get("value")).longValue()).as("replayed, not counted again")
                    .isEqualTo(((Number) sent.get(0).get("value")).longValue()).isEqualTo(shown);
        });
    }

    /** The page's interval timers, handed to the test ({@link #tick}) instead of firing on their own. */
    private static final String TIMERS_HANDED_TO_THE_TEST = """
            window.__timers = [];
            const every = window.setInterval.bind(window);
            window.setInterval = (task, ms) => { window.__timers.push(task); return every(() => {}, 1 << 30); };
            """;

    /**
     * Given to every script {@link #whileEveryDocumentRuns} evaluates: {@code fetchStandIn(picks, answer)} answers each
     * fetch {@code picks(url, init)} chooses with {@code answer(fetched, input, init)}, where {@code fetched} is the
     * real fetch, and passes every other one through.
     */
    private static final String FETCH_STAND_IN = """
            const fetchStandIn = (picks, answer) => {
              const fetched = window.fetch.bind(window);
              window.fetch = (input, init) => {
                const url = new URL(input instanceof Request ? input.url : String(input), location.href);
                return picks(url, init || {}) ? answer(fetched, input, init) : fetched(input, init);
              };
            };
            """;

    /**
     * Runs {@code test} on the page reloaded with {@code script} evaluated first in every document it opens (a
     * stand-in for a clock, a fetch or a timer), and removes the script afterwards, so no other test sees it.
     */
    private void whileEveryDocumentRuns(String script, Runnable test) {
        var added = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "{\n" + FETCH_STAND_IN + script + "\n}"));
        try {
            browser.navigate().refresh();
            test.run();
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
    }

    private void postElsewhere(String userId, String text) {
        var body = """
                {"userId": "%s", "text": "%s"}""".formatted(userId, text);
        assertThat(api.signedIn(stack.idToken(userId, false)).sendJson("POST", "/chirp", body).statusCode()).isEqualTo(201);
    }

    private long visits() {
        var element = waitFor(driver -> {
            var shown = driver.findElement(By.id("visits"));
            return VISITS.matcher(shown.getText()).find() ? shown : null;
        });
        var matcher = VISITS.matcher(element.getText());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1).replaceAll("\\D", ""));
    }

    private int chirpsShown() {
        return browser.findElements(By.cssSelector("#feed > li")).size();
    }

    private void type(By field, String text) {
        var element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    private <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }
}
