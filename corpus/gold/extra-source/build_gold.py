"""Source of gold.jsonl for the extra set: one block per article, written by hand.

Run `python3 build_gold.py` to regenerate gold.jsonl, then `python3 check.py`.
Conventions are explained in NOTES.md.
"""
import json


def O(name, title, aliases=(), opt=False):
    d = {"name": name, "title": title, "aliases": list(aliases)}
    if opt:
        d["optional"] = True
    return d


def E(name, type_, aliases=(), opt=False):
    d = {"name": name, "type": type_, "aliases": list(aliases)}
    if opt:
        d["optional"] = True
    return d


def C(value, category, text, opt=False):
    d = {"value": value, "category": category, "text": text}
    if opt:
        d["optional"] = True
    return d


def A(value, currency, text, opt=False):
    d = {"value": value, "currency": currency, "text": text}
    if opt:
        d["optional"] = True
    return d


def D(value, text, type_=None, opt=False):
    if type_ is None:
        type_ = "range" if "/" in value else "date"
    d = {"value": value, "type": type_, "text": text}
    if opt:
        d["optional"] = True
    return d


def EV(authority, status, target, counts=(), named=(), date=None, opt=False):
    d = {"authority": authority, "status": status, "target": target,
         "counts": [{"value": v, "category": c} for v, c in counts],
         "named_targets": list(named), "date": date}
    if opt:
        d["optional"] = True
    return d


B = 1_000_000_000
M = 1_000_000

GOLD = {}

# ---------------------------------------------------------------- TempEval-3
# extra-001  tempeval3:CNN_20130322_248  FAA tower closures (dct 2013-03-22, Friday)
GOLD["extra-001"] = dict(
    officials=[],
    entities=[
        E("FAA", "government_body"),
    ],
    counts=[
        C(149, "other", "149 regional airport control towers"),
        C(40, "other", "40 others"),
        C(189, "other", "189 low- or moderate-volume towers"),
        C(47000, "individual", "47,000 employees"),
    ],
    amounts=[
        A(600 * M, "USD", "$600 million"),
        A(48 * B, "USD", "$48 billion"),
    ],
    dates=[
        D("2013-03-22", "Friday"),
        D("2013-04-07", "April 7"),
        D("2013-03-22", "Friday"),
        D("2013", "this fiscal year", opt=True),
    ],
    events=[],
)

# extra-002  tempeval3:CNN_20130322_314  Obama in Jordan, Netanyahu apology (Friday 2013-03-22)
GOLD["extra-002"] = dict(
    officials=[
        O("Barack Obama", "President", ["Obama"]),
        O("Benjamin Netanyahu", "Prime Minister", ["Netanyahu"]),
        O("Recep Erdogan", "Prime Minister", ["Erdogan"]),
    ],
    entities=[
        E("Jordan", "country"),
        E("Israel", "country"),
        E("Turkey", "country"),
        E("United States", "country", ["U.S."]),
        E("Gaza", "country", opt=True),
        E("Ben Gurion International Airport", "organization", opt=True),
    ],
    counts=[
        C(9, "individual", "nine activists"),
        C(2, "other", "two vital U.S. allies"),
        C(4, "individual", "four Israeli soldiers"),
    ],
    amounts=[],
    dates=[
        D("2013-03-22", "Friday"),
        D("2010", "2010"),
    ],
    events=[],
)

# extra-003  tempeval3:WSJ_20130322_159  Netanyahu apologizes to Turkey
GOLD["extra-003"] = dict(
    officials=[
        O("Benjamin Netanyahu", "Prime Minister", ["Netanyahu"]),
        O("Recep Tayyip Erdogan", "Prime Minister", ["Erdogan"]),
        O("Barack Obama", "President", ["Obama"]),
    ],
    entities=[
        E("Israel", "country"),
        E("Turkey", "country"),
        E("Israeli Defense Forces", "government_body"),
        E("Gaza", "country", opt=True),
        E("Jordan", "country", ["Amman"], opt=True),
    ],
    counts=[
        C(9, "individual", "nine passengers"),
    ],
    amounts=[],
    dates=[
        D("2013-03-22", "Friday"),
        D("2010-05", "May 2010"),
        D("2013-W12", "this week"),
        D("2013-W12", "this week"),
    ],
    events=[],
)

