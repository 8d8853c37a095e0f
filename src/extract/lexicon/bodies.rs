//! Named organizations that news writing refers to by fixed names: government
//! bodies, international organizations, and a few well-known companies, media
//! and groups that carry no head word (`Chainalysis`, `Reuters`, `Lazarus`).
//!
//! Each entry has the canonical name, its type (docs/record.md), the
//! country it belongs to (kept filled for government bodies, so the events step
//! can map an acting body to its country: OFAC and the Treasury act for the
//! United States), and the other surface forms that mean it. A country prefix
//! (`U.S. Treasury`, `South Korean Foreign Ministry`) is handled by the entity
//! rules, not listed here. Matching is case-sensitive.
//!
//! Organizations with a head word (`... Bank`, `Ministry of ...`) need no entry:
//! the name-shape rules find them. An entry earns its place when the name has
//! no head (`Treasury`, `Kremlin`), when its type differs from its head's
//! (`Security Council` is an international organization, not a government
//! body), or when it has aliases worth tying together (`FBI`).

use crate::record::EntityType;
use EntityType::{Company, GovernmentBody as Gov, Group, InternationalOrg as Io, Organization as Org};

/// One named organization of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Body {
    pub name: &'static str,
    pub kind: EntityType,
    /// ISO 3166 alpha-2 code of the country the body belongs to.
    pub country: Option<&'static str>,
    pub aliases: &'static [&'static str],
}

const fn b(
    name: &'static str,
    kind: EntityType,
    country: Option<&'static str>,
    aliases: &'static [&'static str],
) -> Body {
    Body {
        name,
        kind,
        country,
        aliases,
    }
}

const US: Option<&str> = Some("US");
const GB: Option<&str> = Some("GB");
const KP: Option<&str> = Some("KP");
const KR: Option<&str> = Some("KR");
const RU: Option<&str> = Some("RU");
const IR: Option<&str> = Some("IR");
const CN: Option<&str> = Some("CN");

/// Names of the table that also name people or things (`Michael
/// Bloomberg`), or other bodies inside longer names (`National People's
/// Congress`, `Kentucky General Assembly`, `Japanese Foreign Office`): they
/// count only when no capitalised word stands next to them.
pub const AMBIGUOUS_NAMES: &[&str] = &[
    "Bloomberg",
    "Telegram",
    "Tether",
    "Elliptic",
    "Congress",
    "Wagner",
    "Fed",
    "Security Council",
    "General Assembly",
    "Foreign Office",
    "Home Office",
    "National Assembly",
    "Lazarus",
];

