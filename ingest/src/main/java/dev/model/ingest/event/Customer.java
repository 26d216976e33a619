package dev.model.ingest.event;

import java.time.LocalDate;

/** A shop customer, as the historical CSVs and the {@code customer} object of order events show it. */
public record Customer(int customerId, String firstName, String lastName, String email, String city,
                       String countryCode, LocalDate signupDate, String acquisitionChannel) {

    public String name() {
        return firstName + " " + lastName;
    }
}