# extra-004  tempeval3:bbc_20130322_1353  Israel PM apologises for flotilla deaths
GOLD["extra-004"] = dict(
    officials=[
        O("Benjamin Netanyahu", "prime minister", ["Netanyahu"]),
        O("Recep Tayyip Erdogan", None, ["Erdogan"]),
        O("Barack Obama", "President", ["Obama"]),
    ],
    entities=[
        E("Israel", "country"),
        E("Turkey", "country"),
        E("United States", "country", ["US"]),
        E("Jordan", "country"),
        E("Gaza", "country", opt=True),
    ],
    counts=[
        C(9, "individual", "nine activists", opt=True),
        C(2, "other", "two conditions"),
        C(9, "individual", "Nine people"),
    ],
    amounts=[],
    dates=[
        D("2010", "2010"),
        D("2010-05", "May 2010"),
        D("2013-03-22", "Friday"),
    ],
    events=[],
)

# extra-005  tempeval3:bbc_20130322_332  BP buy-back after TNK-BP sale
GOLD["extra-005"] = dict(
    officials=[
        O("Carl-Henric Svanberg", "chairman"),
        O("Bob Dudley", "head"),
    ],
    entities=[
        E("BP", "company"),
        E("TNK-BP", "company"),
        E("Rosneft", "company"),
        E("Russia", "country"),
        E("AAR", "company", ["AAR consortium"]),
    ],
    counts=[],
    amounts=[
        A(8 * B, "USD", "$8bn"),
        A(17.1 * B, "USD", "$17.1bn"),
        A(8 * B, "USD", "$8bn"),
        A(19 * B, "USD", "$19bn"),
    ],
    dates=[
        D("2012-10", "October"),
        D("2003", "2003"),
        D("2003", "2003"),
        D("2011", "2011"),
        D("2008", "2008"),
    ],
    events=[],
)

# extra-006  tempeval3:bbc_20130322_721  Russian police raid Memorial
GOLD["extra-006"] = dict(
    officials=[
        O("Arseny Roginsky", "director"),
        O("Joseph Stalin", None, opt=True),
    ],
    entities=[
        E("Memorial", "organization"),
        E("Russia", "country"),
        E("United States", "country", ["US"]),
        E("US embassy", "government_body", opt=True),
        E("Vesti", "organization"),
    ],
    counts=[
        C(600, "other", "600 documents"),
    ],
    amounts=[],
    dates=[
        D("2013-03-22", "Friday"),
        D("2013-03-21", "Thursday"),
    ],
    events=[],
)

# extra-007  tempeval3:nyt_20130321_china_pollution  (dct 2013-03-21)
GOLD["extra-007"] = dict(
    officials=[
        O("Fu Ying", "spokeswoman for the National People's Congress"),
        O("Li Keqiang", "prime minister"),
        O("Wen Jiabao", "prime minister"),
        O("Mao Zedong", None, opt=True),
    ],
    entities=[
        E("China", "country"),
        E("National People's Congress", "government_body"),
        E("China Electricity Council", "organization"),
        E("Deutsche Bank", "company"),
    ],
    counts=[
        C(16000, "other", "16,000 dead pigs"),
        C(400 * M, "other", "400 million"),
        C(90 * M, "other", "90 million"),
    ],
    amounts=[],
    dates=[
        D("2013-03", "this month"),
        D("2013-02", "Last month"),
        D("2009", "four years ago"),
        D("2011", "2011"),
        D("2013-02-28", "Feb. 28"),
        D("2030", "2030"),
    ],
    events=[],
)

