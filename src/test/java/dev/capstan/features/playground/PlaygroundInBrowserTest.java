package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.platform.Feature;
import dev.capstan.support.BothCores;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page in headless Chromium (Debian's chromium and chromium-driver packages), clicked like a person
 * would, with the families this build ships (plus {@link TryOutFamily} for a modal) and the tour's configuration
 * (production deployments need an approval). Each family's main flow is walked and the page checked for what Slack
 * would never show: raw mentions, dates or emoji codes. Screenshots go to {@code target/screenshots/}. A
 * browser keeps both cores busy, so it never runs beside the fuzz test or the class that times acks ({@link BothCores}).
 */
@ResourceLock(BothCores.LOCK)
class PlaygroundInBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String SLACK_GREEN = "rgba(0, 122, 90, 1)";
    private static final String SLACK_RED = "rgba(224, 30, 90, 1)";
    private static final String WHITE = "rgba(255, 255, 255, 1)";

    private static final TryOutFamily tryout = new TryOutFamily();
    private static Launcher.Running running;
    private static WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), () -> "Browser tests skipped: "
                + (CHROMIUM.canExecute() ? "" : CHROMIUM + " is missing; ") + (CHROMEDRIVER.canExecute() ? "" : CHROMEDRIVER + " is missing; ")
                + "install Debian's chromium and chromium-driver packages (.ci/run does) to run them");
        running = PlaygroundTour.start(features());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        browser = new ChromeDriver(service, options);
    }

    private static List<Feature> features() {
        List<Feature> features = new ArrayList<>(Main.features());
        features.add(tryout);
        return features;
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (running != null) running.close();
    }

    @BeforeEach
    void open() {
        browser.get(running.playgroundUrl());
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(b -> new Select(b.findElement(By.id("person"))).getOptions().size() >= 4);
    }

    private void actAs(String name) {
        new Select(browser.findElement(By.id("person"))).selectByVisibleText(name);
    }

    private void type(String command) {
        browser.findElement(By.id("command")).sendKeys(command, Keys.ENTER);
    }

    private void awaitText(String elementId, String text) {
        wait.withMessage("'" + text + "' in #" + elementId)
                .until(b -> b.findElement(By.id(elementId)).getText().contains(text));
    }

    @Test
    void aCommandTypedInTheComposerIsAnsweredInTheChannel() {
        actAs("Ada Admin (admin)");
        type("/capstan whoami");
        awaitText("messages", "role admin");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Only visible to you");
    }

    @Test
    void clickingConfirmOnATimeReportQuestionWritesTheEntryAndReplacesTheQuestion() {
        actAs("Mia Member (member)");
        type("/timereport add vab 2020-05-18");
        wait.until(b -> b.findElements(By.xpath("//div[@id='messages']//button[text()='Confirm']")).size() == 1);
        browser.findElement(By.xpath("//div[@id='messages']//button[text()='Confirm']")).click();
        awaitText("messages", "Added vab 8 h for @Mia Member");
        wait.until(b -> b.findElements(By.xpath("//div[@id='messages']//button[text()='Confirm']")).isEmpty());
        int written = running.capstan().database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from timereport_entries where user_id = 'UMEMBER01' and entry_date = date '2020-05-18'")
                .mapTo(Integer.class).one());
        assertThat(written).isEqualTo(1);
    }

    @Test
    void theHomeTabDrawsWhatCapstanPublishedAndItsAddTimeButtonOpensTheForm() {
        actAs("Leo Lead (team_lead)");
        browser.findElement(By.id("home-tab")).click();
        awaitText("home", "Your time");
        assertThat(browser.findElement(By.id("messages")).isDisplayed()).isFalse();
        // The Home tab is drawn again whenever Capstan publishes it, so the button is found and clicked in one go.
        wait.until(b -> {
            b.findElement(By.xpath("//div[@id='home']//button[text()='Add time']")).click();
            return true;
        });
        awaitText("modal", "Hours per day");
    }

    @Test
    void karmaGivenInTheChannelReachesTheReceiversDmPanel() {
        actAs("Mia Member (member)");
        type("/capstan <@UMEMBER02> ++");
        awaitText("messages", "gave karma to @Max Member");
        actAs("Max Member (member)");
        awaitText("dms", "@Mia Member gave you karma");
        awaitText("calls", "chat.postMessage");
    }

    @Test
    void aModalShowsValidationErrorsAndSendsEachInputInSlacksShape() {
        actAs("Leo Lead (team_lead)");
        type("/tryout feedback");
        wait.until(b -> b.findElement(By.id("modal-backdrop")).isDisplayed());
        browser.findElement(By.name("summary")).sendKeys("meh");
        browser.findElement(By.id("modal-submit")).click();
        awaitText("modal", "Please write at least 5 characters.");
        browser.findElement(By.name("summary")).clear();
        browser.findElement(By.name("summary")).sendKeys("Ship the playground");
        WebElement date = browser.findElement(By.name("when"));
        assertThat(date.getAttribute("type")).isEqualTo("date");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-05-17'", date);
        new Select(browser.findElement(By.name("mood"))).selectByVisibleText("Happy");
        new Select(browser.findElement(By.name("who"))).selectByVisibleText("Ada Admin");
        String sent = (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(modalValues(document.getElementById('modal')))");
        assertThat(sent).contains("\"when\":{\"when\":{\"type\":\"datepicker\",\"selected_date\":\"2024-05-17\"}}")
                .contains("\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"Happy\"},\"value\":\"happy\"}")
                .contains("\"who\":{\"who\":{\"type\":\"users_select\",\"selected_user\":\"UADMIN001\"}}")
                .contains("\"summary\":{\"summary\":{\"type\":\"plain_text_input\",\"value\":\"Ship the playground\"}}");
        browser.findElement(By.id("modal-submit")).click();
        wait.until(b -> !b.findElement(By.id("modal-backdrop")).isDisplayed());
        awaitText("dms", "Thanks for your feedback: Ship the playground");
        assertThat(tryout.submissions).contains(Map.of("summary", "Ship the playground", "when", "2024-05-17", "mood", "happy",
                "who", "UADMIN001"));
    }

    @Test
    void aModalsPrimaryButtonIsWhiteOnGreenAndADangerButtonWhiteOnRedAsInSlack() {
        actAs("Max Member (member)");
        type("/timereport add");
        try {
            wait.until(b -> b.findElement(By.id("modal-backdrop")).isDisplayed());
            WebElement add = browser.findElement(By.id("modal-submit"));
            assertThat(add.getText()).isEqualTo("Add");
            assertThat(add.getCssValue("background-color")).isEqualTo(SLACK_GREEN);
            assertThat(add.getCssValue("color")).isEqualTo(WHITE);
            closeModal();
            type("/tryout showcase");
            WebElement delete = wait.until(b -> b.findElement(By.xpath("//div[@id='messages']//button[text()='Delete']")));
            assertThat(delete.getCssValue("background-color")).isEqualTo(SLACK_RED);
            assertThat(delete.getCssValue("color")).isEqualTo(WHITE);
        } finally {
            closeModal();
        }
    }

    @Test
    void anInvalidAddTimeFormKeepsWhatWasTypedAndShowsTheErrorNextToIt() {
        actAs("Max Member (member)");
        type("/timereport add");
        try {
            wait.until(b -> b.findElement(By.id("modal-backdrop")).isDisplayed());
            new Select(browser.findElement(By.name("reason"))).selectByVisibleText("sjuk");
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-05-20'; arguments[1].value = '2024-05-21'",
                    browser.findElement(By.name("from")), browser.findElement(By.name("to")));
            browser.findElement(By.name("hours")).clear();
            browser.findElement(By.name("hours")).sendKeys("25");
            browser.findElement(By.id("modal-submit")).click();
            awaitText("modal", "more than 0 and at most 24");
            assertThat(browser.findElement(By.xpath("//input[@name='hours']/following-sibling::div[@class='error']")).getText())
                    .contains("more than 0 and at most 24");
            assertThat(new Select(browser.findElement(By.name("reason"))).getFirstSelectedOption().getText()).isEqualTo("sjuk");
            assertThat(browser.findElement(By.name("from")).getAttribute("value")).isEqualTo("2024-05-20");
            assertThat(browser.findElement(By.name("to")).getAttribute("value")).isEqualTo("2024-05-21");
            assertThat(browser.findElement(By.name("hours")).getAttribute("value")).isEqualTo("25");
        } finally {
            closeModal();
        }
    }

    private void closeModal() {
        ((JavascriptExecutor) browser).executeAsyncScript(
                "post('/playground/close', {user: page.user}).then(refresh).then(arguments[arguments.length - 1])");
    }

    @Test
    void imageBlocksSelectsAndOverflowMenusInMessagesAreRenderedAndAPickReachesCapstan() {
        actAs("Max Member (member)");
        type("/tryout showcase");
        String alt = wait.until(b -> b.findElement(By.cssSelector("#messages .block.image img")).getAttribute("alt"));
        assertThat(alt).isEqualTo("a chart");
        String caption = wait.until(b -> b.findElement(By.cssSelector("#messages .block.image figcaption")).getText());
        assertThat(caption).isEqualTo("Hours");
        wait.withMessage("the overflow menu").until(b -> b.findElement(By.cssSelector("#messages select.overflow")).isDisplayed());
        act(b -> new Select(b.findElement(By.cssSelector("#messages .block.actions select:not(.overflow)"))).selectByVisibleText("Red"));
        awaitText("messages", "You picked red.");
        act(b -> new Select(b.findElement(By.cssSelector("#messages select.overflow"))).selectByVisibleText("Blue"));
        awaitText("messages", "You picked blue.");
    }

    @Test
    void typingAtOffersPeopleAndSendsThePickedOneAsSlacksMention() {
        actAs("Mia Member (member)");
        WebElement composer = browser.findElement(By.id("command"));
        composer.sendKeys("/capstan @ma");
        WebElement offered = wait.until(b -> b.findElement(By.cssSelector("#mention-list li.active")));
        assertThat(offered.getText()).startsWith("@Max Member");
        screenshot(browser.findElement(By.id("conversation")), "mention-offered");
        composer.sendKeys(Keys.ENTER);
        assertThat(composer.getAttribute("value")).isEqualTo("/capstan @Max Member ");
        composer.sendKeys("++", Keys.ENTER);
        awaitText("messages", "gave karma to @Max Member");
        assertThat((String) script("return page.state.messages.filter(m => m.typed).map(m => m.text).join('\\n')"))
                .contains("/capstan <@UMEMBER02|max.member> ++");
        assertNothingRaw("messages");
    }

    @Test
    void typingHashOffersChannelsAndSendsThePickedOneAsSlacksChannelMention() {
        String sent = (String) script("return Composer.outgoing('/capstan #ops')");
        assertThat(sent).isEqualTo("/capstan #ops");
        WebElement composer = browser.findElement(By.id("command"));
        composer.sendKeys("/tryout announce see #o");
        wait.until(b -> b.findElement(By.cssSelector("#mention-list li.active")).getText().equals("#ops"));
        composer.sendKeys(Keys.TAB);
        composer.sendKeys(Keys.ENTER);
        awaitText("messages", "see #ops");
        assertThat((String) script("return page.state.messages.filter(m => m.typed).map(m => m.text).join('\\n')"))
                .contains("/tryout announce see <#COPS|ops>");
    }

    @Test
    void plainTextWithoutASlashGetsAHintInsteadOfSilence() {
        WebElement composer = browser.findElement(By.id("command"));
        composer.sendKeys("hello capstan", Keys.ENTER);
        WebElement hint = wait.until(b -> b.findElement(By.id("composer-hint")));
        wait.until(b -> hint.isDisplayed());
        assertThat(hint.getText()).contains("start with /").contains("/capstan help");
        assertThat(composer.getAttribute("value")).isEqualTo("hello capstan");
        composer.clear();
    }

    @Test
    void aDeploymentMessageMovesThroughItsStatesWithDatesAndEmojiRendered() {
        setUpDeployments();
        actAs("Mia Member (member)");
        type("/deploy v1.0.0 to staging");
        wait.until(b -> deployment(b, "staging"));
        wait.withMessage("the deployment in progress or further").until(b -> deployment(b, "staging").getText().matches("(?s).*(in progress|succeeded).*"));
        wait.withMessage("the deployment to succeed").until(b -> deployment(b, "staging").getText().contains("succeeded"));
        act(b -> screenshot(deployment(b, "staging"), "deployment-message"));
        type("/deploy list");
        awaitText("messages", "v1.0.0");
        assertNothingRaw("messages");
        assertThat(browser.findElements(By.cssSelector("#messages time"))).as("dates rendered as <time>").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#messages time")).getText()).doesNotContain("{", "^");
    }

    @Test
    void anApprovalCardShowsWhoAskedAndTheLeadsApprovalStartsTheDeployment() {
        setUpDeployments();
        actAs("Mia Member (member)");
        type("/deploy v1.0.0 to production");
        String card = wait.until(b -> approvalCard(b).getText());
        assertThat(card).contains("@Mia Member").contains("production").doesNotContain(":raised_hand:");
        act(b -> screenshot(approvalCard(b), "approval-card"));
        assertNothingRaw("messages");
        actAs("Leo Lead (team_lead)");
        act(b -> b.findElement(By.xpath("//div[@id='messages']//button[text()='Approve']")).click());
        wait.withMessage("the approved deployment to succeed").until(b -> deployment(b, "production") != null
                && deployment(b, "production").getText().contains("succeeded"));
        assertNothingRaw("messages");
    }

    @Test
    void theFlushFormShowsEachBadTargetNextToTheField() {
        actAs("Ada Admin (admin)");
        type("/flush");
        try {
            wait.until(b -> b.findElement(By.id("modal-backdrop")).isDisplayed());
            new Select(browser.findElement(By.name("site"))).selectByValue("playground");
            WebElement targets = browser.findElement(By.name("targets"));
            targets.clear();
            targets.sendKeys("https://example.com/ok\nhttps://elsewhere.org/page\nnot a url");
            browser.findElement(By.id("modal-submit")).click();
            WebElement error = wait.until(b -> b.findElement(By.cssSelector("#modal .error")));
            assertThat(error.getText().split("\n")).as("one line per bad target, under a count").hasSize(3)
                    .satisfies(lines -> assertThat(lines[0]).isEqualTo("2 lines need fixing:"))
                    .satisfies(lines -> assertThat(lines[1]).startsWith("Line 2: “https://elsewhere.org/page” "))
                    .satisfies(lines -> assertThat(lines[2]).startsWith("Line 3: “not a url” "));
            assertThat(browser.findElement(By.name("targets")).getAttribute("value")).contains("https://elsewhere.org/page");
            screenshot(browser.findElement(By.id("modal")), "flush-form-errors");
            assertNothingRaw("modal");
        } finally {
            closeModal();
        }
    }

    @Test
    void aDeclaredCommandAnswersFromItsTarget() {
        actAs("Mia Member (member)");
        type("/capstan whois ada");
        awaitText("messages", "Pretend ada (playground)");
        assertNothingRaw("messages");
    }

    @Test
    void theTimeReportQuestionIsRenderedAsSlackShowsIt() {
        actAs("Leo Lead (team_lead)");
        type("/timereport add sjuk 2020-05-19");
        wait.until(b -> b.findElement(By.xpath("//div[@id='messages']//button[text()='Confirm']")));
        int bold = wait.until(b -> question(b).findElements(By.tagName("b")).size());
        assertThat(bold).as("bold reason").isPositive();
        act(b -> screenshot(question(b), "timereport-confirmation"));
        assertNothingRaw("messages");
    }

    private void setUpDeployments() {
        actAs("Leo Lead (team_lead)");
        act(b -> b.findElement(By.xpath("//ul[@id='channels']/li[text()='# dev']")).click());
        awaitText("channel-title", "# dev");
        if (!browser.findElement(By.id("messages")).getText().contains("Setting up `acme/web`")
                && !browser.findElement(By.id("messages")).getText().contains("Setting up acme/web")) {
            type("/deploy setup acme/web");
            awaitText("messages", "Setting up acme/web");
        }
    }

    /** Does {@code action} on the page as it is now, again if the page was redrawn meanwhile (it polls). */
    private void act(java.util.function.Consumer<WebDriver> action) {
        wait.until(b -> {
            action.accept(b);
            return true;
        });
    }

    private static WebElement approvalCard(WebDriver b) {
        return b.findElement(By.xpath("//div[@id='messages']//button[text()='Approve']/ancestor::div[contains(@class,'message')]"));
    }

    private static WebElement question(WebDriver b) {
        return b.findElement(By.xpath("(//div[@id='messages']//button[text()='Confirm'])[last()]/ancestor::div[contains(@class,'message')]"));
    }

    /** The one message following a deployment of v1.0.0 to {@code environment}, or null while there is none. */
    private static WebElement deployment(WebDriver b, String environment) {
        return b.findElements(By.cssSelector("#messages .message")).stream()
                .filter(m -> m.getText().contains("Deployment of tag v1.0.0") && m.getText().contains(environment))
                .findFirst().orElse(null);
    }

    /** No mention, channel or date left as Slack markup, and no known emoji shortcode as text outside code. */
    private void assertNothingRaw(String elementId) {
        String outsideCode = (String) script("const copy = document.getElementById(arguments[0]).cloneNode(true);"
                + "copy.querySelectorAll('code, pre').forEach(c => c.remove()); return copy.textContent", elementId);
        assertThat(outsideCode).doesNotContain("<@", "<#", "<!", "&lt;", "&gt;", "&amp;");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile(":([a-z0-9_+'-]+):").matcher(outsideCode);
        while (code.find()) assertThat(EmojiShortcodes.known(code.group(1))).as(code.group() + " shown as text").isFalse();
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Saves what {@code element} shows to {@code target/screenshots/<name>.png}. */
    private static void screenshot(WebElement element, String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