pub const BODIES: &[Body] = &[
    // United States.
    b(
        "Department of the Treasury",
        Gov,
        US,
        &[
            "Treasury Department",
            "Department of Treasury",
            "Treasury Dept.",
            "Treasury",
        ],
    ),
    b("Office of Foreign Assets Control", Gov, US, &["OFAC"]),
    b("Office of Terrorism and Financial Intelligence", Gov, US, &[]),
    b("Financial Crimes Enforcement Network", Gov, US, &["FinCEN"]),
    b("Department of State", Gov, US, &["State Department", "State Dept."]),
    b("Department of Commerce", Gov, US, &["Commerce Department"]),
    b("Bureau of Industry and Security", Gov, US, &[]),
    b("Department of Justice", Gov, US, &["Justice Department", "DOJ"]),
    b(
        "Department of Homeland Security",
        Gov,
        US,
        &["DHS", "Homeland Security Department"],
    ),
    b("Department of Defense", Gov, US, &["Defense Department", "Pentagon"]),
    b("Department of Energy", Gov, US, &["Energy Department"]),
    b("Federal Bureau of Investigation", Gov, US, &["FBI"]),
    b("National Aeronautics and Space Administration", Gov, US, &["NASA"]),
    b("Central Intelligence Agency", Gov, US, &["CIA"]),
    b(
        "National Security Council",
        Gov,
        US,
        &["White House National Security Council", "NSC"],
    ),
    b("White House", Gov, US, &[]),
    b("Congress", Gov, US, &[]),
    b("House of Representatives", Gov, US, &[]),
    b("Securities and Exchange Commission", Gov, US, &["SEC"]),
    b("Federal Reserve", Gov, US, &["Federal Reserve Board", "Fed"]),
    b("Internal Revenue Service", Gov, US, &["IRS"]),
    b("Drug Enforcement Administration", Gov, US, &["DEA"]),
    b("Cybersecurity and Infrastructure Security Agency", Gov, US, &["CISA"]),
    b("Customs and Border Protection", Gov, US, &["CBP"]),
    b("Centers for Disease Control and Prevention", Gov, US, &["CDC"]),
    b("Food and Drug Administration", Gov, US, &["FDA"]),
    b("Environmental Protection Agency", Gov, US, &["EPA"]),
    b("Federal Aviation Administration", Gov, US, &["FAA"]),
    b("Federal Communications Commission", Gov, US, &["FCC"]),
    b("Federal Trade Commission", Gov, US, &["FTC"]),
    b("National Institutes of Health", Gov, US, &["NIH"]),
    b("National Security Agency", Gov, US, &["NSA"]),
    // United Kingdom.
    b(
        "HM Treasury",
        Gov,
        GB,
        &["Her Majesty's Treasury", "His Majesty's Treasury"],
    ),
    b("Office of Financial Sanctions Implementation", Gov, GB, &["OFSI"]),
    b(
        "Foreign, Commonwealth and Development Office",
        Gov,
        GB,
        &["Foreign, Commonwealth & Development Office", "FCDO", "Foreign Office"],
    ),
    b("Home Office", Gov, GB, &[]),
    b("National Crime Agency", Gov, GB, &[]),
    b("House of Commons", Gov, GB, &[]),
    b("House of Lords", Gov, GB, &[]),
    b("Downing Street", Gov, GB, &[]),
    // The Koreas, Japan, China, Russia, Iran.
    b("National Intelligence Service", Gov, KR, &[]),
    b("National Assembly", Gov, None, &[]),
    b("Bank of Korea", Gov, KR, &[]),
    b("Workers' Party of Korea", Group, KP, &["WPK", "Korean Workers' Party"]),
    b("Reconnaissance General Bureau", Gov, KP, &[]),
    b("Korean People's Army", Gov, KP, &["KPA"]),
    b("Korean Central News Agency", Org, KP, &["KCNA"]),
    b("Kremlin", Gov, RU, &[]),
    b("State Duma", Gov, RU, &["Duma"]),
    b("Central Bank of Russia", Gov, RU, &["Bank of Russia"]),
    b("Federal Security Service", Gov, RU, &["FSB"]),
    b("GRU", Gov, RU, &[]),
    b("Wagner Group", Group, RU, &["Wagner"]),
    b(
        "Islamic Revolutionary Guard Corps",
        Gov,
        IR,
        &[
            "IRGC",
            "Revolutionary Guards",
            "Revolutionary Guard Corps",
            "Revolutionary Guard",
        ],
    ),
    b(
        "IRGC-QF",
        Gov,
        IR,
        &["IRGC Quds Force", "Quds Force", "IRGC-Quds Force"],
    ),
    b("Central Bank of Iran", Gov, IR, &[]),
    b("National Iranian Oil Company", Company, IR, &["NIOC"]),
    b("Ministry of Commerce of China", Gov, CN, &["MOFCOM"]),
    b("People's Bank of China", Gov, CN, &["PBOC"]),
    b(
        "Chinese Communist Party",
        Group,
        CN,
        &["Communist Party of China", "CCP", "CPC"],
    ),
    // International organizations and their organs.
    b("European Union", Io, None, &["EU", "E.U."]),
    b(
        "Council of the European Union",
        Io,
        None,
        &["Council of the EU", "EU Council"],
    ),
    b("European Council", Io, None, &[]),
    b("European Commission", Io, None, &["EU Commission"]),
    b("European Parliament", Io, None, &[]),
    b("European Central Bank", Io, None, &["ECB"]),
    b("United Nations", Io, None, &["UN", "U.N."]),
    b(
        "United Nations Security Council",
        Io,
        None,
        &[
            "UN Security Council",
            "U.N. Security Council",
            "UNSC",
            "Security Council",
        ],
    ),
    b(
        "United Nations General Assembly",
        Io,
        None,
        &[
            "UN General Assembly",
            "U.N. General Assembly",
            "UNGA",
            "General Assembly",
        ],
    ),
    b("International Atomic Energy Agency", Io, None, &["IAEA"]),
    b("North Atlantic Treaty Organization", Io, None, &["NATO"]),
    b("Group of Seven", Io, None, &["G7", "G-7"]),
    b("Group of 20", Io, None, &["G20", "G-20"]),
    b("International Monetary Fund", Io, None, &["IMF"]),
    b("World Bank", Io, None, &[]),
    b("World Trade Organization", Io, None, &["WTO"]),
    b("Financial Action Task Force", Io, None, &["FATF"]),
    b("Organization of the Petroleum Exporting Countries", Io, None, &["OPEC"]),
    b("Association of Southeast Asian Nations", Io, None, &["ASEAN"]),
    b("African Union", Io, None, &[]),
    b("Interpol", Io, None, &["INTERPOL"]),
    b(
        "Organization for Security and Co-operation in Europe",
        Io,
        None,
        &["OSCE"],
    ),
    b("World Health Organization", Io, None, &[]),
    b("Eurogroup", Io, None, &[]),
    b("UNICEF", Io, None, &[]),
    b("UNESCO", Io, None, &[]),
    b("UNHCR", Io, None, &[]),
    // Exchanges named without a head word.
    b("Nasdaq", Company, US, &["NASDAQ"]),
    b("New York Stock Exchange", Company, US, &["NYSE"]),
    // Armed and hacking groups.
    b("Lazarus Group", Group, KP, &["Lazarus", "Hidden Cobra"]),
    b("Kimsuky", Group, KP, &[]),
    b("Andariel", Group, KP, &[]),
    b("BlueNoroff", Group, KP, &[]),
    b("APT38", Group, KP, &[]),
    b("Hezbollah", Group, Some("LB"), &["Hizballah"]),
    b("Hamas", Group, Some("PS"), &[]),
    b("Houthis", Group, Some("YE"), &["Ansarallah"]),
    b("Taliban", Group, Some("AF"), &[]),
    b("Islamic State", Group, None, &["ISIS", "ISIL"]),
    b("al-Qaeda", Group, None, &["al-Qaida", "Al-Qaeda", "Al Qaeda"]),
    // Media.
    b("Reuters", Org, None, &[]),
    b("Associated Press", Org, None, &["AP"]),
    b("Agence France-Presse", Org, None, &["AFP"]),
    b("Bloomberg", Org, None, &[]),
    b("BBC", Org, None, &[]),
    b("CNN", Org, None, &[]),
    b("Al Jazeera", Org, None, &[]),
    b("Yonhap", Org, None, &["Yonhap News Agency", "Yonhap News"]),
    b("Kyodo", Org, None, &["Kyodo News"]),
    b("NHK", Org, None, &[]),
    b("Xinhua", Org, None, &[]),
    b("TASS", Org, None, &[]),
    b("Voice of America", Org, None, &["VOA"]),
    b("Radio Free Asia", Org, None, &["RFA"]),
    b("ITV", Org, None, &["ITV News"]),
    b("Sky News", Org, None, &[]),
    b("Iran International", Org, None, &[]),
    b("NK News", Org, None, &[]),
    b("Financial Times", Org, None, &[]),
    b("Wall Street Journal", Org, None, &[]),
    b("New York Times", Org, None, &[]),
    b("Washington Post", Org, None, &[]),
    b("CoinDesk", Org, None, &[]),
    b("Cointelegraph", Org, None, &[]),
    b("Cryptopolitan", Org, None, &[]),
    // Companies and platforms without a head word.
    b("Chainalysis", Company, None, &[]),
    b("Elliptic", Company, None, &[]),
    b("TRM Labs", Company, None, &[]),
    b("Binance", Company, None, &[]),
    b("Coinbase", Company, None, &[]),
    b("Bybit", Company, None, &[]),
    b("Tether", Company, None, &[]),
    b("Tornado Cash", Company, None, &[]),
    b("Twitter", Company, None, &[]),
    b("Facebook", Company, None, &[]),
    b("Telegram", Company, None, &[]),
    b("Google", Company, None, &[]),
    b("Microsoft", Company, None, &[]),
    b("Huawei", Company, None, &[]),
    b("Gazprom", Company, None, &[]),
    b("Rosneft", Company, None, &[]),
    b("Sberbank", Company, None, &[]),
    // Large companies often named alone in sanctions and business news (a bare
    // name has no head word for the name rules to find). Names that are also
    // common words or people's names (Apple, Shell, Visa, Ford) stay out.
    b("Lukoil", Company, Some("RU"), &[]),
    b("Novatek", Company, Some("RU"), &[]),
    b("Transneft", Company, Some("RU"), &[]),
    b("Gazprombank", Company, Some("RU"), &[]),
    b("Gazprom Neft", Company, Some("RU"), &[]),
    b("VTB", Company, Some("RU"), &["VTB Bank"]),
    b("Alfa-Bank", Company, Some("RU"), &["Alfa Bank"]),
    b("Sovcombank", Company, Some("RU"), &[]),
    b("Promsvyazbank", Company, Some("RU"), &["PSB"]),
    b("Aeroflot", Company, Some("RU"), &[]),
    b("Rostec", Company, Some("RU"), &[]),
    b("Rosatom", Company, Some("RU"), &[]),
    b("Sovcomflot", Company, Some("RU"), &[]),
    b("Rusal", Company, Some("RU"), &[]),
    b("Norilsk Nickel", Company, Some("RU"), &["Nornickel"]),
    b("Surgutneftegas", Company, Some("RU"), &[]),
    b("Garantex", Company, Some("RU"), &[]),
    b("Almaz-Antey", Company, Some("RU"), &[]),
    b("Uralvagonzavod", Company, Some("RU"), &[]),
    b("Severstal", Company, Some("RU"), &[]),
    b("Wildberries", Company, Some("RU"), &[]),
    b("ZTE", Company, Some("CN"), &[]),
    b("SMIC", Company, Some("CN"), &[]),
    b("Hikvision", Company, Some("CN"), &[]),
    b("Dahua", Company, Some("CN"), &[]),
    b("DJI", Company, Some("CN"), &[]),
    b("ByteDance", Company, Some("CN"), &[]),
    b("TikTok", Company, Some("CN"), &[]),
    b("Tencent", Company, Some("CN"), &[]),
    b("Alibaba", Company, Some("CN"), &[]),
    b("Xiaomi", Company, Some("CN"), &[]),
    b("Sinopec", Company, Some("CN"), &[]),
    b("PetroChina", Company, Some("CN"), &[]),
    b("CNOOC", Company, Some("CN"), &[]),
    b("COSCO", Company, Some("CN"), &[]),
    b("Inspur", Company, Some("CN"), &[]),
    b("YMTC", Company, Some("CN"), &[]),
    b("Mahan Air", Company, Some("IR"), &[]),
    b("Iran Air", Company, Some("IR"), &[]),
    b("Air Koryo", Company, Some("KP"), &[]),
    b("Airbus", Company, Some("FR"), &[]),
    b("EADS", Company, Some("FR"), &[]),
    b("Lockheed Martin", Company, Some("US"), &["Lockheed"]),
    b("Northrop Grumman", Company, Some("US"), &["Northrop"]),
    b("Raytheon", Company, Some("US"), &[]),
    b("Halliburton", Company, Some("US"), &[]),
    b("Sikorsky", Company, Some("US"), &[]),
    b("ExxonMobil", Company, Some("US"), &["Exxon", "Exxon Mobil"]),
    b("Chevron", Company, Some("US"), &[]),
    b("BP", Company, Some("GB"), &[]),
    b("TotalEnergies", Company, Some("FR"), &[]),
    b("Glencore", Company, Some("CH"), &[]),
    b("Trafigura", Company, Some("CH"), &[]),
    b("Vitol", Company, Some("CH"), &[]),
    b("Toyota", Company, Some("JP"), &[]),
    b("Honda", Company, Some("JP"), &[]),
    b("Nissan", Company, Some("JP"), &[]),
    b("Hyundai", Company, Some("KR"), &[]),
    b("Samsung", Company, Some("KR"), &[]),
    b("Volkswagen", Company, Some("DE"), &[]),
    b("Siemens", Company, Some("DE"), &[]),
    b("Chrysler", Company, Some("US"), &[]),
    b("Fiat", Company, Some("IT"), &[]),
    b("Opel", Company, Some("DE"), &[]),
    b("Nvidia", Company, Some("US"), &[]),
    b("Mastercard", Company, Some("US"), &[]),
    b("Euroclear", Company, Some("BE"), &[]),
    b("Clearstream", Company, Some("LU"), &[]),
    // Companies whose name starts with a title word (`General`), which the
    // name rules keep out of names.
    b(
        "General Motors",
        Company,
        US,
        &[
            "GM",
            "General Motors Corp.",
            "General Motors Corporation",
            "General Motors Co.",
        ],
    ),
    b("General Electric", Company, US, &["GE", "General Electric Co."]),
    b("General Dynamics", Company, US, &["General Dynamics Corp."]),
    // Companies named after a country, which the country rules would take.
    b("Bank of America", Company, US, &[]),
    b("American Airlines", Company, US, &[]),
    // Think tanks and NGOs without a head word.
    b("Brookings Institution", Org, None, &["Brookings"]),
    b("RAND Corporation", Org, None, &["RAND"]),
    b("Atlantic Council", Org, None, &[]),
    b("Council on Foreign Relations", Org, None, &[]),
    b("Human Rights Watch", Org, None, &[]),
    b("Amnesty International", Org, None, &[]),
    b("38 North", Org, None, &[]),
];