# extra-008  tempeval3:nyt_20130321_cyprus  euro zone and a Cyprus exit
GOLD["extra-008"] = dict(
    officials=[
        O("Jeroen Dijsselbloem", "president of the Eurogroup of finance ministers"),
        O("Stephen Jen", "former economist"),
        O("Eric Dor", "head of research", ["Dor"]),
    ],
    entities=[
        E("Cyprus", "country"),
        E("Greece", "country"),
        E("Germany", "country", ["Berlin"]),
        E("Ireland", "country"),
        E("France", "country"),
        E("Eurogroup", "international_org"),
        E("International Monetary Fund", "international_org"),
        E("Lehman Brothers", "company", ["Lehman"]),
        E("European Central Bank", "international_org"),
        E("Ieseg School of Management", "organization"),
        E("European Union", "international_org", ["Brussels"], opt=True),
        E("euro zone", "international_org", opt=True),
    ],
    counts=[],
    amounts=[
        A(5.8 * B, "EUR", "5.8 billion euros"),
        A(7.5 * B, "USD", "$7.5 billion"),
        A(10 * B, "EUR", "10 billion euro"),
        A(27 * B, "EUR", "27 billion euros"),
        A(9.4e12, "EUR", "9.4 trillion euros"),
        A(200 * B, "EUR", "200 billion euros"),
        A(800 * B, "EUR", "800 billion euros"),
        A(100000, "EUR", "100,000 euros"),
        A(30 * B, "EUR", "30 billion euros"),
    ],
    dates=[
        D("2012", "last year"),
        D("2010", "2010"),
        D("2008", "2008"),
        D("2013-W12", "this week"),
        D("2007", "2007"),
    ],
    events=[],
)

# extra-009  tempeval3:nyt_20130321_sarcozy  (dct Thursday 2013-03-21)
GOLD["extra-009"] = dict(
    officials=[
        O("Nicolas Sarkozy", "Former President", ["Sarkozy"]),
        O("Liliane Bettencourt", "heiress", ["Bettencourt"], opt=True),
        O("Eric Woerth", "party treasurer"),
        O("Thierry Herzog", "lawyer"),
    ],
    entities=[
        E("France", "country"),
        E("L'Oreal", "company"),
    ],
    counts=[],
    amounts=[],
    dates=[
        D("2013-03-21", "Thursday"),
        D("2007", "2007"),
        D("2012-05", "last May"),
    ],
    events=[],
)

# extra-010  tempeval3:nyt_20130321_women_senate
GOLD["extra-010"] = dict(
    officials=[
        O("Kelly Ayotte", "Senator", ["Ayotte"]),
        O("Rebecca Felton", None, opt=True),
        O("Barbara A. Mikulski", "Senator"),
        O("Patty Murray", "chairwoman of the Budget Committee"),
        O("Debbie Stabenow", "Senator"),
        O("Barbara Boxer", "chairwoman of the Environment and Public Works Committee"),
        O("Amy Klobuchar", "Senator"),
        O("Rob Portman", "Senator"),
        O("Kirsten E. Gillibrand", "Senator"),
        O("Susan Collins", "Senator"),
    ],
    entities=[
        E("United States Senate", "government_body", ["Senate"]),
        E("United States", "country"),
        E("Congress", "government_body", ["Capitol Hill"]),
        E("Senate Appropriations Committee", "government_body"),
        E("Budget Committee", "government_body"),
        E("Environment and Public Works Committee", "government_body"),
        E("agriculture committee", "government_body", opt=True),
        E("Senate Republicans", "group", opt=True),
        E("Senate Democrats", "group", opt=True),
    ],
    counts=[
        C(20, "individual", "20 female senators"),
        C(9, "individual", "nine women"),
        C(4, "individual", "all four of the female Senate Republicans"),
    ],
    amounts=[],
    dates=[
        D("2011-01", "January day", opt=True),
        D("2011", "2011"),
        D("19", "20th century", opt=True),
        D("2012", "last year"),
        D("2007", "six years ago"),
        D("2010", "2010"),
        D("2013", "This year"),
    ],
    events=[],
)

