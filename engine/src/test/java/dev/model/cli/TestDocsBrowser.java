package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import dev.model.graph.IndirectSelection;
import dev.model.graph.Selector;
import dev.model.log.Log;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
 * The generated site in real headless Chromium, used as a person would: search, open a model,
 * read its SQL and columns, follow lineage, select a subgraph. CI installs Debian's chromium and
 * chromium-driver; without them this test fails and says how to install them.
 */
final class TestDocsBrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The docs browser test needs Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                    + "; install them with: apt-get update && apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1500,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonSearchesOpensAModelReadsItAndFollowsLineage() throws Exception {
        TestingDocsProject.withExposures(TestingDocsProject.create(dir));
        TestingDocsProject.buildWarehouse(dir);
        assertEquals(0, TestingCli.inProject(dir, "docs", "generate").exitCode());
        writeRunResults(Map.of("unique", "pass", "not_null", "fail"));
        TestingCli.Outcome outcome = TestingCli.inProject(dir, "docs", "generate");
        assertEquals(0, outcome.exitCode(), outcome::toString);
        Path index = dir.resolve("target/index.html");
        String url = index.toUri().toString();

        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> "true".equals(driver.findElement(By.tagName("html")).getAttribute("data-ready")));
        assertEquals(9, browser.findElements(By.cssSelector("#viewport .node")).size(),
                "seeds, source, models and exposures drawn");

        // Search for the model and open it from the results.
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("fct_ord");
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#search-results li[data-index]")));
        assertEquals("fct_orders", result.findElements(By.tagName("span")).get(1).getText());
        result.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details h1"), "fct_orders"));

        // The description is text: the script in it shows and did not run.
        String description = browser.findElement(By.cssSelector("#details .desc")).getText();
        assertTrue(description.contains("<script>window.__injected = 1</script>"), description);
        assertTrue(description.contains("Grain"), "the doc() block is rendered: " + description);
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__injected;"));
        assertEquals(0, browser.findElements(By.cssSelector("#details .desc script, #details .desc img")).size());

        // Compiled SQL and catalog columns show.
        String sql = browser.findElement(By.id("compiled-sql")).getText();
        assertTrue(sql.contains("from orders join customers"), sql);
        assertTrue(sql.contains("\"warehouse\".\"main\".\"stg_orders\""), sql);
        String columns = browser.findElement(By.id("columns-table")).getText();
        assertTrue(columns.contains("order_id INTEGER"), columns);
        assertTrue(columns.contains("customer_name VARCHAR"), columns);
        List<WebElement> links = browser.findElements(By.cssSelector("#columns-table .desc a"));
        assertEquals(1, links.size(), "only the https link is a link");
        assertEquals("https://example.com/shop", links.get(0).getAttribute("href"));
        String tests = browser.findElement(By.id("columns-table")).getText();
        assertTrue(tests.contains("unique pass"), tests);
        assertTrue(tests.contains("not_null fail"), tests);

        // A test's page says what it checks and how it last ended.
        browser.findElement(By.xpath("//table[@id='columns-table']//a[text()='not_null']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#details h1"), "not_null_fct_orders"));
        String checks = browser.findElement(By.id("details")).getText();
        assertTrue(checks.contains("Test not_null") && checks.contains("Column order_id")
                && checks.contains("On fct_orders") && checks.contains("Last status fail"), checks);
        browser.navigate().back();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details h1"), "fct_orders"));

        // Column lineage names the upstream columns.
        String lineage = browser.findElement(By.id("lineage-table")).getText();
        assertTrue(lineage.contains("customer_name stg_customers.customer_name"), lineage);
        assertTrue(lineage.contains("amount stg_orders.amount"), lineage);

        // Follow an upstream link.
        browser.findElement(By.xpath("//ul[@id='upstream-list']//a[text()='stg_orders']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details h1"), "stg_orders"));
        assertTrue(browser.findElement(By.id("compiled-sql")).getText().contains("\"warehouse\".\"main\".\"raw_orders\""));
        assertTrue(browser.findElement(By.id("downstream-list")).getText().contains("fct_orders"));
        browser.findElement(By.xpath("//ul[@id='downstream-list']//a[text()='fct_orders']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details h1"), "fct_orders"));
        browser.findElement(By.xpath("//ul[@id='downstream-list']//a[text()='weekly_revenue']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details h1"), "weekly_revenue"));
        assertTrue(browser.findElement(By.id("details")).getText().contains("https://bi.example.com/dashboards/7"));

        // A dbt selection highlights the subgraph.
        WebElement selector = browser.findElement(By.id("selector"));
        selector.sendKeys("+fct_orders", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view-title"), "5 selected"));
        assertEquals(5, browser.findElements(By.cssSelector("#viewport .node:not(.dim)")).size());

        // Clicking a node of the graph opens its page.
        browser.findElement(By.cssSelector("#viewport .node[data-id='seed.shop.raw_orders']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details h1"), "raw_orders"));
        assertTrue(browser.findElement(By.id("columns-table")).getText().contains("amount_cents INTEGER"));

        // The column-level view of fct_orders.
        browser.get(url + "#!/model.shop.fct_orders");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("show-column-graph"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view-title"), "Column lineage of fct_orders"));
        assertTrue(browser.findElements(By.cssSelector("#viewport .coledge")).size() >= 4);

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", "docs-browser.png"), StandardCopyOption.REPLACE_EXISTING);

        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(entry.getMessage());
            }
        }
        assertEquals(List.of(), problems, "no script errors or policy violations in the console");
        List<String> requests = requestsOf(index);
        assertTrue(requests.stream().anyMatch(request -> request.startsWith(url)),
                "the performance log saw the page itself load: " + requests);
        assertEquals(List.of(), requests.stream()
                .filter(request -> !request.startsWith(url)).toList(), "the page fetches nothing else");
    }

    @Test
    void theSelectionBoxAgreesWithTheCommandLine() throws Exception {
        TestingDocsProject.create(dir);
        assertEquals(0, TestingCli.inProject(dir, "docs", "generate").exitCode());
        LoadedProject project = ProjectSession.open(new InvocationOptions(dir, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), false, Map.of(), dir), Log.silent());
        Selector selector = new Selector(project.graph());

        browser.get(dir.resolve("target/index.html").toUri().toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> "true".equals(driver.findElement(By.tagName("html")).getAttribute("data-ready")));
        WebElement box = browser.findElement(By.id("selector"));
        for (String selection : List.of("fct_orders", "stg_*", "+fct_orders", "fct_orders+", "1+fct_orders",
                "stg_orders+1", "@stg_orders", "tag:marts", "resource_type:seed", "config.materialized:table",
                "path:models/staging", "source:shop_events", "source:shop_events.clicks+", "shop.marts.*",
                "package:shop,resource_type:model", "stg_orders stg_customers", "+fct_orders,resource_type:seed",
                "resource_type:test", "nothing_like_this")) {
            int expected = selector.select(List.of(selection), List.of(), IndirectSelection.EMPTY).size();
            box.clear();
            box.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("view-title"),
                    "selected")));
            box.sendKeys(selection, Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view-title"),
                    " \u00b7 " + expected + " selected"));
            assertFalse(box.getAttribute("class").contains("invalid"), selection);
        }
        box.clear();
        box.sendKeys("colour:blue", Keys.ENTER);
        wait.until(driver -> box.getAttribute("class").contains("invalid"));
        assertEquals("unknown selector method 'colour'", box.getAttribute("title"));
    }

    @Test
    void aTenThousandModelProjectOpensAndDrawsTheNeighbourhoodOfWhatIsSearched() throws Exception {
        TestingBigProject.create(dir, 10_000);
        TestingCli.Outcome outcome = TestingCli.inProject(dir, "docs", "generate");
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().contains("Docs of 10100 nodes written to"), outcome.out());

        browser.get(dir.resolve("target/index.html").toUri().toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(driver -> "true".equals(driver.findElement(By.tagName("html")).getAttribute("data-ready")));
        String note = browser.findElement(By.id("big-graph-note")).getText();
        assertTrue(note.startsWith("This project has 10,100 nodes matching the filters, too many to draw at once"), note);

        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("int_4242", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details h1"), "int_4242"));
        int drawn = browser.findElements(By.cssSelector("#viewport .node")).size();
        assertTrue(drawn >= 3 && drawn <= 1500, drawn + " nodes drawn");
        assertEquals(1, browser.findElements(By.cssSelector("#viewport .node.focus[data-id='model.shop.int_4242']"))
                .size(), "the searched model is drawn and marked");
        assertTrue(browser.findElement(By.id("big-graph-note")).getText()
                .contains("Showing the neighbourhood (2 hops) of int_4242."));

        // Still responsive: a selection over thousands of nodes is evaluated and drawn capped.
        WebElement selector = browser.findElement(By.id("selector"));
        browser.findElement(By.id("close-details")).click();
        selector.sendKeys("tag:marts", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view-title"), "3,000 selected"));
        assertTrue(browser.findElements(By.cssSelector("#viewport .node")).size() <= 1500);
    }

    /** A run_results.json giving the generic tests of fct_orders.order_id the status of their test name. */
    private void writeRunResults(Map<String, String> statusByTestName) throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("target/manifest.json").toFile());
        List<String> results = new ArrayList<>();
        manifest.get("nodes").fields().forEachRemaining(entry -> {
            JsonNode meta = entry.getValue().path("test_metadata");
            String status = statusByTestName.get(meta.path("name").asText());
            if (status != null && "order_id".equals(entry.getValue().path("column_name").asText())) {
                results.add("{\"unique_id\": \"" + entry.getKey() + "\", \"status\": \"" + status + "\"}");
            }
        });
        assertEquals(statusByTestName.size(), results.size(), "tests found in the manifest");
        Files.writeString(dir.resolve("target/run_results.json"), "{\"metadata\": {\"invocation_id\": \"x\"}, "
                + "\"results\": [" + String.join(", ", results) + "]}");
    }

    /**
     * From Chrome's performance log: every request of the page's document (the page file itself
     * among them), and any request to the network at all (Chrome's own new-tab page loads
     * chrome:// resources before the test navigates; those are not the page's).
     */
    private List<String> requestsOf(Path index) throws Exception {
        List<String> others = new ArrayList<>();
        String page = index.toUri().toString();
        ObjectMapper json = new ObjectMapper();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if (!"Network.requestWillBeSent".equals(message.path("method").asText())) {
                continue;
            }
            String document = message.path("params").path("documentURL").asText();
            String requested = message.path("params").path("request").path("url").asText();
            boolean fromPage = document.startsWith(page);
            boolean network = requested.matches("(?i)(https?|wss?|ftp)://.*");
            if (fromPage || network) {
                others.add(requested);
            }
        }
        return others;
    }
}
