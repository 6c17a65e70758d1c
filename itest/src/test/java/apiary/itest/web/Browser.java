package apiary.itest.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Assume;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver through Selenium: a fresh profile per browser, the
 * flags this closed network needs, the console log kept for checks, screenshots saved under
 * {@code itest/target/screenshots}. Never a browser download: without {@code /usr/bin/chromium} the test is skipped
 * locally and fails on CI (where {@code .ci/run} installs it).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("apiary-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A desktop-sized browser (1280x800). */
    static Browser start() throws IOException {
        return start(1280, 800);
    }

    static Browser start(int width, int height) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("Debian's chromium and chromium-driver are missing: .ci/run should have installed them");
        }
        Assume.assumeTrue("Debian's chromium and chromium-driver are not installed", present);
        return new Browser(width, height);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits (up to a minute) until the element is visible. */
    WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks the element once it is visible; one redrawn between being found and clicked is looked up again. */
    void click(By by) {
        until(d -> {
            WebElement e = d.findElement(by);
            if (!e.isDisplayed()) {
                return false;
            }
            e.click();
            return true;
        });
    }

    /** Waits (up to a minute) until the condition gives a non-null, non-false value. */
    <T> T until(Function<WebDriver, T> condition) {
        return waiting().until(condition::apply);
    }

    /** Pages redraw lists as they refresh: an element read just as it is replaced is looked up again. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits until the page's script says it is ready ({@code body[data-ready]}). */
    void ready() {
        until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** @return the console errors since the last call (failed loads included) */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("apiary.itest.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
