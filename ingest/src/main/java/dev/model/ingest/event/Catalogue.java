package dev.model.ingest.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The shop's catalogue: the brands and models the pipelines people write by hand sell (Nike Air
 * Max, Adidas Ultraboost, New Balance 550, ...), plus hoodies and tees, in colours and sizes.
 * Deterministic for a seed: the historical CSVs and the event stream of the same seed agree on ids.
 */
public final class Catalogue {

    private record Line(String brand, String model, String category, int priceCents, String[] sizes) {
    }

    private static final String[] SHOE_SIZES = {"38", "39", "40", "41", "42", "43", "44", "45"};
    private static final String[] CLOTHING_SIZES = {"XS", "S", "M", "L", "XL"};
    private static final String[] COLOURS = {"White", "Black", "Grey", "Navy", "Red", "Beige", "Green"};

    private static final List<Line> LINES = List.of(
            new Line("Nike", "Air Max 90", "sneakers", 14000, SHOE_SIZES),
            new Line("Nike", "Air Force 1", "sneakers", 11000, SHOE_SIZES),
            new Line("Adidas", "Ultraboost", "running", 18000, SHOE_SIZES),
            new Line("Adidas", "Samba", "sneakers", 10000, SHOE_SIZES),
            new Line("New Balance", "550", "sneakers", 13000, SHOE_SIZES),
            new Line("New Balance", "9060", "sneakers", 16000, SHOE_SIZES),
            new Line("Converse", "Chuck 70", "sneakers", 9000, SHOE_SIZES),
            new Line("Vans", "Old Skool", "sneakers", 7500, SHOE_SIZES),
            new Line("Asics", "Gel-Kayano 30", "running", 17000, SHOE_SIZES),
            new Line("Puma", "Suede", "sneakers", 8000, SHOE_SIZES),
            new Line("Salomon", "XT-6", "trail", 19000, SHOE_SIZES),
            new Line("Nike", "Club Hoodie", "hoodies", 6000, CLOTHING_SIZES),
            new Line("Adidas", "Trefoil Hoodie", "hoodies", 7000, CLOTHING_SIZES),
            new Line("Carhartt WIP", "Chase Hoodie", "hoodies", 9500, CLOTHING_SIZES),
            new Line("Nike", "Sportswear Tee", "tees", 3000, CLOTHING_SIZES),
            new Line("Vans", "Classic Tee", "tees", 2500, CLOTHING_SIZES));

    private final List<Product> products;

    private Catalogue(List<Product> products) {
        this.products = List.copyOf(products);
    }

    /** {@code count} products (ids 1..count), spread over every line before any repeats a colour. */
    public static Catalogue generate(int count, long seed) {
        Random random = new Random(seed ^ 0x5EEDCA7AL);
        List<Product> products = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            Line line = LINES.get((id - 1) % LINES.size());
            String colour = COLOURS[((id - 1) / LINES.size() + random.nextInt(2)) % COLOURS.length];
            String size = line.sizes()[random.nextInt(line.sizes().length)];
            String sku = (line.brand().replaceAll("[^A-Za-z]", "").substring(0, 3) + "-"
                    + line.model().replaceAll("[^A-Za-z0-9]", "") + "-" + colour.substring(0, 3) + "-" + size + "-" + id)
                    .toUpperCase(Locale.ROOT);
            boolean active = random.nextInt(20) != 0;
            products.add(new Product(id, sku, line.brand(), line.model(), line.category(), colour, size,
                    line.priceCents(), active));
        }
        return new Catalogue(products);
    }

    public List<Product> products() {
        return products;
    }

    public Product pick(Random random) {
        return products.get(random.nextInt(products.size()));
    }
}