# ---------------------------------------------------------------- MEANTIME (Wikinews)
# extra-011  meantime:118147  bailout fails in the Senate (dct Friday 2008-12-12)
GOLD["extra-011"] = dict(
    officials=[
        O("Harry Reid", "Senate Majority leader", ["Reid"]),
        O("Bob Corker", "Senator"),
        O("Bush", "President"),
    ],
    entities=[
        E("United States", "country", ["US", "U.S."]),
        E("United States Senate", "government_body", ["Senate"]),
        E("Chrysler", "company"),
        E("Ford", "company"),
        E("General Motors", "company"),
        E("Republican Party", "group", ["Republicans"]),
        E("United Auto Workers", "organization", ["UAW"]),
        E("Toyota", "company"),
        E("Nissan", "company"),
        E("Honda", "company"),
        E("Japan", "country"),
        E("United Kingdom", "country"),
        E("Germany", "country"),
        E("Democrats", "group", opt=True),
        E("Wall Street", "organization", opt=True),
    ],
    counts=[
        C(8, "other", "eight short", opt=True),
        C(60, "other", "the 60 needed", opt=True),
        C(10, "individual", "ten Republicans"),
        C(40, "individual", "forty Democrats"),
        C(2, "individual", "two independents"),
        C(3, "individual", "Three Democrats"),
        C(31, "individual", "thirty-one Republicans"),
        C(3, "other", "three words"),
        C(3, "other", "three words"),
    ],
    amounts=[
        A(14 * B, "USD", "US$14 billion"),
        A(700 * B, "USD", "$700 billion"),
    ],
    dates=[
        D("2008-12-12", "December 12, 2008"),
        D("2009", "next year"),
        D("2008-12-13", "tomorrow", opt=True),
    ],
    events=[],
)

# extra-012  meantime:118175  White House considering auto rescue (dct Saturday 2008-12-13)
GOLD["extra-012"] = dict(
    officials=[
        O("Dana Perino", "White House Press Secretary"),
    ],
    entities=[
        E("White House", "government_body"),
        E("United States", "country", ["US"]),
        E("Ford", "company"),
        E("Chrysler", "company"),
        E("General Motors", "company"),
        E("Congress", "government_body"),
        E("Senate", "government_body"),
        E("House", "government_body", opt=True),
        E("Republicans", "group", opt=True),
    ],
    counts=[
        C(3, "entity", "three large American auto companies"),
    ],
    amounts=[
        A(700 * B, "USD", "US$700 billion"),
        A(14 * B, "USD", "$14 billion"),
    ],
    dates=[
        D("2008-12-13", "December 13, 2008"),
        D("2008-W50", "this week"),
        D("2008-W50", "this week"),
        D("2009", "next year"),
    ],
    events=[],
)

# extra-013  meantime:121134  GM and Chrysler seek more aid (dct Wednesday 2009-02-18)
GOLD["extra-013"] = dict(
    officials=[
        O("Rick Wagoner", "chief executive"),
    ],
    entities=[
        E("Chrysler", "company"),
        E("General Motors", "company", ["GM"]),
        E("United States", "country", ["US"]),
        E("US Treasury Department", "government_body"),
        E("Ford Motor Company", "company"),
    ],
    counts=[
        C(3000, "individual", "three thousand employees"),
        C(54000, "individual", "54,000 employees"),
        C(47000, "individual", "47,000 employees"),
        C(5, "other", "five factories"),
    ],
    amounts=[
        A(5 * B, "USD", "US$5 billion"),
        A(4 * B, "USD", "four billion"),
        A(16.6 * B, "USD", "$16.6 billion"),
        A(13.4 * B, "USD", "$13.4 billion"),
        A(30 * B, "USD", "$30 billion"),
        A(18 * B, "USD", "$18 billion"),
    ],
    dates=[
        D("2009-02-18", "February 18, 2009"),
        D("2008", "the end of last year", opt=True),
        D("2009-03", "March"),
        D("2009-02-18", "today", opt=True),
        D("2017", "2017"),
        D("2009", "this year"),
        D("2009-03", "the end of next month", opt=True),
    ],
    events=[],
)

