package dev.model.ingest.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/** Customers with realistic names and cities from datafaker, in the shop's countries; ids 1..count. */
public final class Customers {

    private record Country(String code, Locale locale) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("FR", Locale.FRANCE), new Country("FR", Locale.FRANCE), new Country("FR", Locale.FRANCE),
            new Country("BE", Locale.forLanguageTag("fr-BE")), new Country("CH", Locale.forLanguageTag("fr-CH")),
            new Country("DE", Locale.GERMANY), new Country("ES", Locale.forLanguageTag("es-ES")),
            new Country("IT", Locale.ITALY), new Country("NL", Locale.forLanguageTag("nl-NL")));

    /** Acquisition channels, as the marketing pipelines name them. */
    public static final List<String> CHANNELS = List.of("paid_search", "social", "email", "affiliate", "direct", "referral");

    private Customers() {
    }

    public static List<Customer> generate(int count, long seed) {
        Random random = new Random(seed ^ 0xC057L);
        List<Faker> fakers = new ArrayList<>();
        for (Country country : COUNTRIES) {
            fakers.add(new Faker(country.locale(), new Random(seed ^ country.locale().hashCode())));
        }
        LocalDate firstSignup = LocalDate.of(2024, 1, 1);
        List<Customer> customers = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            int c = random.nextInt(COUNTRIES.size());
            Faker faker = fakers.get(c);
            String first = faker.name().firstName();
            String last = faker.name().lastName();
            String email = (ascii(first) + "." + ascii(last) + id + "@example.com").toLowerCase(Locale.ROOT);
            customers.add(new Customer(id, first, last, email, faker.address().city(), COUNTRIES.get(c).code(),
                    firstSignup.plusDays(random.nextInt(540)), CHANNELS.get(random.nextInt(CHANNELS.size()))));
        }
        return customers;
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }
}
