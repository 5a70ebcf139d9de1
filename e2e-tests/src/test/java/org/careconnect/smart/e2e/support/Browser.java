package org.careconnect.smart.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Debian Chromium with a fresh profile, driven by the Debian chromedriver; Selenium
 * Manager is kept offline. Missing binaries fail with the install command (never a skip).
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Every wait is bounded by this; generous, as the machine may be loaded. */
  public static final Duration WAIT = Duration.ofSeconds(60);

  public final ChromeDriver driver;
  private final Path profile;

  public Browser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): as root, apt-get install -y chromium chromium-driver");
    }
    System.setProperty("SE_OFFLINE", "true");
    profile = Files.createTempDirectory("e2e-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1100", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("SE_OFFLINE", "true"))
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
  }

  public WebDriverWait await() {
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(250));
  }

  public WebElement visible(String id) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  public String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** The auth server's login page: signs in. */
  public void logIn(String username, String password) {
    visible("username").sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
  }

  /** The consent page: clears the given scopes' boxes, then allows. */
  public void allow(String... clearedScopes) {
    visible("approve");
    for (String scope : clearedScopes) {
      WebElement box = driver.findElement(By.cssSelector("#approve input[name=scope][value='" + scope + "']"));
      if (box.isSelected()) {
        box.click();
      }
    }
    driver.findElement(By.cssSelector("#approve button[type=submit]")).click();
  }

  /** The consent page: "Do not allow". */
  public void deny() {
    visible("deny");
    driver.findElement(By.cssSelector("#deny button[type=submit]")).click();
  }

  /** The sample app: waits until the record is loaded (or an error shows) and fails on an error. */
  public void awaitRecordLoaded() {
    await().until(d -> text("status").contains("Record loaded") || d.findElement(By.id("error-message")).isDisplayed());
    WebElement error = driver.findElement(By.id("error-message"));
    if (error.isDisplayed()) {
      throw new AssertionError("The app shows an error: " + error.getText());
    }
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /** Saves the current page as {@code target/screenshots/<name>.png}. */
  public void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Stack.target().resolve("screenshots"));
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      System.err.println("Screenshot " + name + " not saved: " + e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    // Chromium has exited: its profile (a few MB a browser) would otherwise stay in the temp folder
    try {
      FileSystemUtils.deleteRecursively(profile);
    } catch (IOException e) {
      System.err.println("Could not delete the browser profile " + profile + ": " + e);
    }
  }
}