# extra-014  meantime:123881  Canadian loans to GM and Chrysler (dct Friday 2009-04-03)
GOLD["extra-014"] = dict(
    officials=[
        O("Stephen Harper", "Prime Minister"),
        O("Barack Obama", "President", ["Obama"]),
        O("Tom LaSorda", "president"),
        O("Rick Wagoner", "chief executive"),
        O("Fritz Henderson", "chief operating officer", ["Henderson"]),
        O("Tony Clement", "Minister of Industry", ["Clements"]),
        O("Betty Sutton", "Congresswoman"),
        O("William Clay Ford Jr.", "executive chairman"),
    ],
    entities=[
        E("General Motors", "company", ["GM", "General Motor"]),
        E("Chrysler", "company"),
        E("Canada", "country"),
        E("United States", "country", ["US", "America"]),
        E("Fiat", "company"),
        E("Canadian Auto Workers", "organization", ["CAW"]),
        E("United Auto Workers", "organization", ["UAW"]),
        E("India", "country"),
        E("Ford Motor Company", "company", ["Ford Motor Co."]),
        E("Ontario", "government_body", opt=True),
        E("Obama administration", "government_body", opt=True),
    ],
    counts=[
        C(5, "other", "five plants"),
        C(2, "other", "two respects"),
    ],
    amounts=[
        A(1 * B, "CAD", "CA$ 1 billion"),
        A(4 * B, "CAD", "CA$ 4 billion"),
        A(6 * B, "USD", "US$6 billion"),
        A(2.3 * B, "USD", "$2.3 billion"),
        A(19, "CAD", "CA$ 19"),
        A(7.5 * B, "CAD", "CA$ 7.5 billion"),
        A(300 * M, "USD", "US$300 to 350 million"),
        A(350 * M, "USD", "US$300 to 350 million"),
        A(1 * B, "USD", "US$1 billion"),
        A(3000, "USD", "US$3,000 to 5,000"),
        A(5000, "USD", "US$3,000 to 5,000"),
        A(17.4 * B, "USD", "US$17.4 billion"),
    ],
    dates=[
        D("2009-04-03", "April 03, 2009"),
        D("2008-03", "March of 2008"),
        D("2009-05", "the end of May", opt=True),
        D("2009-03-29", "Sunday"),
        D("2009-03-31", "Tuesday"),
        D("2008", "2008"),
        D("2009-02", "the previous month", opt=True),
        D("2008-12", "December"),
    ],
    events=[],
)

# extra-015  meantime:1007169  Mary Barra named GM chief (dct Tuesday 2013-12-10)
GOLD["extra-015"] = dict(
    officials=[
        O("Mary Barra", "chief executive", ["Barra"]),
        O("Daniel Akerson", "chief executive and chairman", ["Akerson"]),
        O("Theodore Solso", "director"),
        O("Daniel Ammann", "president"),
    ],
    entities=[
        E("General Motors", "company", ["GM"]),
        E("United States", "country", ["US", "America"]),
        E("Kettering University", "organization"),
        E("Forbes", "organization"),
    ],
    counts=[
        C(15, "other", "fifteen brands"),
        C(37, "other", "37 countries"),
    ],
    amounts=[
        A(9 * B, "USD", "$9 billion"),
        A(152 * B, "USD", "$152 billion"),
    ],
    dates=[
        D("2013-12-10", "December 10, 2013"),
        D("2013-12-10", "today", opt=True),
        D("2009", "2009"),
        D("2014-01-15", "January 15"),
        D("2008", "2008"),
        D("2010", "a year after the appointment of Akerson", opt=True),
        D("2010-11", "November 2010"),
        D("2012", "2012"),
    ],
    events=[],
)

# extra-016  meantime:39951  Australian assistance package for Ford (dct Friday 2006-05-05)
GOLD["extra-016"] = dict(
    officials=[
        O("John Howard", "Prime Minister", ["Howard"]),
        O("Ian MacDonald", "industry minister"),
        O("MacFarlane", None, opt=True),
    ],
    entities=[
        E("Australia", "country"),
        E("Ford Australia", "company", ["Ford"]),
        E("Victorian state government", "government_body", opt=True),
        E("Holden", "company", opt=True),
    ],
    counts=[
        C(273, "other", "273 jobs"),
        C(80, "other", "80 countries"),
    ],
    amounts=[
        A(52.5 * M, "AUD", "$52.5 million"),
        A(52.5 * M, "AUD", "AU$ 52.5 million"),
        A(40.4 * M, "USD", "US$40.4 million"),
        A(40 * M, "AUD", "AU$ 40 million"),
        A(12.5 * M, "AUD", "AU$ 12.5 million"),
    ],
    dates=[
        D("2006-05-05", "May 05, 2006"),
        D("2006-05-05", "today", opt=True),
        D("2002", "2002"),
        D("2005", "2005"),
        D("1998", "1998"),
        D("2007", "2007"),
        D("2006-H2", "the second half of this year", opt=True),
        D("1960", "1960"),
    ],
    events=[],
)

