package org.careconnect.smart.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.careconnect.smart.launcher.support.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The launcher page in headless Debian Chromium, keyboard only: search a patient, choose them,
 * launch into the EHR frame; the banner names the patient and the frame holds the app. A missing
 * Chromium fails the test with the install command (never a skip).
 */
class LauncherBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void keyboardUserWhenChoosingAPatientAndLaunchingInTheFrameThenBannerAndApp(@TempDir Path dir) throws Exception {
    assertThat(Files.isExecutable(CHROMIUM)).as("Chromium missing at %s: apt-get install -y chromium chromium-driver", CHROMIUM).isTrue();
    assertThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver missing at %s: apt-get install -y chromium-driver", CHROMEDRIVER).isTrue();
    System.setProperty("SE_OFFLINE", "true");
    try (Stack stack = new Stack(dir)) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("profile"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).withEnvironment(Map.of("SE_OFFLINE", "true")).build();
      WebDriver driver = new ChromeDriver(service, options);
      try {
        WebDriverWait await = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(stack.launcher() + "/");
        driver.findElement(By.id("q")).sendKeys("smith", Keys.ENTER);
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("patient-demo-pat-1")));
        driver.findElement(By.id("patient-demo-pat-1")).sendKeys(Keys.SPACE);
        assertThat(driver.findElement(By.id("patient-demo-pat-1")).isSelected()).isTrue();
        driver.findElement(By.id("launch-frame")).sendKeys(Keys.ENTER);

        await.until(ExpectedConditions.presenceOfElementLocated(By.id("banner-name")));
        assertThat(driver.findElement(By.id("banner-name")).getText()).isEqualTo("Alice SMITH");
        assertThat(driver.findElement(By.id("banner-nhs")).getText()).isEqualTo("999 000 0018");
        assertThat(driver.findElement(By.id("app-frame")).getAttribute("src")).contains("iss=").contains("launch=");
        driver.switchTo().frame("app-frame");
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("app")));
        driver.switchTo().defaultContent();
        screenshot(driver, "launcher-ehr-frame");
      } finally {
        driver.quit();
      }
    }
  }

  private static void screenshot(WebDriver driver, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
