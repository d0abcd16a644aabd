package dev.ferry.emulator.seed;

/**
 * Text derived from the sample pools, computed once per pool entry so that generated rows share
 * the instances: company names with their suffix, ASCII slugs for addresses, subjects.
 */
final class Words {
    static final String[] COMPANY_NAMES = companyNames();
    static final String[] COMPANY_SLUGS = slugs(SampleText.COMPANIES, "company");
    static final String[] FIRST_SLUGS = slugs(SampleText.FIRST_NAMES, "user");
    static final String[] LAST_SLUGS = slugs(SampleText.LAST_NAMES, "person");
    static final String[] WEBSITES = prefixed("https://www.", COMPANY_SLUGS, ".example");
    static final String[] SUBJECTS = prefixed("Interested in ", SampleText.PRODUCTS, "");
    /** The domain of generated logins (systemuser.domainname). */
    static final String LOGIN_DOMAIN = "@ferry.onmicrosoft.com";

    private Words() {
    }

    static String companyName(RowDraft row) {
        return COMPANY_NAMES[row.company * SampleText.COMPANY_SUFFIXES.length + row.companySuffix];
    }

    private static String[] companyNames() {
        String[] names = new String[SampleText.COMPANIES.length * SampleText.COMPANY_SUFFIXES.length];
        for (int c = 0; c < SampleText.COMPANIES.length; c++) {
            for (int s = 0; s < SampleText.COMPANY_SUFFIXES.length; s++) {
                names[c * SampleText.COMPANY_SUFFIXES.length + s] =
                        SampleText.COMPANIES[c] + " " + SampleText.COMPANY_SUFFIXES[s];
            }
        }
        return names;
    }

    private static String[] slugs(String[] words, String fallback) {
        String[] slugs = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            String s = SampleText.slug(words[i]);
            slugs[i] = s.isEmpty() ? fallback : s;
        }
        return slugs;
    }

    private static String[] prefixed(String prefix, String[] words, String suffix) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = prefix + words[i] + suffix;
        }
        return out;
    }
}