# extra-017  meantime:143480  GM to cut 10,000 jobs at Opel (dct Thursday 2009-11-05)
GOLD["extra-017"] = dict(
    officials=[
        O("John Smith", "vice president", ["Smith"]),
        O("Rainer Bruederle", "economy minister"),
        O("Tony Woodley", "general secretary"),
    ],
    entities=[
        E("General Motors", "company", ["GM"]),
        E("Opel", "company"),
        E("Magna", "company"),
        E("Germany", "country"),
        E("United States", "country", ["US"]),
        E("United Kingdom", "country", ["UK", "Britain"]),
        E("Unite", "organization"),
        E("BBC", "organization"),
    ],
    counts=[
        C(10000, "other", "10,000 jobs"),
        C(10000, "other", "10,000 jobs"),
        C(54000, "individual", "54,000 people"),
        C(25000, "individual", "25,000 of them", opt=True),
    ],
    amounts=[],
    dates=[
        D("2009-11-05", "November 05, 2009"),
        D("2009-11-04", "Wednesday"),
        D("2009-11-03", "A day before the announcement", opt=True),
    ],
    events=[],
)

# extra-018  meantime:100911  Northrop/EADS win USAF tanker contract (dct Saturday 2008-03-01)
GOLD["extra-018"] = dict(
    officials=[
        O("Paul Nesbit", "defence analysist"),
        O("Ron Sugar", "CEO"),
        O("David Strauss", "analyst"),
        O("Arthur Lichte", "head of USAF's Mobility Command"),
        O("Duncan McNab", "chief of staff"),
        O("William Barksdale", "spokesman"),
        O("Patty Murray", "senator"),
        O("Norm Dicks", "representative"),
        O("Sam Brownback", "senator"),
        O("Todd Tiahrt", "representative"),
        O("Bob Riley", "Governor"),
        O("Ralph Crosby", "North America CEO"),
        O("Louis Gallois", "chief executive"),
        O("Michael M. Sears", "executive"),
        O("Darleen Druyun", "official"),
    ],
    entities=[
        E("Northrop Grumman", "company", ["Northrop"]),
        E("Airbus", "company"),
        E("European Aeronautic Defence and Space Company", "company",
          ["European Aeronautic Defence and Space Company EADS N.V.", "EADS N.V.", "EADS"]),
        E("Boeing", "company"),
        E("United States Air Force", "government_body", ["USAF", "Air Force"]),
        E("United States", "country", ["US", "U.S.", "America"]),
        E("Lockheed Martin", "company", ["Lockheed"]),
        E("JSA Research", "organization"),
        E("UBS", "company"),
        E("France", "country"),
        E("Mobility Command", "government_body"),
        E("Sikorsky", "company"),
        E("Pentagon", "government_body"),
    ],
    counts=[
        C(179, "aircraft", "179 new aerial refueling tankers"),
        C(15, "aircraft", "15 a year", opt=True),
        C(44000, "other", "44,000 new positions"),
        C(300, "entity", "300 suppliers"),
        C(40, "other", "40 states"),
        C(4, "aircraft", "The first four aircraft", opt=True),
        C(1500, "other", "1,500 to 2,000 jobs"),
        C(2000, "other", "1,500 to 2,000 jobs"),
        C(25000, "other", "25,000 others"),
        C(100, "aircraft", "100 tankers"),
        C(40, "other", "40 states"),
        C(100, "aircraft", "100 tankers"),
    ],
    amounts=[
        A(40 * B, "USD", "$40 billion"),
        A(40 * B, "USD", "US$40 billion"),
        A(20.1 * B, "GBP", "GB #20.1 billion"),
        A(100 * B, "USD", "US$100 billion"),
        A(10 * B, "USD", "US$10 billion"),
    ],
    dates=[
        D("2008-03-01", "March 01, 2008"),
        D("2010/2011", "2010-11"),
        D("2010", "2010"),
        D("2013", "three years afterwards", opt=True),
        D("2006", "2006"),
        D("2003", "2003"),
        D("2003", "2003"),
    ],
    events=[],
)

