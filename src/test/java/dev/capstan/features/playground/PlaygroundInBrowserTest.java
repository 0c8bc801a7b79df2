package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.Launcher;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The playground page in headless Chromium (Debian's chromium and chromium-driver packages), clicked like a person would. */
class PlaygroundInBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static Launcher.Running running;
    private static WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser tests skipped: install Debian's chromium and chromium-driver packages to run them");
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                List.of(new TryOutFamily()), Clock.systemUTC(), TestApp.FAST_JOBS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        browser = new ChromeDriver(service, options);
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
    void clickingConfirmRunsTheActionAndReplacesTheQuestion() {
        actAs("Mia Member (member)");
        type("/tryout forget the-keys");
        awaitText("messages", "Really forget the-keys?");
        wait.until(b -> b.findElements(By.xpath("//div[@id='messages']//button[text()='Confirm']")).size() == 1);
        browser.findElement(By.xpath("//div[@id='messages']//button[text()='Confirm']")).click();
        awaitText("messages", "Forgot the-keys.");
        assertThat(browser.findElement(By.id("messages")).getText()).doesNotContain("Really forget the-keys?");
    }

    @Test
    void aDirectMessageFromCapstanAppearsInTheDmPanel() {
        actAs("Max Member (member)");
        type("/tryout remind stand-up at ten");
        awaitText("dms", "Reminder: stand-up at ten");
        awaitText("calls", "chat.postMessage");
    }

    @Test
    void aModalShowsValidationErrorsAndClosesOnAValidSubmit() {
        actAs("Leo Lead (team_lead)");
        type("/tryout feedback");
        wait.until(b -> b.findElement(By.id("modal-backdrop")).isDisplayed());
        browser.findElement(By.name("summary")).sendKeys("meh");
        browser.findElement(By.id("modal-submit")).click();
        awaitText("modal", "Please write at least 5 characters.");
        browser.findElement(By.name("summary")).sendKeys("Ship the playground");
        browser.findElement(By.id("modal-submit")).click();
        wait.until(b -> !b.findElement(By.id("modal-backdrop")).isDisplayed());
        awaitText("dms", "Thanks for your feedback: Ship the playground");
    }
}
