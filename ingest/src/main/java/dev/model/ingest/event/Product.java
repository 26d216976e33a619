package dev.model.ingest.event;

/** One sellable variant of the catalogue: a model in one colour and size. Prices in cents. */
public record Product(int productId, String sku, String brand, String model, String category, String colour,
                      String size, int listPriceCents, boolean active) {
}