# extra-019  meantime:108294  GAO asks for rerun of tanker bid (dct 2008-07-02)
GOLD["extra-019"] = dict(
    officials=[
        O("Michael R. Golden", "managing associate general counsel for procurement law"),
    ],
    entities=[
        E("Government Accountability Office", "government_body", ["GAO"]),
        E("U.S. Air Force", "government_body", ["US Air Force", "Air Force"]),
        E("Northrop Grumman", "company", ["Northrop"]),
        E("EADS North America", "company"),
        E("Boeing", "company"),
        E("United States", "country", ["US", "U.S."]),
    ],
    counts=[],
    amounts=[
        A(40 * B, "USD", "$40 billion"),
    ],
    dates=[
        D("2008-07-02", "July 02, 2008"),
        D("2008-06-18", "June 18"),
        D("2008-02-29", "February 29"),
    ],
    events=[],
)

# extra-020  meantime:1173  Boeing-Air Force emails (dct Wednesday 2004-11-24, ISO week 48)
GOLD["extra-020"] = dict(
    officials=[
        O("John McCain", "Senator", ["McCain"]),
        O("Dick Cheney", "Vice President"),
        O("Ralph Crosby", "CEO"),
        O("Bill Bodie", "Special Asst. to the Secretary and Director of Air Force Communications"),
        O("James Roche", "Secretary of the Air Force", ["Roche"]),
        O("Darleen Druyun", "Civilian Deputy Undersecretary of the Air Force for Acquisition"),
        O("Marvin Sambur", "Assistant Secretary of the Air Force for Acquisition"),
        O("Michael Wynne", "Pentagon Acquisition Director"),
        O("Michael Sears", "Chief Financial Officer"),
        O("Wolfowitz", "Deputy Defense Secretary"),
    ],
    entities=[
        E("United States Air Force", "government_body", ["Air Force"]),
        E("United States", "country"),
        E("Boeing", "company"),
        E("Pentagon", "government_body"),
        E("Congress", "government_body"),
        E("Halliburton", "company"),
        E("Airbus", "company"),
        E("European Aeronautic Defense & Space Company", "company", ["EADS"]),
        E("Burkhardt & Associates", "company"),
        E("GovExec.com", "organization"),
        E("DSB", "government_body"),
        E("Project on Government Oversight", "organization"),
        E("Congressional Record", "organization", opt=True),
        E("Senate", "government_body", opt=True),
        E("House", "government_body", opt=True),
    ],
    counts=[
        C(100, "aircraft", "100 mid-air tanker aircraft"),
    ],
    amounts=[
        A(23 * B, "USD", "USD$23 billion"),
    ],
    dates=[
        D("2004-11-24", "November 24, 2004"),
        D("2004-W47", "last week"),
        D("2004-10", "October"),
        D("2003", "last year"),
    ],
    events=[],
)

# extra-021  meantime:87805  Indonesia vs the EU air-carrier ban (dct Thursday 2007-12-20, W51)
GOLD["extra-021"] = dict(
    officials=[
        O("Jusman Syafii Djamal", "minister of transport", ["Djamal"]),
        O("Jusuf Kalla", "Vice President"),
        O("Susilo Bambang Yudhoyono", "President"),
    ],
    entities=[
        E("Indonesia", "country"),
        E("European Union", "international_org", ["EU"]),
        E("Airbus", "company"),
        E("Garuda Indonesia", "company"),
        E("Detik.com", "organization"),
        E("Xinhua", "organization"),
        E("European Commission", "international_org"),
        E("Pakistan International Airlines", "company"),
        E("Blue Wing Airlines", "company"),
        E("Suriname", "country", ["Surinam"]),
        E("Adam Air", "company", opt=True),
        E("Pakistan", "country", opt=True),
    ],
    counts=[
        C(51, "entity", "51 of Indonesia's air carriers"),
        C(2, "other", "two major disasters"),
        C(102, "individual", "102"),
        C(21, "individual", "21 people"),
    ],
    amounts=[
        A(200000, "USD", "US$200,000"),
    ],
    dates=[
        D("2007-12-20", "December 20, 2007"),
        D("2007", "this year"),
        D("2007-W49", "two weeks ago", opt=True),
        D("2007-11-28", "November 28"),
    ],
    events=[
        EV("European Union", "imposed", "Indonesia", counts=[(51, "entity")], opt=True),
        EV("European Union", "lifted", "Pakistan", named=["Pakistan International Airlines"],
           date="2007-11-28", opt=True),
        EV("European Union", "lifted", "Suriname", named=["Blue Wing Airlines"],
           date="2007-11-28", opt=True),
    ],
)

