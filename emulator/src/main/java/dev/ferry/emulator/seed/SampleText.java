package dev.ferry.emulator.seed;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The word pools generated rows draw from: people's names, companies, cities with their country,
 * postal code, dialling code and coordinates, streets, job titles and descriptions. About a fifth
 * of the entries are non-ASCII (accents, other scripts) and some descriptions carry emoji, so that
 * a migration has to carry any Unicode text unchanged. Each entry is one shared String instance,
 * which keeps a million generated rows small.
 */
final class SampleText {
    static final String[] FIRST_NAMES = {
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Margaret", "Paul", "Sandra",
        "Steven", "Ashley", "Andrew", "Emily", "Kenneth", "Donna", "Joshua", "Michelle", "Kevin", "Carol",
        "Priya", "Arjun", "Fatima", "Omar", "Hannah", "Lukas", "Emma", "Noah", "Olivia", "Liam",
        "José", "Zoë", "François", "Łukasz", "Søren", "Chloé", "Björn", "Aïsha", "Ólafur", "Renée",
        "Jürgen", "Mónica", "Nuño", "Çağla", "Václav", "Miloš", "Ngọc", "Yūki", "伟", "娜",
        "翔太", "さくら", "민준", "서연", "Дмитрий", "Анна", "Σοφία", "Νίκος", "أحمد", "Zoë-Marie"
    };
    static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker",
        "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
        "Patel", "Khan", "Schmidt", "Fischer", "Rossi", "Bianchi", "Jansen", "de Vries", "O'Brien", "McDonald",
        "Müller", "García", "Núñez", "Østergård", "Kowalski", "Nguyễn", "Gonçalves", "Åberg", "Lefèvre", "Šimková",
        "Jørgensen", "Pérez", "Öztürk", "Dvořáková", "Żak", "Đặng", "王", "李", "佐藤", "鈴木",
        "김", "박", "Иванов", "Смирнова", "Παπαδόπουλος", "حسن", "van der Berg", "Ó Súilleabháin", "Brontë", "Núñez-Ríos"
    };
    static final String[] COMPANIES = {
        "Contoso", "Fabrikam", "Adventure Works", "Northwind Traders", "Tailspin Toys", "Wingtip Toys",
        "Litware", "Proseware", "Woodgrove Bank", "Alpine Ski House", "Blue Yonder Airlines", "Coho Winery",
        "Fourth Coffee", "Lucerne Publishing", "Margie's Travel", "Trey Research", "Wide World Importers",
        "Graphic Design Institute", "School of Fine Art", "City Power & Light", "Humongous Insurance",
        "Relecloud", "Southridge Video", "VanArsdel", "Consolidated Messenger", "Lamna Healthcare",
        "Munson's Pickles and Preserves Farm", "Nod Publishers", "Datum Corporation", "Bellows College",
        "Café Zürich", "Société Générale du Nord", "Ñandú Exportaciones", "Øresund Logistik", "Škoda Díly",
        "Müller & Söhne", "Crème Brûlée Bakery", "Łódź Elektronik", "Ålesund Fisk", "İstanbul Tekstil",
        "東京精密", "北京科技", "서울 전자", "Москва Трейд", "Αθήνα Ναυτιλιακή", "São Paulo Agro"
    };
    static final String[] COMPANY_SUFFIXES = {
        "Ltd", "Inc.", "GmbH", "S.A.", "AG", "LLC", "B.V.", "K.K.", "AS", "plc", "S.p.A.", "有限公司", "Corp."
    };
    static final City[] CITIES = {
        new City("Seattle", "United States", "98101", "+1 206", 47.6062, -122.3321),
        new City("Redmond", "United States", "98052", "+1 425", 47.6740, -122.1215),
        new City("New York", "United States", "10001", "+1 212", 40.7128, -74.0060),
        new City("Chicago", "United States", "60601", "+1 312", 41.8781, -87.6298),
        new City("Toronto", "Canada", "M5H 2N2", "+1 416", 43.6532, -79.3832),
        new City("Montréal", "Canada", "H2Y 1C6", "+1 514", 45.5017, -73.5673),
        new City("London", "United Kingdom", "EC1A 1BB", "+44 20", 51.5074, -0.1278),
        new City("Dublin", "Ireland", "D02 X285", "+353 1", 53.3498, -6.2603),
        new City("Paris", "France", "75001", "+33 1", 48.8566, 2.3522),
        new City("Zürich", "Schweiz", "8001", "+41 44", 47.3769, 8.5417),
        new City("München", "Deutschland", "80331", "+49 89", 48.1351, 11.5820),
        new City("Kraków", "Polska", "31-001", "+48 12", 50.0647, 19.9450),
        new City("København", "Danmark", "1050", "+45", 55.6761, 12.5683),
        new City("Reykjavík", "Ísland", "101", "+354", 64.1466, -21.9426),
        new City("São Paulo", "Brasil", "01000-000", "+55 11", -23.5505, -46.6333),
        new City("Ciudad de México", "México", "06000", "+52 55", 19.4326, -99.1332),
        new City("東京", "日本", "100-0001", "+81 3", 35.6762, 139.6503),
        new City("北京", "中国", "100000", "+86 10", 39.9042, 116.4074),
        new City("서울", "대한민국", "04524", "+82 2", 37.5665, 126.9780),
        new City("Sydney", "Australia", "2000", "+61 2", -33.8688, 151.2093),
        new City("Bengaluru", "India", "560001", "+91 80", 12.9716, 77.5946),
        new City("Cape Town", "South Africa", "8001", "+27 21", -33.9249, 18.4241),
        new City("İstanbul", "Türkiye", "34000", "+90 212", 41.0082, 28.9784),
        new City("Αθήνα", "Ελλάδα", "105 57", "+30 21", 37.9838, 23.7275)
    };
    static final String[] STREETS = {
        "Main Street", "1st Avenue", "Microsoft Way", "Pine Street", "Oak Lane", "Harbour Road", "Bahnhofstraße",
        "Rue de Rivoli", "Calle Mayor", "Via Roma", "Østergade", "ulica Floriańska", "Rua Augusta", "銀座通り"
    };
    static final String[] JOB_TITLES = {
        "Purchasing Manager", "Sales Director", "Chief Executive Officer", "IT Administrator", "Buyer",
        "Marketing Specialist", "Operations Lead", "Account Executive", "Chief Financial Officer",
        "Project Manager", "Office Manager", "Software Engineer", "Directeur général", "Geschäftsführerin",
        "営業部長", "Jefa de Compras"
    };
    static final String[] PRODUCTS = {
        "2 Bikes", "10 Printers", "Cloud Migration", "Annual Support Contract", "Office Furniture", "Espresso Machines",
        "Fleet Renewal", "Data Platform Licences", "Training Package", "Solar Panels", "Café équipement",
        "Kühlsysteme", "ソフトウェア更新", "Consulting Hours"
    };
    static final String[] TEAM_WORDS = {"Sales", "Service", "Marketing", "Finance", "Support", "Partners", "Vertrieb"};
    static final String[] WORDS = {
        "account", "contract", "renewal", "invoice", "shipment", "order", "quote", "service", "support", "meeting",
        "follow-up", "priority", "customer", "partner", "pricing", "delivery", "warranty", "upgrade", "pilot",
        "proposal", "budget", "review", "signed", "pending", "approved", "urgent", "quarterly", "regional",
        "naïve", "café", "façade", "résumé", "über", "smörgåsbord", "straße", "jalapeño", "crème", "fiancée"
    };
    static final String[] DESCRIPTIONS = {
        "Long-standing customer; renewal due next quarter.",
        "Met at the trade show, interested in a pilot.",
        "Prefers e-mail; do not call before 10am.",
        "Key account for the northern region.",
        "Invoice disputed in March, resolved in April.",
        "Referred by an existing partner.",
        "Asked for a quote for 200 seats.",
        "Line one\nLine two\r\nLine three\ttabbed",
        "Quotes \"double\" and 'single', backslash \\ and slash /.",
        "Kundin seit 2015, sehr zufrieden mit dem Service.",
        "Client fidèle — préfère être contacté le matin.",
        "Cliente importante; reunión mensual en Madrid.",
        "重要な顧客です。毎月の定例会議があります。",
        "长期合作伙伴，下季度续约。",
        "중요 고객, 분기별 검토 예정.",
        "Важный клиент, продление в следующем квартале.",
        "Great pilot results 🚀 — expanding to 3 sites ✨",
        "Coffee ☕ with the buyer went well 👍",
        "Deal closed 🎉🎉 ahead of schedule.",
        "Zero-width joiner family 👨‍👩‍👧 and flag 🇨🇭 test."
    };

    /** A city with the facts that go with it. */
    record City(String name, String country, String postalCode, String dialling, double latitude, double longitude) {
    }

    private SampleText() {
    }

    /** A lower-case ASCII form for e-mail addresses and logins; empty when nothing ASCII is left. */
    static String slug(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toLowerCase(decomposed.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c == 'ø') {
                sb.append('o');
            } else if (c == 'ł') {
                sb.append('l');
            } else if (c == 'ß') {
                sb.append("ss");
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Text of exactly {@code length} UTF-16 units (one less when the last character would be cut
     * in half), made of words and descriptions so that it holds Unicode and emoji too.
     */
    static String longText(int length, int variant) {
        StringBuilder sb = new StringBuilder(length + 64);
        int i = variant;
        while (sb.length() < length) {
            sb.append(i % 7 == 0 ? DESCRIPTIONS[i % DESCRIPTIONS.length] : WORDS[i % WORDS.length]).append(' ');
            i += 3;
        }
        String text = cut(sb.toString(), length);
        // A value ending in a space would read as a trimming bug when compared after a migration.
        return text.endsWith(" ") ? text.substring(0, text.length() - 1) + "." : text;
    }

    /** The first {@code max} UTF-16 units of {@code s}, never splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (max <= 0 || s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
