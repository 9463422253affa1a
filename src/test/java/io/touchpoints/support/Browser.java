package io.touchpoints.support;

import java.io.File;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system packages (Debian's chromium and chromium-driver; .ci/run installs them).
 * Tests that need it are skipped, not failed, where the browser is not installed.
 */
public final class Browser {

	private static final File CHROMIUM = new File(System.getProperty("touchpoints.test.chromium", "/usr/bin/chromium"));

	private static final File CHROMEDRIVER = new File(
			System.getProperty("touchpoints.test.chromedriver", "/usr/bin/chromedriver"));

	private Browser() {
	}

	public static ChromeDriver start() {
		Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
				"Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000");
		ChromeDriver driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build(), options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		return driver;
	}

}
