package dev.model.ingest.generate;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.ingest.event.Catalogue;
import dev.model.ingest.event.Customer;
import dev.model.ingest.event.Customers;
import dev.model.ingest.event.Product;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * The shop's history as seed CSVs (customers, products, orders, order_lines), with the columns of
 * the example project's seeds; the same seed gives the same files, and the same customers and
 * products as the event stream of that seed. Timestamps are UTC, prices in cents.
 */
public final class HistoryExport {

    /** Historical order ids start here (the stream's start at 1,000,001). */
    public static final int FIRST_ORDER_ID = 1001;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] STATUSES = {"placed", "paid", "shipped", "delivered", "delivered", "delivered",
            "delivered", "returned", "cancelled"};
    private static final String[] METHODS = {"card", "card", "paypal", "apple_pay", "gift_card"};
    private static final String[] SALES_CHANNELS = {"web", "web", "app", "marketplace"};

    public record Counts(int customers, int products, int orders, int orderLines) {
    }

    private HistoryExport() {
    }

    public static Counts write(Path out, int customerCount, int productCount, int orderCount, long seed) {
        try {
            Files.createDirectories(out);
            List<Customer> customers = Customers.generate(customerCount, seed);
            List<Product> products = Catalogue.generate(productCount, seed).products();
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve("customers.csv"), StandardCharsets.UTF_8)) {
                line(w, "customer_id", "first_name", "last_name", "email", "city", "country_code", "signup_date",
                        "acquisition_channel");
                for (Customer c : customers) {
                    line(w, c.customerId(), c.firstName(), c.lastName(), c.email(), c.city(), c.countryCode(),
                            c.signupDate(), c.acquisitionChannel());
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve("products.csv"), StandardCharsets.UTF_8)) {
                line(w, "product_id", "sku", "brand", "model", "category", "color", "size", "list_price_cents", "is_active");
                for (Product p : products) {
                    line(w, p.productId(), p.sku(), p.brand(), p.model(), p.category(), p.colour(), p.size(),
                            p.listPriceCents(), p.active());
                }
            }
            Random random = new Random(seed ^ 0x0D0E5L);
            LocalDateTime opened = LocalDateTime.of(2025, 1, 1, 0, 0);
            int lines = 0;
            try (BufferedWriter orders = Files.newBufferedWriter(out.resolve("orders.csv"), StandardCharsets.UTF_8);
                 BufferedWriter orderLines = Files.newBufferedWriter(out.resolve("order_lines.csv"), StandardCharsets.UTF_8)) {
                line(orders, "order_id", "customer_id", "ordered_at", "status", "payment_method", "sales_channel",
                        "shipping_cents", "currency");
                line(orderLines, "order_line_id", "order_id", "product_id", "quantity", "unit_price_cents", "discount_cents");
                for (int i = 0; i < orderCount; i++) {
                    int orderId = FIRST_ORDER_ID + i;
                    Customer customer = customers.get(random.nextInt(customers.size()));
                    LocalDateTime at = opened.plusMinutes((long) i * 300 / Math.max(1, orderCount / 100 + 1)
                            + random.nextInt(240));
                    line(orders, orderId, customer.customerId(), at.format(TIMESTAMP),
                            STATUSES[random.nextInt(STATUSES.length)], METHODS[random.nextInt(METHODS.length)],
                            SALES_CHANNELS[random.nextInt(SALES_CHANNELS.length)], random.nextInt(3) == 0 ? 0 : 695,
                            customer.countryCode().equals("CH") ? "CHF" : "EUR");
                    int count = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
                    for (int l = 0; l < count; l++) {
                        Product p = products.get(random.nextInt(products.size()));
                        int quantity = 1 + (random.nextInt(10) < 8 ? 0 : 1);
                        int discount = random.nextInt(8) == 0 ? p.listPriceCents() * quantity / 10 : 0;
                        line(orderLines, ++lines, orderId, p.productId(), quantity, p.listPriceCents(), discount);
                    }
                }
            }
            return new Counts(customers.size(), products.size(), orderCount, lines);
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.USAGE, "Could not write the CSVs to " + out + ": " + e.getMessage(), null, e);
        }
    }

    private static void line(BufferedWriter writer, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            String text = String.valueOf(values[i]);
            if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            writer.write(text);
        }
        writer.write('\n');
    }
}
