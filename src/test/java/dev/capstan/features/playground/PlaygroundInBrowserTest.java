package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.platform.Feature;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * would, with the families this build ships (plus {@link TryOutFamily} for a modal).
 */
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
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                features(), Clock.systemUTC(), TestApp.FAST_JOBS);
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
            ((JavascriptExecutor) browser).executeScript("""
                    document.getElementById('modal').append(Blocks.render([{type: 'actions', block_id: 'b', elements: [
                      {type: 'button', action_id: 'd', style: 'danger', text: {type: 'plain_text', text: 'Delete'}}]}],
                      {people: {}, onAction: () => {}}))""");
            WebElement delete = browser.findElement(By.xpath("//div[@id='modal']//button[text()='Delete']"));
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
    void imageBlocksAndSelectsInMessagesAreRendered() {
        ((JavascriptExecutor) browser).executeScript("""
                document.body.append(Blocks.render([
                  {type: 'image', image_url: '/playground/none.png', alt_text: 'a chart', title: {type: 'plain_text', text: 'Hours'}},
                  {type: 'actions', block_id: 'pick', elements: [{type: 'static_select', action_id: 'p',
                    placeholder: {type: 'plain_text', text: 'Pick one'},
                    options: [{text: {type: 'plain_text', text: 'Red'}, value: 'red'}]}]}],
                  {people: {}, onAction: a => { window.lastAction = a; }}))""");
        assertThat(browser.findElement(By.cssSelector(".block.image img")).getAttribute("alt")).isEqualTo("a chart");
        assertThat(browser.findElement(By.cssSelector(".block.image figcaption")).getText()).isEqualTo("Hours");
        new Select(browser.findElement(By.cssSelector(".block.actions select"))).selectByVisibleText("Red");
        assertThat((String) ((JavascriptExecutor) browser).executeScript("return JSON.stringify(window.lastAction)"))
                .contains("\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"Red\"},\"value\":\"red\"}");
    }
}
