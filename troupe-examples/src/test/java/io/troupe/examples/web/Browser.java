package io.troupe.examples.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through the system's chromedriver, for tests of the web pages.
 *
 * <p>Both executables are given explicitly, so Selenium Manager never runs and nothing is downloaded: the driver
 * from system property {@value #DRIVER_PROPERTY}, else environment variable {@code TROUPE_CHROMEDRIVER}, else
 * {@code /usr/bin/chromedriver}; the browser from {@value #BINARY_PROPERTY}, else {@code TROUPE_CHROMIUM}, else
 * {@code /usr/bin/chromium} (Debian's {@code chromium} and {@code chromium-driver} packages, which {@code .ci/run}
 * installs). When either is missing, {@link #open} fails with a message saying how to install them.
 *
 * <p>{@link #screenshot} saves to {@code target/screenshots/<name>.png}, kept as a test artifact.
 */
public final class Browser implements AutoCloseable {
    public static final String DRIVER_PROPERTY = "troupe.chromedriver";
    public static final String BINARY_PROPERTY = "troupe.chromium";
    /** How long {@link #waitUntil} waits by default. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    static {
        // Selenium logs through java.util.logging; it warns about CDP versions it has no bindings for
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Starts a headless Chromium with a 1280×900 window. */
    public static Browser open() {
        Path driverPath = executable(DRIVER_PROPERTY, "TROUPE_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path binary = executable(BINARY_PROPERTY, "TROUPE_CHROMIUM", "/usr/bin/chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverPath.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--no-first-run", "--no-default-browser-check",
                        "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--metrics-recording-only", "--password-store=basic");
        try {
            return new Browser(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw new IllegalStateException("Cannot start headless Chromium (" + binary + ") through " + driverPath
                    + ": " + e.getMessage(), e);
        }
    }

    private static Path executable(String property, String env, String fallback) {
        String configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(env);
        }
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " not found: browser tests need Chromium and chromedriver. Install"
                    + " them with `apt-get install -y chromium chromium-driver` (Debian), or point -D" + property
                    + " / $" + env + " at them.");
        }
        return path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait of {@link #WAIT} on this browser. */
    public WebDriverWait waitUntil() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Saves a screenshot of the page to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "screenshots"));
            Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser and stops the driver. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
