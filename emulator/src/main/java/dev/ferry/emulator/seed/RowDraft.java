package dev.ferry.emulator.seed;

import java.util.SplittableRandom;

/**
 * The row being generated: its random stream, its number, and the person, company and city it is
 * about, so that its columns agree with each other (the e-mail address is the person's, the
 * telephone number has the city's dialling code).
 */
final class RowDraft {
    final SplittableRandom random;
    /** 1-based number of the row among its table's rows, those already stored included. */
    long number;
    int first;
    int last;
    int company;
    int companySuffix;
    int city;

    RowDraft(SplittableRandom random) {
        this.random = random;
    }

    /** Starts the next row: picks who and where it is about. */
    void next(long rowNumber) {
        number = rowNumber;
        first = random.nextInt(SampleText.FIRST_NAMES.length);
        last = random.nextInt(SampleText.LAST_NAMES.length);
        company = random.nextInt(SampleText.COMPANIES.length);
        companySuffix = random.nextInt(SampleText.COMPANY_SUFFIXES.length);
        city = random.nextInt(SampleText.CITIES.length);
    }

    String firstName() {
        return SampleText.FIRST_NAMES[first];
    }

    String lastName() {
        return SampleText.LAST_NAMES[last];
    }

    SampleText.City city() {
        return SampleText.CITIES[city];
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