# extra-022  meantime:61389  Airbus job cuts (dct Wednesday 2007-02-28)
GOLD["extra-022"] = dict(
    officials=[
        O("Louis Gallois", "chief executive", ["Gallois"]),
        O("Julien Talavan", "spokesman"),
    ],
    entities=[
        E("Airbus", "company"),
        E("EADS", "company"),
        E("France", "country"),
        E("Germany", "country"),
        E("United Kingdom", "country", ["UK"]),
        E("Spain", "country"),
        E("Force Ouvrière", "organization"),
    ],
    counts=[
        C(10000, "other", "job cuts of 10,000"),
        C(10000, "other", "10,000 job cuts"),
        C(4300, "other", "4,300 jobs"),
        C(3700, "other", "3,700"),
        C(1600, "other", "1,600"),
        C(400, "other", "400"),
        C(5000, "individual", "about 5,000", opt=True),
        C(55000, "individual", "55,000 full-time Airbus employees"),
        C(14000, "individual", "14,000 employees"),
        C(4, "other", "four French sites"),
        C(3, "other", "3 plants"),
    ],
    amounts=[],
    dates=[
        D("2007-02-28", "February 28, 2007"),
        D("2007-02-28", "Wednesday"),
    ],
    events=[],
)

# extra-023  meantime:113278  central banks' swap lines (dct Thursday 2008-09-18)
GOLD["extra-023"] = dict(
    officials=[],
    entities=[
        E("Bank of Canada", "government_body"),
        E("Bank of England", "government_body"),
        E("European Central Bank", "international_org", ["ECB"]),
        E("United States Federal Reserve", "government_body", ["Federal Reserve"]),
        E("Bank of Japan", "government_body"),
        E("Swiss National Bank", "government_body"),
        E("United States", "country", ["U.S."]),
        E("Japan", "country"),
        E("United Kingdom", "country", ["UK"]),
        E("Russia", "country"),
    ],
    counts=[],
    amounts=[
        A(180 * B, "USD", "US$180 billion"),
        A(55 * B, "USD", "US$55 billion"),
        A(110 * B, "USD", "US$110 billion"),
        A(12 * B, "USD", "US$12 billion"),
        A(27 * B, "USD", "US$27 billion"),
        A(60 * B, "USD", "US$60 billion"),
        A(40 * B, "USD", "US$40 billion"),
        A(10 * B, "USD", "US$10 billion"),
        A(19.7 * B, "USD", "US$19.7 billion"),
    ],
    dates=[
        D("2008-09-18", "September 18, 2008"),
        D("2009-01-30", "January 30, 2009"),
        D("2008-09-19", "Friday"),
    ],
    events=[],
)

# extra-024  meantime:113227  Russian markets suspended (dct Wednesday 2008-09-17)
GOLD["extra-024"] = dict(
    officials=[
        O("Chris Weafer", "analyst"),
    ],
    entities=[
        E("Russia", "country"),
        E("Federal Service for the Financial Markets", "government_body"),
        E("Uralsib", "company"),
        E("RTS", "company"),
        E("VTB", "company"),
        E("Sberbank", "company"),
        E("Gazprom Bank", "company"),
        E("MICEX", "company", opt=True),
    ],
    counts=[],
    amounts=[
        A(44 * B, "USD", "44 billion dollars"),
    ],
    dates=[
        D("2008-09-17", "September 17, 2008"),
        D("1998", "1998"),
        D("2008-09-17", "This day", opt=True),
        D("2008-09-17", "today", opt=True),
    ],
    events=[],
)


def _clean_number(v):
    if isinstance(v, float):
        if abs(v - round(v)) < 1e-3:
            return int(round(v))
        return round(v, 2)
    return v


def main():
    order = ["officials", "entities", "counts", "amounts", "dates", "events"]
    with open("gold.jsonl", "w", encoding="utf-8") as out:
        for doc_id in sorted(GOLD):
            g = GOLD[doc_id]
            for a in g["amounts"]:
                a["value"] = _clean_number(a["value"])
            rec = {"doc_id": doc_id}
            for k in order:
                rec[k] = g[k]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote", len(GOLD), "gold records")


if __name__ == "__main__":
    main()
