package org.careconnect.smart.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium under Selenium, for browser tests: both binaries named explicitly
 * and {@code SE_OFFLINE} set, so Selenium Manager never downloads anything; a fresh profile per
 * test. A missing Chromium fails the test with the command that installs it: never a skip.
 * Screenshots go to {@code auth-server/target/screenshots/}. (The {@link Browser} of this package
 * is the plain-HTTP user agent.)
 */
public final class Chromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;

  private Chromium(WebDriver driver) {
    this.driver = driver;
  }

  /** @param profile an empty folder for the browser profile (a JUnit {@code @TempDir}) */
  public static Chromium start(Path profile) {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("Chromium is missing at %s: apt-get install -y chromium chromium-driver", CHROMIUM)
        .isTrue();
    assertThat(Files.isExecutable(CHROMEDRIVER))
        .as("chromedriver is missing at %s: apt-get install -y chromium-driver", CHROMEDRIVER)
        .isTrue();
    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .withEnvironment(java.util.Map.of("SE_OFFLINE", "true"))
            .build();
    return new Chromium(new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  /** Saves the page as it is now as {@code target/screenshots/<name>.png}. */
  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot save screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
