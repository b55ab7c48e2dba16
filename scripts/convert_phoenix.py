#!/usr/bin/env python3
"""Convert the PETRARCH2/Phoenix dictionaries into the compact files of ``kg/data/phoenix/``.

    .venv/bin/python scripts/convert_phoenix.py [SOURCE_DIR] [--out DIR] [--report] [--wordlist SCOWL]

SOURCE_DIR holds the files of openeventdata/petrarch2 ``petrarch2/data/dictionaries/`` (default
``../shared/resources/petrarch2`` next to the repository). The output is byte-identical on every run:
every list is sorted, nothing depends on the clock, on hash order or on the machine. Standard library
only, apart from ``kg.gazetteer.normalise_name`` and ``kg.models.slugify`` (plain functions), the
curated gazetteer files and the Wikidata officeholders (``kg/data/wikidata/officeholders.jsonl``), which
are read, never changed, and the English words of
``kg/data/phoenix/english_words.txt`` (a subset of SCOWL, rebuilt from ``--wordlist scowl-50.txt.gz``).
``--report`` prints counts and the decisions worth checking (dropped names, unmapped codes, repaired
dates, the alias rules) on stderr.

What is written, and the rules (year pivot, Person/Organization, titles, matching with the curated
gazetteer, the names of one actor), are described in ``kg/data/phoenix/README.md``, which this script
also writes.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg.gazetteer import normalise_name as _normalise_name  # noqa: E402
from kg.models import slugify  # noqa: E402

normalise_name = lru_cache(maxsize=None)(_normalise_name)

DEFAULT_SOURCE = REPO.parent / "shared" / "resources" / "petrarch2"
DEFAULT_OUT = REPO / "kg" / "data" / "phoenix"
GAZETTEER = REPO / "kg" / "data" / "gazetteer"
OFFICEHOLDERS = REPO / "kg" / "data" / "wikidata" / "officeholders.jsonl"  # scripts/convert_wikidata.py
ROLES_FILE = REPO / "kg" / "data" / "lexicons" / "roles.txt"

SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_FOLDER = "petrarch2/data/dictionaries/"

COUNTRIES = "Phoenix.Countries.actors.txt"
INTERNATIONAL = "Phoenix.International.actors.txt"
MILNONSTATE = "Phoenix.MilNonState.actors.txt"
AGENTS = "Phoenix.agents.txt"
DISCARDS = "Phoenix.discards.txt"
ACTOR_FILES = (COUNTRIES, INTERNATIONAL, MILNONSTATE)

FIELD_ORDER = ("key", "label", "type", "aliases", "acronyms", "country", "affiliations", "titles", "phoenix")

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

# CAMEO role and sector codes (the 3-letter chunks after a country code: RUSGOV, USAGOVLEG, ...).
ROLE_CODES = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI LEG HLH AGR LAB REF MOD RAD HRI DEV ENV UAF "
    "SEP INS IGO NGO NGM MNC IMG".split()
)
# Country codes the dictionaries misspell once: UNITA [ANGREB] (Angola is AGO).
CODE_TYPOS = {"ANG": "AGO"}
# CAMEO region codes (AFR Africa, WEU Western Europe, MEA Middle East, ...).
REGIONS = frozenset(
    "AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NAM NMR PGS SAF SAM SAS SCN SEA WAF WEU WST INT"
    .split()
)
# CAMEO religion codes (and their second chunks).
RELIGIONS = frozenset("CHR CTH ORT PRO MUS SHI SUN SFI ALE DRZ JEW BUD HIN SIK ATH JAN MOS REL CON ZRO TAO".split())
# Codes that start with one of these name no country: the code is international.
INTERNATIONAL_PREFIXES = frozenset("IGO NGO NGM MNC IMG MED ELI UAF".split())

# Entries for the fictional test country Kinakuta (Cryptonomicon's) and two fictional characters.
FICTIONAL_CODES = frozenset({"KNT"})
FICTIONAL_NAMES = frozenset({"ernst stavro blofeld", "hong kil dong"})

# Two-digit years: PETRARCH's ``PETRreader.dstr_to_ordate`` reads YY <= 30 as 20YY, else 19YY.
YEAR_PIVOT = 30

# Malformed dates of the source, read as the neighbouring entries and the history show (PETRARCH's
# own reading in brackets): see README.
DATE_FIXES = {
    "2004017": "2004-01-17",  # KORGOVBUS, Ban Ki-moon Foreign Minister from 17 Jan 2004 (2020-04-01)
    "9008223": "1990-08-23",  # ARMUNR, after [USRARM <900823] (1990-08-22)
    "201005011": "2010-05-11",  # GBRGOV, David Cameron Prime Minister from 11 May 2010 (2010-05-01)
}

PARTICLES = frozenset(
    "AL EL BIN BINT IBN DE DA DI DEL DELLA DEI DOS DAS DO VAN VON DER DEN DU LA LE UL UD ET Y TER".split()
)
DESCRIPTIVE = frozenset("BASED LED BACKED LINKED".split())
# Arabic article forms before a hyphen ("AD-DIN", "ASH-SHAM") and links inside a hyphenated name.
ARTICLES = frozenset("AD AS ASH AT ADH AZ AR UR".split())
LINKS = frozenset("E I UL UD AL EL AD AS ASH AT ADH AZ UR ED ES DE DI DA U O Y".split())
FUNCTION_WORDS = frozenset("OF THE AND FOR IN ON AT TO A AN BY WITH FROM OR AGAINST DES ET POUR".split())

ORG_WORDS = frozenset(
    """MINISTRY MINISTRIES DEPARTMENT DEPT. PARTY PARTIES COUNCIL COUNCILS ARMY ARMIES FRONT BRIGADE BRIGADES
    COMMITTEE COMMITTEES ASSEMBLY AGENCY AGENCIES BANK BANKS UNION ORGANIZATION ORGANISATION ORGANIZATIONS
    MOVEMENT GROUP GROUPS FORCE FORCES COMMISSION COURT OFFICE SERVICE SERVICES ADMINISTRATION GOVERNMENT
    PARLIAMENT CONGRESS SENATE HOUSE CABINET POLICE GUARD GUARDS NAVY CORPS INSTITUTE INSTITUTION
    FOUNDATION ASSOCIATION SOCIETY LEAGUE ALLIANCE COALITION FEDERATION CONFEDERATION NETWORK FUND PROGRAM
    PROGRAMME CENTER CENTRE AUTHORITY BUREAU TRIBUNAL REGIME JUNTA MISSION SECRETARIAT CORPORATION COMPANY
    INC INC. LTD LTD. CORP CORP. CO. PLC BOARD CHAMBER DIRECTORATE INTELLIGENCE COMMAND REGIMENT BATTALION
    DIVISION UNIT UNITS CELLS CELL NUCLEI NUCLEUS FACTION COMMANDOS MILITIA MILITIAS CONSPIRATORS
    LIBERATION RESISTANCE UNIVERSITY COLLEGE SCHOOL ACADEMY HOSPITAL CHURCH TRUST PARTNERSHIP PROJECT
    INITIATIVE CAMPAIGN COOPERATIVE SYNDICATE CONFERENCE FORUM CLUB CONSORTIUM INDUSTRIES REPUBLIC KINGDOM
    EMIRATE STATE STATES NEWS TIMES POST JOURNAL PRESS RADIO TELEVISION BROADCASTING AIRLINES AIRWAYS
    MOTORS HOLDINGS INTERNATIONAL NATIONAL WORLD FEDERAL MINISTERS MILITARY ISLAMIC ARMED REVOLUTIONARY
    PEOPLE'S PEOPLES COMMUNIST SOCIALIST DEMOCRATIC ISLAMIST BROTHERHOOD JAISH JAYSH LIWA LIWAA KATIBAT
    KATAEB KATAIB HARAKAT HARAKA JAMAAT JAMAAH JAMA'AT TANZEEM TANZIM HIZB MUJAHIDEEN MUJAHEDIN FEDAYEEN
    SARAYAT JABHAT HAREKAT HARKAT TEHRIK TEHREEK LASHKAR SIPAH MAJLIS ADMINISTRATION ECONOMIC DEVELOPMENT RIGHTS COUNCIL
    COMMUNITY SYSTEM SECURITY DEFENSE DEFENCE AFFAIRS REFUGEES CHILDREN WOMEN PEACE HUMAN OPERATIONS
    CONTINGENT BODIES TROOPS REBELS MILITANTS FIGHTERS TALIBAN QAEDA AL-QAEDA HAMAS HEZBOLLAH HIZBALLAH
    PANEL PROGRAMS PARLIAMENTARY KREMLIN PENTAGON EMBASSY CONSULATE DUMA KNESSET MAJLIS SHURA POLITBURO
    JIHAD INC LLC GMBH TELECOM ENERGY PETROLEUM OIL GAS FELLOWSHIP RELIEF WATCH MINISTRIES SISTERS FRIENDS
    PARTNERS VOLUNTEERS LABORATORIES SYSTEMS TECHNOLOGIES COMMUNICATIONS BANCORP CARRIERS INTERNATIONALE
    INTERNACIONAL MONITOR OBSERVERS PEACEKEEPERS DELEGATION SOLIDARITY WORLDWIDE""".split()
)

# Words after a body's name that make the phrase name its people ("WHITE_HOUSE_OFFICIAL").
STAFF_WORDS = frozenset("OFFICIAL OFFICIALS SOURCE SOURCES AIDE AIDES STAFF STAFFER STAFFERS".split())
# Words that turn a name into a description of others ("AL_QAEDA_LINKED_ABU_SAYYAF", "AL_QAIDA_OFFSHOOT").
DESCRIPTOR_WORDS = frozenset(
    "LINKED AFFILIATED OFFSHOOT OPERATIVES MEMBERS MEMBER SUPPORTERS LOYALISTS MILITANTS FIGHTERS "
    "SYMPATHIZERS SPLINTER REMNANTS".split()
)

# Titles of office as Phoenix writes them -> the project's title (kg/data/lexicons/roles.txt) or, when
# none fits, the display form kept as it is. Longest match first; underscores are spaces.
EXTRA_TITLES = {
    "GEN.": "General",
    "GEN": "General",
    "GENERAL": "General",
    "LT. GEN.": "General",
    "LT GEN": "General",
    "LIEUTENANT GENERAL": "General",
    "MAJ. GEN.": "General",
    "MAJOR GENERAL": "General",
    "BRIG. GEN.": "General",
    "BRIGADIER GENERAL": "General",
    "ADM.": "Admiral",
    "FIELD MARSHAL": "Field Marshal",
    "MARSHAL": "Field Marshal",
    "SECRETARY-GENERAL": "Secretary-General",
    "SECRETARY GENERAL": "Secretary-General",
    "SEC. GEN": "Secretary-General",
    "SEC. GEN.": "Secretary-General",
    "SECY GEN": "Secretary-General",
    "DEPUTY SECRETARY-GENERAL": "Deputy Secretary General",
    "SEN.": "Senator",
    "SENATOR": "Senator",
    "CONGRESSMAN": "Congressman",
    "CONGRESSWOMAN": "Congresswoman",
    "DEFENSE SECRETARY": "Defense Secretary",
    "DEFENCE SECRETARY": "Defence Secretary",
    "SECRETARY OF DEFENSE": "Secretary of Defense",
    "MINISTER OF FOREIGN AFFAIRS": "Foreign Minister",
    "FOREIGN AFFAIRS MINISTER": "Foreign Minister",
    "MINISTER OF DEFENSE": "Defense Minister",
    "MINISTER OF DEFENCE": "Defence Minister",
    "MINISTER OF INTERIOR": "Interior Minister",
    "MINISTER OF THE INTERIOR": "Interior Minister",
    "MINISTER OF FINANCE": "Finance Minister",
    "MINISTER OF JUSTICE": "Justice Minister",
    "PRIME MINISTER": "Prime Minister",
    "PREMIER": "Premier",
    "VICE-PRESIDENT": "Vice President",
    "VICE PRESIDENT": "Vice President",
    "UNDERSECRETARY OF STATE": "Undersecretary of State",
    "UNDER SECRETARY OF STATE": "Under Secretary of State",
    "UNDER-SECRETARY OF STATE": "Under Secretary of State",
    "SHEIK": "Sheikh",
    "SHAIKH": "Sheikh",
    "SHEIKH": "Sheikh",
    "SPECIAL ENVOY": "Special Envoy",
    "HIGH REPRESENTATIVE": "High Representative",
    "SPOKESPERSON": "Spokesperson",
    "CHIEF OF STAFF": "Chief of Staff",
    "CHIEF": "Chief",
    "PRESIDENT-ELECT": "President-elect",
    "PRIME MINISTER-DESIGNATE": "Prime Minister-designate",
    "SECRETARY": "Secretary",
    "GENERAL SECRETARY": "General Secretary",
    "PARTY CHIEF": "Party Chief",
    "REPRESENTATIVE": "Representative",
    "REP.": "Representative",
    "AYATOLLAH": "Ayatollah",
    "GRAND AYATOLLAH": "Grand Ayatollah",
    "MULLAH": "Mullah",
    "CARDINAL": "Cardinal",
    "ARCHBISHOP": "Archbishop",
    "BISHOP": "Bishop",
    "COLONEL": "Colonel",
    "COL.": "Colonel",
    "CAPTAIN": "Captain",
    "CAPT.": "Captain",
    "MAJOR": "Major",
    "DEPUTY": "Deputy",
    "GOVERNOR-GENERAL": "Governor-General",
    "PRESIDENT OF THE WORLD BANK": "President",
    "PRESIENT": "President",
    "GOV.": "Governor",
    "GOVENOR": "Governor",
    "BUNDESKANZLER": "Chancellor",
    "BUNDESKANZLERIN": "Chancellor",
    "KANZLER": "Chancellor",
    "HOJATOLISLAM": "Hojatoleslam",
    "HOJATOLESLAM": "Hojatoleslam",
    "HOJJATOLESLAM": "Hojatoleslam",
    "UNDER SECRETARY": "Under Secretary",
    "UNDERSECRETARY": "Under Secretary",
}
# Honorifics stripped from a name but not kept as titles.
HONORIFICS = frozenset(
    "MR. MR MRS. MRS MS. DR. DR DOCTOR SIR DAME LORD LADY BARON BARONESS PROF. PROFESSOR H.E. HIS_EXCELLENCY "
    "REV. REVEREND REFORMER SAYYED SAYYID SEYYED SAYED SAYYAD HAJJI HAJI".split()
)
COMPANY_SUFFIXES = {"INC": "Inc", "INC.": "Inc.", "LTD": "Ltd", "LTD.": "Ltd.", "CORP": "Corp", "CORP.": "Corp.",
                    "CO": "Co", "CO.": "Co.", "BHD": "Bhd", "BHD.": "Bhd."}
ROYAL_TITLES = frozenset({"King", "Queen", "Emir", "Sultan", "Prince", "Crown Prince"})
MILITARY_RANKS = frozenset({"General", "Admiral", "Field Marshal", "Commander"})
HONORIFIC_TITLES = frozenset({"Sheikh"})  # in roles.txt, but a form of address rather than an office
PEERAGE = frozenset("LORD LADY BARON BARONESS DAME SIR".split())
# Words before a title that say whose or which office it is ("RUSSIAN PRIME MINISTER", "FORMER ...").
TITLE_QUALIFIERS = frozenset(
    "FORMER EX EX- THEN ACTING INTERIM LATE NEW OUTGOING INCOMING CURRENT TOP SENIOR US U.S. USA UK U.K. UN U.N. "
    "EU NATO UNITED NATIONS STATES KINGDOM AMERICAN BRITISH SOVIET RUSSIAN MOSCOW COMMUNIST DEPUTY ASSISTANT "
    "OPPOSITION PARTY THE FIRST HOUSE SENATE MAJORITY MINORITY REPUBLICAN DEMOCRATIC DEMOCRAT SPECIAL".split()
)

# -- alias rules (README "Names of one actor"): the words they compare are normalised (kg.gazetteer.normalise_name)

# The English words of rule 3 and of the contrast test: a subset of SCOWL (see WORDS_FILE).
WORDS_FILE = "english_words.txt"
WORDS_README = "SCOWL-README.txt"
WORDS_SOURCE = "BartMassey/wordlists"
WORDS_COMMIT = "af52415c13af809bd8757a40f17f46e79d09583c"
WORDS_LIST = "scowl-50.txt.gz"
# Words a name is compared without: function words, particles and Arabic/Urdu links ("al", "e", "ul", "wa").
NAME_STOPWORDS = frozenset(
    {w.lower() for w in FUNCTION_WORDS | LINKS | PARTICLES} | {"wal", "wa", "y", "und", "del", "della", "di"}
)
# ... of a person's name: particles ("al", "bin", "van"), not initials ("O. Rajagopal"); "ben" too.
PERSON_STOPWORDS = frozenset(w.lower() for w in PARTICLES if len(w) > 1) | {"ben"}
PREPOSITIONS = frozenset("of for on in to against at from with de des du del pour".split())
NAME_SUFFIXES = frozenset("jr sr i ii iii iv".split())
PEERAGE_WORDS = frozenset(w.lower() for w in PEERAGE)
# Abbreviations spelt out before names are compared ("US Congress" / "United States Congress").
SPELT_OUT = {"us": ("united", "states"), "usa": ("united", "states"), "uk": ("united", "kingdom"),
             "un": ("united", "nations"), "eu": ("european", "union")}
# Arabic and Urdu type nouns of armed groups, in English ("Jabhat al-Nusra" / "Nusra Front").
TYPE_TRANSLATIONS = {
    "jabhat": "front", "jabha": "front", "jaish": "army", "jaysh": "army", "jeish": "army", "lashkar": "army",
    "laskar": "army", "liwa": "brigade", "liwaa": "brigade", "katibat": "brigade", "kataib": "brigades",
    "kataeb": "brigades", "saraya": "brigades", "sarayat": "brigades", "harakat": "movement", "haraka": "movement",
    "harkat": "movement", "tehrik": "movement", "tehreek": "movement", "hizb": "party", "tanzim": "organization",
    "tanzeem": "organization", "majlis": "council",
}
# Type nouns: words that may be added to a group's name ("Harakat Ahrar al-Sham al-Islamiyya" / "Ahrar
# al-Sham"); the generic ones differ between two names of one group without making two groups
# ("Baader-Meinhof Gang" / "Baader-Meinhof Group"), unlike "army", "front", "party", "movement", "force".
GENERIC_TYPE_NOUNS = frozenset(
    "group groups gang organization organisation organizations organisations brigade brigades battalion battalions "
    "unit units cell cells faction network league association society squad commando commandos corps".split()
)
TYPE_NOUNS = GENERIC_TYPE_NOUNS | frozenset("movement front army armies party forces force".split())
# Nouns naming a part of a body: an alias with one the label lacks names that part ("People's Liberation Army
# Navy", "Standing Committee of the National People's Congress", "Presidium of the Communist Party").
BRANCH_NOUNS = frozenset(
    "committee committees subcommittee presidium politburo secretariat bureau navy naval air marines wing".split()
)
# Nouns of a body of its own: an alias that is no variant of the label but has one is split off as an
# organisation ("Senate Foreign Relations Committee", "US Senate", "Federal Aviation Administration").
BODY_NOUNS = frozenset(
    "committee committees subcommittee senate house council court tribunal ministry department agency bureau "
    "office commission assembly parliament congress cabinet command directorate administration board patrol "
    "presidium politburo secretariat service sabha majlis duma rada jirga shura".split()
)
# ... and, for an entry with a state code (GOV, MIL, LEG, JUD, COP, SPY), the state's forces.
STATE_BODY_NOUNS = frozenset("army navy marines corps force forces police guard guards unit".split())
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")
# Last words of a phrase naming a body's people, not the body ("State Department Official").
PEOPLE_WORDS = frozenset(w.lower() for w in STAFF_WORDS) | {"justices", "reporter", "reporters", "journalist",
                                                            "spokesman", "spokesmen", "soldiers", "members"}
# Common English hypocorisms: "Bill Clinton" / "William Jefferson Clinton" keep the given name.
NICKNAMES = (
    "william bill billy will willy; robert bob bobby rob; richard dick dickie rick ricky; charles chuck charlie; "
    "anthony tony; james jim jimmy jamie; john jack johnny; michael mike mick; alexander alex alec sasha; "
    "thomas tom tommy; edward ed ted eddie ned; joseph joe; benjamin ben bibi; daniel dan danny; david dave; "
    "donald don; douglas doug; frederick fred; gerald gerry jerry; henry hank harry; lawrence larry; "
    "leonard len lenny; nicholas nick; patrick pat paddy; peter pete; raymond ray; ronald ron ronnie; "
    "samuel sam; stephen steve; steven steve; theodore ted teddy; timothy tim; walter walt; emanuel manny; "
    "manuel manny; elizabeth liz beth betty; margaret maggie meg peggy; catherine cathy kate; "
    "katherine kathy kate; susan sue; deborah debbie; jennifer jenny; rebecca becky; christopher chris; "
    "kenneth ken; gregory greg; matthew matt; andrew andy; jeffrey jeff; albert al; alfred alf; "
    "condoleezza condi; abdullah abdallah; isaac yitzhak; joseph yosef; moses moshe"
)
NICKNAME_SETS: dict[str, frozenset[str]] = {}
for _group in NICKNAMES.split(";"):
    for _name in _group.split():
        NICKNAME_SETS[_name] = NICKNAME_SETS.get(_name, frozenset()) | frozenset(_group.split())
# Thresholds of difflib.SequenceMatcher ratios (see README).
PERSON_SPELLING = 0.75  # two people's names, whole
GIVEN_NAME = 0.7  # two given names ("Sofia" / "Sophia")
SURNAME_LONG, SURNAME_SHORT = 0.7, 0.8  # a word of a name in another form, 6 letters or more / fewer
ORG_SPELLING = 0.8  # two organisations' names, whole or without spaces
ORG_WORD = 0.8  # two words of organisations' names


# ---------------------------------------------------------------------------------------------
# Reading the actor files
# ---------------------------------------------------------------------------------------------

CODE_RE = re.compile(r"\[([^\]\[]*)\]")


@dataclass
class Code:
    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class Record:
    """One primary phrase with its synonyms and code lines, as PETRARCH reads it."""

    file: str
    line: int
    names: list[str]
    codes: list[Code]
    comments: list[str]
    section: str
    country_block: str | None  # the code of the country entry above it (Countries file)
    gap_after: bool = False  # a blank or comment line follows before the next primary phrase
    null: bool = False  # carries PETRARCH's null code [---]


class Log:
    """Counts and examples of decisions, for ``--report``."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = defaultdict(list)

    def note(self, what: str, example: str | None = None, keep: int = 400) -> None:
        self.counts[what] += 1
        if example is not None and len(self.examples[what]) < keep:
            self.examples[what].append(example)


LOG = Log()


def iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str, where: str) -> str | None:
    """A Phoenix date (YYYYMMDD or YYMMDD) as ISO, or None when it cannot be read."""
    text = text.strip()
    if text in DATE_FIXES:
        LOG.note("date repaired", f"{text} -> {DATE_FIXES[text]} ({where})")
        return DATE_FIXES[text]
    if not text.isdigit():
        LOG.note("date unreadable", f"{text!r} ({where})")
        return None
    if len(text) == 10 and text.startswith("19") and iso(int(text[2:6]), int(text[6:8]), int(text[8:10])):
        # "1920030320": the CountryInfo converter put "19" before a date already written with 8 digits
        fixed = iso(int(text[2:6]), int(text[6:8]), int(text[8:10]))
        LOG.note("date repaired", f"{text} -> {fixed} ({where})")
        return fixed
    if len(text) == 8:
        value = iso(int(text[:4]), int(text[4:6]), int(text[6:8]))
    elif len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= YEAR_PIVOT else 1900
        value = iso(year, int(text[2:4]), int(text[4:6]))
    else:
        LOG.note("date unreadable", f"{text!r} ({where})")
        return None
    if value is None:
        LOG.note("date invalid", f"{text!r} ({where})")
    return value


def parse_code(content: str, where: str) -> Code | None:
    parts = content.split()
    if not parts:
        return None
    code = parts[0].strip()
    if code == "---":
        return Code("---")  # PETRARCH's null code: the phrase is explicitly not an actor
    if not re.fullmatch(r"[A-Z][A-Z0-9]{2,}", code):
        LOG.note("code ignored", f"[{content}] ({where})")
        return None
    spec = "".join(parts[1:])
    result = Code(code)
    if not spec:
        return result
    if spec[0] == "<":
        result.end = parse_date(spec[1:], where)
    elif spec[0] == ">":
        result.start = parse_date(spec[1:], where)
    elif "-" in spec:
        first, _, last = spec.partition("-")
        result.start = parse_date(first, where)
        result.end = parse_date(last, where)
    else:
        # a bare date: PETRARCH's test makes it always apply; the sources mean "from" ("entered Foreign Service")
        result.start = parse_date(spec, where)
        LOG.note("bare date read as from", f"[{content}] ({where})")
    if result.start and result.end and result.start > result.end:
        LOG.note("date range reversed, dropped", f"[{content}] ({where})")
        result.start = result.end = None
    return result


def read_records(path: Path, name: str) -> list[Record]:
    """The records of an actor file: primary phrase, ``+`` synonyms, code lines, comments."""
    records: list[Record] = []
    current: Record | None = None
    section = ""

    def add_codes(record: Record, codes: list[Code]) -> None:
        for code in codes:
            if code.code == "---":
                record.null = True
            else:
                record.codes.append(code)

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        body, _, comment = raw.partition("#")
        comment = comment.strip()
        stripped = body.strip()
        where = f"{name}:{number}"
        if not stripped:
            if current is not None:
                current.gap_after = True
            if raw.lstrip().startswith("#####") and comment.strip("# "):
                section = comment.strip("# ")  # a heading such as "#####  NGOs  ######"
            continue
        if stripped.startswith(("[", "+")) and current is None:
            continue
        if stripped.startswith("["):
            add_codes(current, [c for c in (parse_code(x, where) for x in CODE_RE.findall(stripped)) if c])
        elif stripped.startswith("+"):
            phrase, codes = split_codes(stripped[1:], where)
            current.names.append(phrase)
            add_codes(current, codes)
        else:
            phrase, codes = split_codes(stripped, where)
            current = Record(name, number, [phrase], [], [], section, None)
            add_codes(current, codes)
            records.append(current)
        if comment:
            current.comments.append(comment)
    if name == COUNTRIES:
        # the country entry above a record: its country when its codes do not say
        block = None
        for record in records:
            if record.codes and all(is_country_code(c.code) for c in record.codes):
                open_codes = [c.code for c in record.codes if c.end is None]
                block = (open_codes or [record.codes[-1].code])[-1]
            record.country_block = block
    return records


def split_codes(text: str, where: str) -> tuple[str, list[Code]]:
    index = text.find("[")
    if index < 0:
        return text.strip(), []
    codes = [c for c in (parse_code(content, where) for content in CODE_RE.findall(text[index:])) if c]
    return text[:index].strip(), codes


def is_country_code(code: str) -> bool:
    """A code naming a country or territory only: no role chunk (AFG, USAASM, IRQOCC, ARMUNR)."""
    if len(code) % 3 or code[:3] in INTERNATIONAL_PREFIXES:
        return False
    return not any(code[i : i + 3] in ROLE_CODES for i in range(0, len(code), 3))


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------


def tokens_of(phrase: str) -> list[str]:
    phrase = phrase.replace("\t", " ").replace("_", " ").upper()
    return [t for t in phrase.split() if t]


def is_initial(token: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?|[A-Z]", token))


def significant(tokens: list[str]) -> set[str]:
    out = set()
    for token in tokens:
        for part in re.split(r"[-']", token):
            part = part.strip(".")
            if len(part) >= 2 and part not in PARTICLES and part not in FUNCTION_WORDS and part != "ABU":
                out.add(part)
    return out


def similar_tokens(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    return any(
        len(x) >= 4 and len(y) >= 4 and x[0] == y[0] and difflib.SequenceMatcher(None, x, y).ratio() >= 0.75
        for x in a
        for y in b
    )


ABBREVIATIONS = {"US": ["UNITED", "STATES"], "U.S.": ["UNITED", "STATES"], "USA": ["UNITED", "STATES"],
                 "UK": ["UNITED", "KINGDOM"], "U.K.": ["UNITED", "KINGDOM"], "UN": ["UNITED", "NATIONS"],
                 "U.N.": ["UNITED", "NATIONS"], "EU": ["EUROPEAN", "UNION"]}


def expand_abbreviations(tokens: list[str]) -> list[str]:
    return [w for t in tokens for w in ABBREVIATIONS.get(t, [t])]


GENERIC_TITLES = frozenset({"Secretary", "Deputy", "Minister", "Chief", "Leader"})


def prune_titles(titles: list[str]) -> list[str]:
    """Without a title that only begins a longer one ("Secretary" beside "Secretary of State")."""
    def inside(t: str, u: str) -> bool:
        return u != t and (u.startswith((t + " ", t + "-")) or (t in GENERIC_TITLES and f" {t}" in f" {u}"))

    return [t for t in titles if not any(inside(t, u) for u in titles)]


def same_spelling(a: list[str], b: list[str]) -> bool:
    """Two names word by word the same up to spelling: "Lashkar e Taiba" / "Laskar i Toiba", "Labour" /
    "Labor", "Africa" / "African" (not "Department of Energy" / "Department of the Interior")."""
    if len(a) != len(b) or len(a) < 2 or a == b:
        return a == b  # one-word names are often acronyms: "UNESCO" is not "UNESCAP"
    links = {w.lower() for w in LINKS}
    for x, y in zip(a, b, strict=True):
        if x == y or (x in links and y in links) or (len(x) >= 4 and (x.startswith(y) or y.startswith(x))):
            continue
        if any(ch.isdigit() for ch in x + y) or difflib.SequenceMatcher(None, x, y).ratio() < 0.75:
            return False
    return True


def components(size: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """Connected components of 0..size-1 under ``linked``, each sorted, in order of their first member."""
    parent = list(range(size))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(size):
        for j in range(i + 1, size):
            if find(i) != find(j) and linked(i, j):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(size):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def abbreviates(letters: str, tokens: list[str]) -> bool:
    """Whether ``letters`` are initials of ``tokens`` (in order, some words skipped): "IPCC", "ANSF"."""
    return any(letters[:1] == initials[:1] and is_subsequence(letters, initials) for initials in initials_of(tokens))


def is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def same_person_names(a: list[str], b: list[str]) -> bool:
    """Whether two forms of a name can be one person's: they share (or nearly share) a word other than
    a first name shared as a first name ("PENNY WONG" / "PENNY YINGYEN WONG", not "AHMED DARWISH" /
    "AHMED EL AMAWY"); a one-word form needs any shared word."""
    if len(a) == 1 or len(b) == 1:
        return similar_tokens(significant(a), significant(b))
    head = significant(a[:1]) & significant(b[:1])
    return similar_tokens(significant(a) - head, significant(b) - head) or similar_tokens(
        significant(a[1:]), significant(b[1:])
    )


def initials_of(tokens: list[str]) -> set[str]:
    words: list[str] = []
    for token in tokens:
        words.extend(p for p in re.split(r"[-/]", token) if p)
    letters = [w[0] for w in words if w[0].isalpha()]
    short = [w[0] for w in words if w[0].isalpha() and w not in FUNCTION_WORDS]
    return {"".join(letters), "".join(short)}


@cache
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name as the alias rules compare them: normalised, apostrophes inside a word left out
    ("People's" as "Peoples", "Qa'ida" as "Qaida")."""
    return tuple(normalise_name(re.sub(r"(?<=\w)['\u2019](?=\w)", "", text)).split())


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def initials_forms(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The name with one run of two or more words written as their initials ("pla navy" for "peoples
    liberation army navy", "continuity ira" for "continuity irish republican army")."""
    out = set()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            run = [w for w in words[i:j] if w not in NAME_STOPWORDS]
            if len(run) >= 2:
                out.add((*words[:i], "".join(w[0] for w in run), *words[j:]))
    return out


def given_names_match(x: str, y: str) -> bool:
    """Two given names of one person: the same up to spelling ("Sofia" / "Sophia"), an initial, a
    hypocorism ("Bill" / "William"), or a peerage ("Lady Ashton")."""
    if x == y or x in PEERAGE_WORDS or y in PEERAGE_WORDS:
        return True
    if (len(x) <= 2 and y.startswith(x[0])) or (len(y) <= 2 and x.startswith(y[0])):
        return True
    return y in NICKNAME_SETS.get(x, ()) or (min(len(x), len(y)) >= 3 and ratio(x, y) >= GIVEN_NAME)


def name_word_match(x: str, y: str) -> bool:
    """Two words of one person's name written differently ("Qadhafi" / "Gaddafi", "Mazzetti" / "Masetti")."""
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    threshold = SURNAME_LONG if min(len(x), len(y)) >= 6 else SURNAME_SHORT
    return min(len(x), len(y)) >= 3 and ratio(x, y) >= threshold


def read_scowl(path: Path) -> set[str]:
    """The lower-case words of a SCOWL list (one a line, plain or gzipped): proper names and acronyms
    ("Senate", "NATO") left out."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return {w for w in data.decode("utf-8").split() if re.fullmatch(r"[a-z]+", w)}


def read_word_file(path: Path) -> set[str]:
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}


def name_tokens(source: Path) -> set[str]:
    """The lower-case words of the names of the actor files (comments and codes left out)."""
    out: set[str] = set()
    for name in ACTOR_FILES:
        for line in (source / name).read_text(encoding="utf-8").splitlines():
            body = re.sub(r"\[[^\]]*\]", " ", line.partition("#")[0])
            out.update(w.lower() for w in re.findall(r"[A-Za-z]+", body))
    return out


class Caser:
    """Display-casing of Phoenix's UPPER_CASE phrases."""

    def __init__(self, acronyms: set[str]) -> None:
        self.acronyms = acronyms

    def token(self, token: str, first: bool, org: bool, korean: bool) -> str:
        bare = token.rstrip(",;:")
        tail = token[len(bare) :]
        if not bare:
            return token
        if org and bare in COMPANY_SUFFIXES:
            return COMPANY_SUFFIXES[bare] + tail
        if org and (bare in self.acronyms or self.looks_acronym(bare)):
            return bare + tail
        if re.fullmatch(r"(?:[A-Z]\.)+", bare):
            return bare + tail
        if not first and re.fullmatch(r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII)", bare):
            return bare + tail
        if org and not first and bare in ("E", "I", "UL", "UD"):
            return bare.lower() + tail  # "LASHKAR E TOIBA", "TEHRIK I TALIBAN"
        parts = bare.split("-")
        out = []
        for i, part in enumerate(parts):
            if not part:
                out.append(part)
            elif i > 0 and korean and len(parts) == 2 and not org:
                out.append(part.lower())  # "BAN KI-MOON" -> "Ban Ki-moon"
            elif i == 0 and not first and (part in PARTICLES or part in ARTICLES) and len(parts) > 1:
                out.append(part.lower())  # "BASHAR AL-ASSAD" -> "al-Assad", "IZZ AD-DIN" -> "ad-Din"
            elif i == 0 and not first and part in PARTICLES:
                out.append(part.lower())  # "AL", "BIN", "VAN", "DE" inside a name
            elif 0 < i < len(parts) - 1 and part in LINKS:
                out.append(part.lower())  # "LASHKAR-E-TAIBA", "TEHRIK-I-TALIBAN", "HARKAT-UL-ANSAR"
            elif org and ((i == 0 and not first and part in FUNCTION_WORDS) or (i > 0 and part in DESCRIPTIVE)):
                out.append(part.lower())  # "of", "the"; "Qatar-based"
            else:
                out.append(self.word(part))
        return "-".join(out) + tail

    @staticmethod
    def looks_acronym(token: str) -> bool:
        letters = re.sub(r"[^A-Z]", "", token)
        if len(letters) < 2 or token in PARTICLES or token in FUNCTION_WORDS:
            return False
        if any(ch.isdigit() for ch in token) and letters:
            return True
        return not re.search(r"[AEIOUY]", letters)

    @staticmethod
    def word(part: str) -> str:
        if re.fullmatch(r"MC[A-Z]{2,}", part):
            return "Mc" + part[2:].capitalize()
        if "'" in part:
            pieces = part.split("'")
            head = pieces[0].capitalize() if pieces[0] else ""
            rest = []
            for piece in pieces[1:]:
                if (len(pieces[0]) == 1 and pieces[0] in "ODL") or not pieces[0]:
                    rest.append(piece.capitalize())
                else:
                    rest.append(piece.lower())
            return "'".join([head, *rest])
        if part.isalpha() or re.fullmatch(r"[0-9]+[A-Z]+", part):
            return part.capitalize()
        # "SIPAH-E-SAHABA/PAKISTAN", "A.K.A." and the like: capitalise each run of letters
        return re.sub(r"[A-Z]+", lambda m: m.group().capitalize(), part)

    def phrase(self, tokens: list[str], org: bool, korean: bool = False) -> str:
        return " ".join(self.token(t, i == 0, org, korean) for i, t in enumerate(tokens))


@dataclass
class Parsed:
    tokens: list[str]  # the name without titles
    titles: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    extra: list[list[str]] = field(default_factory=list)  # alternative names found in parentheses


def clean_phrase(phrase: str) -> list[str]:
    """Phrases of a name line: '+' inside a line joins two names; ', THEN ' two people."""
    phrase = phrase.replace("\u2014", " ")
    out = []
    for part in phrase.split("+"):
        for piece in re.split(r",[ _]+THEN[ _]+", part.upper()):
            piece = piece.strip(" _\t")
            if piece:
                out.append(piece)
    return out


def parse_name(phrase: str) -> Parsed:
    tokens, acronyms, extra = _parse_name(phrase)
    return Parsed(list(tokens), [], list(acronyms), [list(e) for e in extra])


@cache
def _parse_name(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, ...], ...]]:
    text = phrase.replace("_", " ").replace("\t", " ")
    acronyms: list[str] = []
    extra: list[list[str]] = []
    nickname = re.search(r'\s"([^"]+)"\s', f" {text} ")
    if nickname:
        # 'TZIPORA "TZIPI" LIVNI': the name without the nickname, and with it for the first name
        words = f" {text} ".split()
        i = next(k for k, w in enumerate(words) if w.startswith('"'))
        plain = [w for w in words if not (w.startswith('"') or w.endswith('"'))]
        if i > 0 and len(plain) >= 2:
            extra.append(tokens_of(" ".join([nickname.group(1), *words[i + 1 :]])))
        text = " ".join(plain)
    for inner in re.findall(r"\(([^()]*)\)", text):
        tokens = tokens_of(inner)
        if len(tokens) == 1 and re.fullmatch(r"[A-Z][A-Z0-9.&-]*", tokens[0]):
            acronyms.append(tokens[0])  # an acronym, a qualifier or a one-word name: see Converter.parenthesis
        elif tokens:
            extra.append(tokens)
    text = re.sub(r"\([^()]*\)", " ", text)
    text = re.sub(r"\(.*$", " ", text)  # an unclosed parenthesis: "TSAKHIAGIYN_ELBEGDORJ_(1ST_TIME_"
    tokens = [t.strip(",") if i == 0 else t for i, t in enumerate(tokens_of(text))]
    tokens = [t for t in tokens if t not in ("(", ")", "-", ",")]
    while tokens and tokens[0] == "THE":
        tokens = tokens[1:]
    if len(tokens) >= 2 and tokens[-1] == "THE":
        tokens = tokens[:-1]  # "ANARCHISTS,_THE"
        tokens[-1] = tokens[-1].rstrip(",")
    if tokens:
        tokens[-1] = tokens[-1].rstrip(",")
    if len(tokens) > 2 and re.fullmatch(r"[0-9]+(?:D|ST|ND|RD|TH)", tokens[-1]):
        tokens = tokens[:-1]  # "JAMES A. BAKER 3D": the NYT's "III"
    return tuple(tokens), tuple(acronyms), tuple(tuple(e) for e in extra)


class Titles:
    """Recognises titles at the start of a person's name ("RUSSIAN PRIME MINISTER VLADIMIR PUTIN")."""

    def __init__(self, roles: list[str]) -> None:
        self.roles = set(roles)  # the project's titles of office
        self.table: dict[tuple[str, ...], str] = {}
        for role in roles:
            for variant in {role, role.replace("-", " ")}:
                self.table[tuple(variant.upper().split())] = role
        for phrase, role in EXTRA_TITLES.items():
            self.table[tuple(phrase.split())] = role
        # one spelling per title: "Secretary General" and "Secretary-General" are both in roles.txt
        self.table[("SECRETARY", "GENERAL")] = "Secretary-General"
        self.table[("SECRETARY-GENERAL",)] = "Secretary-General"
        self.table[("VICE-PRESIDENT",)] = "Vice President"
        self.longest = max(len(k) for k in self.table)

    def match(self, tokens: list[str], start: int) -> tuple[int, str] | None:
        for size in range(min(self.longest, len(tokens) - start), 0, -1):
            role = self.table.get(tuple(tokens[start : start + size]))
            if role:
                return size, role
        return None

    def strip(self, tokens: list[str], demonyms: set[str]) -> tuple[list[str], list[str], bool]:
        """(name, titles, honorific_seen): titles, their qualifiers and honorifics taken off the front."""
        titles: list[str] = []
        honorific = False
        # "PRESIDENT OF THE RUSSIAN FEDERATED REPUBLIC, BORIS N. YELTSIN"
        for i, token in enumerate(tokens[:-1]):
            if token.endswith(","):
                head = [t.rstrip(",") for t in tokens[: i + 1]]
                _, head_titles, _ = self.strip(head, demonyms)
                if head_titles:
                    return tokens[i + 1 :], head_titles, False
                break
        tokens = list(tokens)
        i = 0
        while i < len(tokens):
            token = tokens[i]
            found = self.match(tokens, i)
            if found:
                size, role = found
                titles.append(role)
                i += size
                if i < len(tokens) and tokens[i] in ("OF", "TO", "FOR", "AT", "IN", "ON"):
                    return [], titles, honorific  # "MINISTER OF ...", "AMBASSADOR TO ...": an office
                continue
            if token in HONORIFICS:
                honorific = True
                i += 1
                continue
            if token.startswith("EX-") and len(token) > 3:
                tokens[i] = token[3:]
                continue
            if (token in TITLE_QUALIFIERS or token in demonyms) and self.match_ahead(tokens, i + 1, demonyms):
                i += 1
                continue
            break
        return tokens[i:], titles, honorific

    def match_ahead(self, tokens: list[str], start: int, demonyms: set[str]) -> bool:
        for i in range(start, len(tokens)):
            if self.match(tokens, i) or tokens[i] in HONORIFICS:
                return True
            if tokens[i] not in TITLE_QUALIFIERS and tokens[i] not in demonyms:
                return False
        return False


# ---------------------------------------------------------------------------------------------
# The curated gazetteer
# ---------------------------------------------------------------------------------------------


@dataclass
class Curated:
    rows: dict[str, dict]  # key -> row
    by_name: dict[str, dict[str, set[str]]]  # normalised name -> {"label"|"alias": keys}
    iso: dict[str, str]  # ISO alpha-3 -> country key
    country_names: dict[str, str]  # normalised country name -> key
    person_countries: dict[str, set[str]]  # person key -> country keys of its affiliations
    acronyms: set[str]
    # normalised surface form -> keys of the actors it names: labels, aliases, seats, demonyms, 3-letter codes
    forms: dict[str, set[str]]
    places: dict[str, str]  # one-word country name or demonym, normalised -> country key ("chinese" -> Q148)


def load_curated() -> Curated:
    rows: dict[str, dict] = {}
    for path in sorted(GAZETTEER.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["key"]] = row
    by_name: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    iso: dict[str, str] = {}
    country_names: dict[str, str] = {}
    acronyms: set[str] = set()
    for key, row in rows.items():
        by_name[normalise_name(row["label"])]["label"].add(key)
        for alias in row.get("aliases") or []:
            by_name[normalise_name(alias)]["alias"].add(key)
        if row["type"] == "Country":
            for code in row.get("codes") or []:
                if len(code) == 3:
                    iso[code] = key
            for name in [row["label"], *(row.get("aliases") or [])]:
                country_names.setdefault(normalise_name(name), key)
        if row["type"] in ("Organization", "Country", "Group"):
            for name in [row["label"], *(row.get("aliases") or [])]:
                for token in name.split():
                    if re.fullmatch(r"[A-Z][A-Z.&]*[A-Z]\.?", token) and len(re.sub(r"\W", "", token)) >= 2:
                        acronyms.add(token)
    person_countries = {
        key: {a["org"] for a in row.get("affiliations") or [] if rows.get(a["org"], {}).get("type") == "Country"}
        for key, row in rows.items()
        if row["type"] == "Person"
    }
    forms: dict[str, set[str]] = defaultdict(set)
    places: dict[str, str] = {}
    for key, row in sorted(rows.items()):
        codes = [c for c in row.get("codes") or [] if len(c) == 3]
        names = [row["label"], *(row.get("aliases") or [])]
        for name in [*names, *(row.get("seats") or []), *(row.get("demonyms") or []), *codes]:
            if normalise_name(name):
                forms[normalise_name(name)].add(key)
        if row["type"] == "Country":
            for name in [*names, *(row.get("demonyms") or [])]:
                if len(normalise_name(name).split()) == 1:
                    places.setdefault(normalise_name(name), key)
    return Curated(rows, by_name, iso, country_names, person_countries, acronyms, dict(forms), places)


@dataclass
class Officeholder:
    """A person of ``kg/data/wikidata/officeholders.jsonl``: QID, countries and the days of each office."""

    key: str
    countries: frozenset[str]
    offices: tuple[tuple[str, datetime.date, datetime.date], ...]  # (org, first day, last day)


def _first_day(value: str) -> datetime.date:
    parts = [int(p) for p in value.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> datetime.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 2:
        return datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - datetime.timedelta(days=1)
    return datetime.date(parts[0], 12, 31)


def load_officeholders(curated: Curated) -> dict[str, list[Officeholder]]:
    """Normalised name -> the Wikidata officeholders bearing it (an empty index without the file)."""
    by_name: dict[str, list[Officeholder]] = defaultdict(list)
    if not OFFICEHOLDERS.is_file():
        return by_name
    countries = {key for key, row in curated.rows.items() if row["type"] == "Country"}
    for line in OFFICEHOLDERS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        offices = tuple(
            (a["org"], _first_day(a["from"]) if "from" in a else datetime.date.min,
             _last_day(a["to"]) if "to" in a else datetime.date.max)
            for a in row.get("affiliations") or []
        )
        holder = Officeholder(row["key"], frozenset({o for o, _, _ in offices if o in countries}), offices)
        for name in dict.fromkeys(normalise_name(n) for n in [row["label"], *(row.get("aliases") or [])]):
            if name:
                by_name[name].append(holder)
    return by_name


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------


@dataclass
class Actor:
    type: str
    names: list[list[str]]  # token lists; names[0] is the label
    file: str
    line: int
    codes: list[Code]
    titles: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    country_code: str | None = None  # Phoenix country code
    country: str | None = None  # curated key
    key: str | None = None
    curated: str | None = None
    wikidata: str | None = None  # the QID of the Wikidata officeholder a person is (not a curated actor)
    label: str = ""
    aliases: list[str] = field(default_factory=list)
    merged: int = 1
    notes: list[str] = field(default_factory=list)  # the source's comments
    part: int = 0  # > 0: a body split off the entry's names (rule 1), ranked after the entry's own actor
    alias_count: int = 0  # aliases before the alias rules (for the report)
    dropped: list[str] = field(default_factory=list)  # aliases the alias rules dropped (for the report)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


class Converter:
    def __init__(self, source: Path, words: set[str] | None = None) -> None:
        self.source = source
        self.curated = load_curated()
        self.officeholders = load_officeholders(self.curated)
        # English words (rule 3 and the contrast test): the committed subset of SCOWL unless given
        self.english = words if words is not None else read_word_file(DEFAULT_OUT / WORDS_FILE)
        self.alias_stats: Counter[tuple[str, str]] = Counter()
        self.titles = Titles(
            [line.strip() for line in ROLES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
        )
        self.demonyms = {
            d.upper()
            for row in self.curated.rows.values()
            if row["type"] == "Country"
            for d in row.get("demonyms") or []
            if " " not in d
        }
        self.records = {name: read_records(source / name, name) for name in ACTOR_FILES}
        # the dictionaries' horizon: an open term is known to run until the latest date they give
        self.horizon = max((datetime.date.fromisoformat(d) for records in self.records.values() for r in records
                            for c in r.codes for d in (c.start, c.end) if d), default=datetime.date.max)
        self.country_entries: dict[str, list[Record]] = defaultdict(list)
        for record in self.records[COUNTRIES]:
            if record.codes and all(is_country_code(c.code) for c in record.codes):
                for code in record.codes:
                    self.country_entries[code.code].append(record)
        self.compound_codes = {c for c in self.country_entries if len(c) > 3}
        # every chunk that opens a code: countries, regions (AFR, WEU, MEA) and the like
        self.area_codes = {c.code[:3] for records in self.records.values() for r in records for c in r.codes}
        self.area_codes = (self.area_codes | REGIONS) - INTERNATIONAL_PREFIXES
        country_names: dict[str, str] = {}
        for code, entries in sorted(self.country_entries.items()):
            for record in entries:
                country_names.setdefault(normalise_name(" ".join(tokens_of(record.names[0]))), code)
        for record in self.records[INTERNATIONAL]:
            # "# president of the CoEU from UNITED_KINGDOM# IGOrulers.txt"
            for comment in record.comments:
                found = re.search(r"\bfrom ([A-Z][A-Z_]+)", comment)
                if found and normalise_name(found.group(1).replace("_", " ")) in country_names:
                    record.country_block = country_names[normalise_name(found.group(1).replace("_", " "))]
        self.country_map: dict[str, str | None] = {}
        self.unmapped: Counter[str] = Counter()
        self.mapped_how: dict[str, str] = {}
        self.org_letters: dict[str, set[str]] = defaultdict(set)
        for key, row in sorted(self.curated.rows.items()):
            if row["type"] == "Organization":
                for name in [row["label"], *(row.get("aliases") or [])]:
                    letters = re.sub(r"[^a-z]", "", normalise_name(name))
                    if len(letters) >= 6:
                        self.org_letters[letters].add(key)
        self.place_words = {
            t for entries in self.country_entries.values() for r in entries for n in r.names for t in tokens_of(n)
        } - FUNCTION_WORDS
        self.vocabulary = self.collect_vocabulary()
        self.first_names = self.collect_first_names()
        self.caser = Caser(self.collect_acronyms())
        # words that may stand before a title ("RUSSIAN", "CIA", "GEORGIA" in "FORMER GEORGIA GOVERNOR")
        self.qualifiers = (self.demonyms | self.caser.acronyms | self.place_words) - self.first_names
        self.surnames = self.collect_surnames()
        # countries and their demonyms, a name of several words as one ("unitedstates") -> country key
        self.places = dict(self.curated.places)
        for key, row in sorted(self.curated.rows.items()):
            if row["type"] == "Country":
                for name in [row["label"], *(row.get("aliases") or []), *(row.get("demonyms") or [])]:
                    if 2 <= len(name_words(name)) <= 4:
                        self.places.setdefault("".join(name_words(name)), key)
        self.place_names = (
            {w.lower() for w in self.place_words | self.demonyms}
            | set(self.places)
            | {w for row in self.curated.rows.values() for seat in row.get("seats") or [] for w in name_words(seat)}
        )

    # -- countries --------------------------------------------------------------------------

    def split_country(self, code: str) -> tuple[str | None, str]:
        """(Phoenix country code, the rest) of a code such as USAGOVLEG or USAASMGOV."""
        if code[:3] in INTERNATIONAL_PREFIXES:
            return None, code
        if code[:6] in self.compound_codes:
            return code[:6], code[6:]
        return code[:3], code[3:]

    def map_country(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code in self.country_map:
            return self.country_map[code]
        key = self._map_country(code)
        self.country_map[code] = key
        return key

    def _map_country(self, code: str) -> str | None:
        if code in CODE_TYPOS:
            self.mapped_how[code] = f"typo for {CODE_TYPOS[code]}"
            return self.map_country(CODE_TYPOS[code])
        if code in self.curated.iso:
            self.mapped_how[code] = "ISO alpha-3"
            return self.curated.iso[code]
        for record in self.country_entries.get(code, []):
            for phrase in record.names[:1]:
                key = self.curated.country_names.get(normalise_name(" ".join(tokens_of(phrase))))
                if key:
                    self.mapped_how[code] = f"name {phrase.strip('_')}"
                    return key
        for compound in sorted(self.compound_codes):
            if len(code) == 3 and compound[3:] == code and self.map_country(compound[:3]):
                # PRI, which Phoenix's country entry codes USAPRI: the sovereign, as for USAPRI
                self.mapped_how[code] = f"as {compound}"
                return self.map_country(compound[:3])
        if len(code) == 6:
            # a territory or a former status: the inner entity when curated, else its sovereign
            for part in (code[3:], code[:3]):
                if part in ("OCC", "UNR", "AUT"):
                    continue
                key = self.map_country(part)
                if key:
                    self.mapped_how[code] = f"via {part}"
                    return key
        return None

    def country_of(self, codes: list[Code], fallback: str | None) -> tuple[str | None, str | None]:
        """(Phoenix code, curated key) of the country most of ``codes`` name."""
        votes: Counter[str] = Counter()
        order: dict[str, int] = {}
        for i, code in enumerate(codes):
            country, _ = self.split_country(code.code)
            if country and self.map_country(country):
                votes[country] += 1
                order[country] = i
        if votes:
            best = max(votes, key=lambda c: (votes[c], order[c]))
            return best, self.map_country(best)
        for code in codes:
            country, _ = self.split_country(code.code)
            if country:
                return country, None
        if fallback:
            return self.split_country(fallback)[0], self.map_country(self.split_country(fallback)[0])
        return None, None

    # -- vocabularies derived from the data -------------------------------------------------

    def collect_first_names(self) -> set[str]:
        counts: Counter[str] = Counter()
        for record in self.records[COUNTRIES]:
            if any("COUNTRYINFO" in c.upper() for c in record.comments):
                tokens, _, _ = self.titles.strip(parse_name(record.names[0]).tokens, self.demonyms)
                if len(tokens) >= 2 and not (set(tokens) & ORG_WORDS):
                    counts[tokens[0]] += 1
        names = {n for n, c in counts.items() if len(n) >= 3 and not is_initial(n) and n.isalpha()}
        names -= self.vocabulary
        self.common_first_names = {n for n in names if counts[n] >= 2}
        lexicons = REPO / "kg" / "data" / "lexicons"
        for lexicon in ("male_names.txt", "female_names.txt"):
            for line in (lexicons / lexicon).read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    names.add(line.strip().upper())
        exclude = ORG_WORDS | PARTICLES | FUNCTION_WORDS | self.demonyms | {"ABU", "SAINT", "ST."}
        self.common_first_names -= exclude
        return names - exclude

    def collect_surnames(self) -> set[str]:
        """Last words of the CountryInfo people's names and of names with a known first name."""
        out: set[str] = set()
        for records in self.records.values():
            for record in records:
                countryinfo = any("COUNTRYINFO" in c.upper() for c in record.comments)
                for phrase in record.names:
                    tokens = parse_name(phrase).tokens
                    if len(tokens) >= 2 and not self.has_org_word(tokens) and (
                        countryinfo or tokens[0] in self.first_names
                    ):
                        out.add(re.sub(r"^(?:AL|EL)-", "", tokens[-1]))
        return out - self.vocabulary

    def collect_vocabulary(self) -> set[str]:
        words: set[str] = set(ORG_WORDS) | FUNCTION_WORDS | self.demonyms | HONORIFICS | TITLE_QUALIFIERS
        for key in self.titles.table:
            words.update(key)
        for raw in (self.source / AGENTS).read_text(encoding="utf-8").splitlines():
            phrase = re.sub(r"!\w+!", " ", raw.partition("#")[0].partition("[")[0])
            words.update(tokens_of(re.sub(r"[{}]", " ", phrase)))
        counts: Counter[str] = Counter()
        for records in self.records.values():
            for record in records:
                for phrase in record.names:
                    tokens = tokens_of(phrase)
                    if len(tokens) >= 2 and self.has_org_word(tokens):
                        counts.update(t for t in set(tokens) if t.isalpha())
        words.update(t for t, n in counts.items() if n >= 5)
        return words

    def collect_acronyms(self) -> set[str]:
        acronyms = set(self.curated.acronyms)
        for records in self.records.values():
            for record in records:
                for phrase in record.names:
                    for piece in clean_phrase(phrase):
                        p = parse_name(piece)
                        acronyms.update(a for a in p.acronyms if self.parenthesis(a, p.tokens) == "acronym")
        acronyms -= self.demonyms | self.vocabulary | self.place_words | PARTICLES
        return acronyms | {"US", "U.S.", "UK", "U.K.", "UN", "U.N.", "EU", "USA", "USSR"}

    def parenthesis(self, word: str, tokens: list[str]) -> str:
        """What one word in parentheses after a name is: "acronym" ("(AAIA)", "(DAWN)", "(ETA)"), "name"
        ("(MACHETE)"), or why it is dropped ("(VENEZUELA)", "(NATION)", "(AN)")."""
        letters = re.sub(r"[^A-Z0-9]", "", word)
        plain = word not in self.vocabulary and word not in self.place_words and word not in self.demonyms
        if len(letters) < 3:
            return "under three letters"
        if abbreviates(letters, tokens) or Caser.looks_acronym(word) or (len(letters) <= 4 and plain):
            return "acronym"
        if not plain:
            return "a place or a common word"
        return "name"

    # -- classification ---------------------------------------------------------------------

    def has_org_word(self, tokens: list[str]) -> bool:
        return any(t in ORG_WORDS or t.rstrip(".,") in ORG_WORDS for t in tokens)

    def person_like(self, tokens: list[str], initials: bool = False, common: bool = False) -> bool:
        """A personal name: 2-6 words, no organisation word, a known first name (or, with ``initials``,
        an initial) first."""
        if not 2 <= len(tokens) <= 6 or self.has_org_word(tokens):
            return False
        if any(re.search(r"[0-9/&]", t) for t in tokens):
            return False
        head = tokens[0]
        if head in (self.common_first_names if common else self.first_names):
            return True
        return initials and is_initial(head) and not is_initial(tokens[-1]) and len(tokens[-1]) > 2

    def role_phrase(self, tokens: list[str]) -> bool:
        """A title without a name: "US SECRETARY OF STATE", "UN ENVOY", "WORLD BANK PRESIDENT"."""
        # "U.S.-VICE PRESIDENT"
        tokens = [w for t in tokens for w in (t.split("-", 1) if t.split("-")[0] in self.qualifiers else [t])]
        name, titles, _ = self.titles.strip(tokens, self.qualifiers)
        if titles and not name:
            return True
        # "WORLD BANK PRESIDENT", "KOSOVA PRIME MINISTER": a body or place, then a title (not "JOHN MAJOR")
        if tokens[0] in self.first_names:
            return False
        for start in range(1, len(tokens)):
            found = self.titles.match(tokens, start)
            if found and start + found[0] == len(tokens):
                return all(
                    t in self.caser.acronyms or t in ORG_WORDS or t in FUNCTION_WORDS or t in TITLE_QUALIFIERS
                    or t in self.demonyms or t in self.place_words
                    for t in tokens[:start]
                )
        return False

    def classify(self, record: Record, names: list[Parsed], codes: list[Code]) -> str:
        label = names[0].tokens
        comments = " ".join(record.comments).upper()
        if record.file == COUNTRIES and "COUNTRYINFO" in comments:
            return "Organization" if self.has_org_word(label) else "Person"
        if "IGORULERS" in comments:
            return "Person"
        if self.has_org_word(label):
            return "Organization"
        company = "MULTINATIONAL" in record.section.upper() or (codes and all(c.code[:3] == "MNC" for c in codes))
        if re.search(r"\b(LEADER|MEMBER|COMMANDER|FOUNDER|SPOKESMAN|SPOKESWOMAN|ALIAS OF|HEAD OF|BOMB MAKER|"
                     r"AMBASSADOR|MINISTER|PRESIDENT|SECRETARY|ENVOY|JOURNALIST|RAPPORTEUR)\b", comments):
            return "Person"
        if company:
            return "Organization"
        if record.file == MILNONSTATE and "KKL" in comments:
            return "Organization"  # the armed groups from START's TOPS database
        strict = record.file == MILNONSTATE or "NGO" in record.section.upper()
        bare, titles, honorific = self.titles.strip(label, self.qualifiers)
        if (titles or honorific) and bare and not self.has_org_word(bare):
            return "Person"
        if self.person_like(label, initials=True, common=strict):
            return "Person"
        if len(label) == 1 and re.fullmatch(r"[A-Z][A-Z'-]{3,}", label[0]) and not Caser.looks_acronym(label[0]) and (
            label[0] not in self.vocabulary and label[0] not in self.caser.acronyms
        ) and any(c.start or c.end for c in codes) and not company:
            return "Person"  # "SUBROTO_ [IGOBUSOPC 880701-940630]": a term of office
        if 2 <= len(label) <= 4 and all(re.fullmatch(r"[A-Z][A-Z'.-]*", t) for t in label) and not (
            set(label) & FUNCTION_WORDS
        ) and any(c.start or c.end for c in codes) and not company:
            return "Person"  # a dated code on a plain name: a term of office
        if 2 <= len(label) <= 5 and all(re.fullmatch(r"[A-Z][A-Z'.-]*", t) for t in label):
            if any(p.tokens == label[-1:] for p in names[1:]):
                return "Person"  # "FILIP_VUJANOVIC_" +"VUJANOVIC_": a surname on its own
            if any(self.split_country(c.code)[1].startswith("ELI") for c in codes):
                return "Person"  # the ELI (elite) sector is for people
        if len(label) >= 3 and any(t in ("BIN", "IBN", "BINT") for t in label[1:-1]):
            return "Person"  # "OSAMA BIN LADEN"
        surnames = significant(label) - self.first_names
        for p in names[1:]:
            if self.person_like(p.tokens, common=strict) and significant(p.tokens) & surnames:
                return "Person"  # "AYMAN AL ZAWAHIRI" +"AYMAN AL-ZAWAHIRI"
        return "Organization"

    # -- records -> actors ------------------------------------------------------------------

    def units(self, records: list[Record]) -> list[tuple[list[Record], list[Code]]]:
        """Records that share codes: PETRARCH gives the codes of a record to its primary phrase and
        synonyms; a primary phrase without codes directly followed by another primary phrase (no blank
        line) is, by the file's evident intent, covered by the codes that follow. Those run-on phrases
        are one actor when they share a word (BORIS_YELTSIN_ / BORIS_N._YELTSIN / PRESIDENT_YELTSIN),
        else separate actors with the same codes (MUHAJIRIN_WA-ANSAR_ALLIANCE / JUND_AL_AQSA)."""
        clusters: list[list[Record]] = []
        run: list[Record] = []
        for record in records:
            run.append(record)
            if record.codes or record.null or record.gap_after:
                clusters.append(run)
                run = []
        if run:
            clusters.append(run)
        out: list[tuple[list[Record], list[Code]]] = []
        for cluster in clusters:
            codes = [c for r in cluster for c in r.codes]
            if len(cluster) == 1:
                out.append((cluster, codes))
                continue
            # a shared surname or name word, not a first name or a generic word ("AHMED", "UNITED")
            generic = self.first_names | ORG_WORDS | self.demonyms
            words = [significant([t for n in r.names for t in tokens_of(n)]) - generic for r in cluster]
            groups = [
                [cluster[i] for i in c]
                for c in components(len(cluster), lambda i, j, words=words: bool(words[i] & words[j]))
            ]
            if len(groups) > 1:
                LOG.note("run-on phrases kept apart", " / ".join(r.names[0] for r in cluster))
            else:
                LOG.note("run-on phrases joined", " / ".join(r.names[0] for r in cluster))
            for members in groups:
                out.append((members, codes))
        return out

    def build(self) -> list[Actor]:
        actors: list[Actor] = []
        for name in ACTOR_FILES:
            for records, codes in self.units(self.records[name]):
                actors.extend(self.actors_of(records, codes))
        return actors

    def actors_of(self, records: list[Record], codes: list[Code]) -> list[Actor]:
        head = records[0]
        where = f"{head.file}:{head.line}"
        if not codes and any(r.null for r in records):
            LOG.note("entry with the null code [---] dropped", f"{head.names[0]} ({where})")
            return []
        if head.names[0].startswith("Source:"):
            LOG.note("stray line dropped", f"{head.names[0]} ({where})")
            return []
        if any(self.split_country(c.code)[0] in FICTIONAL_CODES for c in codes) or any(
            normalise_name(" ".join(tokens_of(n))) in FICTIONAL_NAMES for r in records for n in r.names
        ):
            LOG.note("fictional test entry dropped", f"{head.names[0]} ({where})")
            return []
        if head.file == COUNTRIES and codes and all(is_country_code(c.code) for c in codes):
            LOG.note("country or place entry (not an actor)", head.names[0])
            return []
        parsed: list[Parsed] = []
        for record in records:
            for phrase in record.names:
                for piece in clean_phrase(phrase):
                    p = parse_name(piece)
                    inside, p.acronyms = p.acronyms, []
                    for word in inside:
                        kind = self.parenthesis(word, p.tokens)
                        if kind == "acronym":
                            p.acronyms.append(word)
                        elif kind == "name":
                            p.extra.append([word])
                        else:
                            LOG.note(f"word in parentheses dropped ({kind})", f"{word} in {' '.join(p.tokens)}")
                    if p.tokens:
                        parsed.append(p)
                    for extra in p.extra:
                        if all(t in self.place_words or t in self.demonyms or t in FUNCTION_WORDS for t in extra):
                            LOG.note("place in parentheses dropped", f"{' '.join(extra)} in {' '.join(p.tokens)}")
                        else:
                            parsed.append(Parsed(extra, [], [], []))
        parsed = [p for p in parsed if p.tokens]
        if not parsed:
            return []
        roles = [self.role_phrase(p.tokens) for p in parsed]
        if any(roles) and all(r or len(p.tokens) == 1 for r, p in zip(roles, parsed, strict=True)):
            LOG.note("role phrase entry dropped", f"{head.names[0]} ({where})")
            return []
        if not codes and head.file == COUNTRIES and not head.country_block:
            LOG.note("entry without code or country dropped", f"{head.names[0]} ({where})")
            return []
        kind = self.classify(head, parsed, codes)
        if kind == "Person":
            return self.people(head, parsed, codes)
        return self.organisation(head, parsed, codes)

    def new_actor(self, kind: str, head: Record, names: list[list[str]], codes: list[Code]) -> Actor:
        actor = Actor(kind, names, head.file, head.line, list(codes))
        actor.notes = list(head.comments)
        actor.country_code, actor.country = self.country_of(codes, head.country_block)
        if kind == "Organization":
            international = not codes or all(self.split_country(c.code)[0] is None for c in codes)
            if international:
                actor.country_code, actor.country = self.ngo_country(codes)
        if actor.country_code and not actor.country:
            self.unmapped[actor.country_code] += 1
        return actor

    def ngo_country(self, codes: list[Code]) -> tuple[str | None, str | None]:
        """An NGO's or a company's base (NGOUSAHLH, MNCJPN): the country chunk after the prefix."""
        for code in codes:
            if code.code[:3] in ("NGO", "MNC") and len(code.code) >= 6:
                key = self.curated.iso.get(code.code[3:6])
                if key:
                    return code.code[3:6], key
        return None, None

    def people(self, head: Record, parsed: list[Parsed], codes: list[Code], split: bool = False) -> list[Actor]:
        """The people named by ``parsed``: one, plus any synonym sharing no word with the others (another
        person listed under the same codes); with ``split`` (names taken from an organisation's entry)
        every group of related names is a person."""
        where = f"{head.file}:{head.line}"
        entries: list[tuple[list[str], list[str]]] = []  # (name, titles)
        titled: dict[int, list[str]] = {}  # a one-word name with its title: "KING FAHD"
        for p in parsed:
            bare, titles, honorific = self.titles.strip(p.tokens, self.qualifiers)
            if len(bare) == 1 and len(p.tokens) == 2 and p.tokens[0] in self.first_names:
                bare, titles = list(p.tokens), []  # "SULTAN RAYEV", "PRINCE JOHNSON": a first name, not a title
            if not bare:
                LOG.note("person alias that is only a title dropped", " ".join(p.tokens))
                continue
            if self.has_org_word(bare) or set(bare) & DESCRIPTOR_WORDS:
                LOG.note("person alias naming a body dropped", f"{' '.join(p.tokens)} ({where})")
                continue
            if any(re.search(r"[0-9/&]", t) for t in bare):
                LOG.note("person alias with digits dropped", f"{' '.join(p.tokens)} ({where})")
                continue
            if len(bare) == 1 and honorific:
                # "LORD CARRINGTON", "BARONESS ASHTON": the peerage form is the name itself
                bare = [t for t in p.tokens if t in PEERAGE][-1:] + bare
            if len(bare) == 1 and titles:
                titled[len(entries)] = [*titles[-1].upper().split(), *bare]
            entries.append((bare, titles))
        if not entries:
            LOG.note("person entry without a name dropped", f"{head.names[0]} ({where})")
            return []
        def linked(i: int, j: int) -> bool:
            a, b = entries[i][0], entries[j][0]
            return same_person_names(a, b) if split else similar_tokens(significant(a), significant(b))

        actors = []
        main_label = " ".join(entries[0][0])
        for n, members in enumerate(components(len(entries), linked)):
            names = [entries[i][0] for i in members]
            full = [x for x in names if len(x) >= 2]
            if (n > 0 or split) and not full:
                LOG.note("unrelated one-word person alias dropped", f"{' '.join(names[0])} ({where})")
                continue
            if n > 0 and not split:
                LOG.note("unrelated name split off as its own person", f"{' '.join(full[0])} from {main_label} "
                         f"({where})")
            if split:
                LOG.note("person named among an organisation's names split off", f"{' '.join(full[0])} ({where})")
            label = full[0] if full else titled.get(members[0], names[0])
            actor = self.new_actor("Person", head, [label, *[x for x in names if x is not label]], codes)
            for i in members:
                actor.titles.extend(t for t in entries[i][1] if t not in actor.titles)
            actors.append(actor)
        return actors

    def organisation(self, head: Record, parsed: list[Parsed], codes: list[Code]) -> list[Actor]:
        where = f"{head.file}:{head.line}"
        names: list[list[str]] = []
        acronyms: list[str] = [a for p in parsed for a in p.acronyms]
        people: list[Parsed] = []
        label = next((p.tokens for p in parsed if not self.role_phrase(p.tokens)), parsed[0].tokens)
        label = self.strip_descriptor(label)
        label_words = significant(label)
        company = any(c.code[:3] == "MNC" for c in codes)
        for p in parsed:
            tokens = self.strip_descriptor(p.tokens)
            if not tokens:
                continue
            if tokens != label:
                if self.role_phrase(tokens):
                    LOG.note("organisation alias that is a title dropped", f"{' '.join(tokens)} ({where})")
                    continue
                if {w for t in tokens for w in t.split("-")} & DESCRIPTOR_WORDS:
                    LOG.note("organisation alias describing others dropped", f"{' '.join(tokens)} ({where})")
                    continue
                if len(tokens) > len(label) and tokens[: len(label)] == label:
                    # "WHITE HOUSE PRESS SECRETARY JAY CARNEY", "WHITE HOUSE OFFICIAL": the body's people
                    rest = tokens[len(label) :]
                    bare, titles, _ = self.titles.strip(rest, self.qualifiers)
                    if titles or rest[0] in STAFF_WORDS:
                        if len(bare) >= 2 and self.person_like(bare):
                            people.append(Parsed(bare))
                        else:
                            LOG.note("organisation alias naming its staff dropped", f"{' '.join(tokens)} ({where})")
                        continue
                bare, titles, honorific = self.titles.strip(tokens, self.qualifiers)
                if not company and not self.person_like(label) and (
                    self.person_like(tokens, common=True) or ((titles or honorific) and self.person_like(bare))
                ):
                    people.append(Parsed(tokens))
                    continue
                if (titles or honorific) and len(bare) == 1 and not self.has_org_word(bare):
                    LOG.note("organisation alias naming a person by title dropped", f"{' '.join(tokens)} ({where})")
                    continue
            if len(tokens) == 1:
                token = tokens[0]
                of = f"{token} (of {' '.join(label)})"
                short = len(re.sub(r"[^A-Z0-9]", "", token)) < 3 or len(re.sub(r"[^A-Z]", "", token)) < 2
                if tokens != label and short:
                    LOG.note("one-word organisation alias dropped (under three letters)", of)
                    continue
                variant = difflib.SequenceMatcher(
                    None, re.sub(r"[^A-Z]", "", token), re.sub(r"[^A-Z]", "", "".join(label))
                ).ratio() >= 0.75
                if tokens != label and not variant and not self.is_acronym(token, parsed) and (
                    re.sub(r"^(?:AL|EL)-", "", token) in self.surnames
                ):
                    LOG.note("one-word organisation alias dropped (a person's surname)", of)
                    continue
                if self.is_acronym(token, parsed):
                    if tokens == label:
                        names.append(tokens)
                    else:
                        acronyms.append(token)
                    continue
                if tokens != label:
                    if self.english_word(token) and not variant and not similar_tokens({token}, label_words):
                        LOG.note("one-word organisation alias dropped (an English word)",
                                 f"{token} (of {' '.join(label)})")
                        continue
                    LOG.note("one-word organisation alias kept", f"{token} (of {' '.join(label)})")
            names.append(tokens)
        if not names or names[0] != label:
            names.insert(0, label)
        # synonyms naming other bodies under the same code ("US_INTELLIGENCE_COMMUNITY" +"CENTRAL_INTELLIGENCE_
        # AGENCY", "RUSSIAN_FEDERAL_ASSEMBLY" +"STATE_DUMA") are organisations of their own
        branches = {i for i in range(len(names)) if any(self.branch(names[i], other) for other in names)}

        def linked(i: int, j: int) -> bool:
            if i in branches or j in branches:
                return False
            # a one-word label ("HAMAS_", "MOSSAD_") is a short name: its longer synonyms spell it out
            return len(names[j]) == 1 or (i == 0 and len(label) == 1) or self.same_body(names[i], names[j])

        bodies = [[names[i] for i in c] for c in components(len(names), linked)]
        owners: dict[str, int] = {}
        for acronym in acronyms:
            letters = re.sub(r"[^A-Z0-9]", "", acronym)
            owners[acronym] = next(
                (n for n, body in enumerate(bodies) for t in body if len(t) >= 2 and abbreviates(letters, t)), 0
            )
        actors = []
        for n, body in enumerate(bodies):
            if n > 0 and not company and self.looks_personal(body[0]):
                people.extend(Parsed(tokens) for tokens in body if len(tokens) >= 2)
                continue
            if n > 0:
                LOG.note("organisation synonym naming another body split off",
                         f"{' '.join(body[0])} from {' '.join(label)} ({where})")
            actor = self.new_actor("Organization", head, body, codes)
            actor.acronyms = [a for a in acronyms if owners[a] == n]
            actors.append(actor)
        if people:
            actors.extend(self.people(head, people, codes, split=True))
        return actors

    def looks_personal(self, tokens: list[str]) -> bool:
        """A synonym of an organisation that is rather a person's name: "ABU FURAT", "RAMI ABDULRAHMAN"."""
        if not 2 <= len(tokens) <= 5 or self.has_org_word(tokens) or set(tokens) & FUNCTION_WORDS:
            return False
        if tokens[0].startswith(("AL-", "EL-")) or any(self.caser.looks_acronym(t) for t in tokens):
            return False
        if all(t in self.place_words or t in self.demonyms for t in tokens):
            return False
        return (
            tokens[0] in self.common_first_names
            or tokens[0] in ("ABU", "ABD", "ABDUL", "ABDEL", "UMM")
            or re.sub(r"^(?:AL|EL)-", "", tokens[-1]) in self.surnames
            or any(t in ("AL", "BIN", "IBN", "ABU") for t in tokens[1:-1])
            or tokens[-1].startswith(("AL-", "EL-"))
        )

    def branch(self, name: list[str], other: list[str]) -> bool:
        """ "AL-QAEDA IN IRAQ" beside "AL-QAEDA": a branch, a body of its own."""
        words = [w for t in name for w in t.split("-")]
        base = [w for t in other for w in t.split("-")]
        return (
            len(words) > len(base) + 1
            and words[: len(base)] == base
            and words[len(base)] in ("IN", "OF", "FOR")
            and all(w in self.place_words or w in FUNCTION_WORDS or w in self.demonyms for w in words[len(base) + 1 :])
        )

    def same_body(self, a: list[str], b: list[str]) -> bool:
        """Whether two multi-word names of an entry name one body: near-identical spelling, a shared
        distinctive word, or most words in common ("SYRIAN NATIONAL COUNCIL" / "NATIONAL COUNCIL OF SYRIA")."""
        a, b = expand_abbreviations(a), expand_abbreviations(b)
        letters_a, letters_b = re.sub(r"[^A-Z]", "", "".join(a)), re.sub(r"[^A-Z]", "", "".join(b))
        if difflib.SequenceMatcher(None, letters_a, letters_b).ratio() >= 0.75:
            return True
        generic = ORG_WORDS | FUNCTION_WORDS | self.demonyms | TITLE_QUALIFIERS | self.place_words
        if similar_tokens(significant(a) - generic, significant(b) - generic):
            return True
        words_a, words_b = significant(a), significant(b)
        small, large = sorted((words_a, words_b), key=len)
        shared = sum(1 for w in small if similar_tokens({w}, large) or any(w[:5] == x[:5] for x in large))
        return bool(small) and shared >= max(2, 0.6 * len(small))

    @staticmethod
    def strip_descriptor(tokens: list[str]) -> list[str]:
        """ "QATAR-BASED BROADCASTER AL-JAZEERA" -> "AL-JAZEERA"."""
        if len(tokens) >= 2 and re.fullmatch(r"[A-Z.]+-BASED", tokens[0]):
            rest = tokens[1:]
            if len(rest) >= 2 and rest[0] in ("BROADCASTER", "NEWSPAPER", "CHANNEL", "TELEVISION", "DAILY",
                                              "NETWORK", "WEBSITE", "GROUP", "ORGANIZATION", "ORGANISATION"):
                rest = rest[1:]
            return rest
        return tokens

    def is_acronym(self, token: str, parsed: list[Parsed]) -> bool:
        """An acronym of three letters or more: known as one, no vowel or a digit, or the initials of
        another name of the entry ("IPCC" of INTER_GOVERNMENTAL_PANEL_ON_CLIMATE_CHANGE)."""
        letters = re.sub(r"[^A-Z0-9]", "", token)
        if len(letters) < 3:
            return False
        if token in self.caser.acronyms or self.caser.looks_acronym(token):
            return True
        return any(len(p.tokens) >= 2 and abbreviates(letters, p.tokens) for p in parsed)

    def english_word(self, token: str) -> bool:
        """An ordinary English word ("SENATE", "SOVIET", "INSTITUTE"): one of the agents dictionary's
        words, an organisation word, a title, a demonym, or a word of five or more Phoenix names."""
        return token in self.vocabulary

    # -- the names of one actor (README "Names of one actor") -----------------------------------

    def content_words(self, text: str) -> list[str]:
        """The words of a name that count: abbreviations spelt out, Arabic type nouns in English, no
        function words or particles."""
        return [w for w in self.compared_words(text) if w not in NAME_STOPWORDS]

    def compared_words(self, text: str) -> list[str]:
        """The words of a name with abbreviations spelt out, a country name of several words as one
        ("unitedstates") and Arabic type nouns in English."""
        words = [p for w in name_words(text) for p in SPELT_OUT.get(w, (w,))]
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in (4, 3, 2):
                joined = "".join(words[i : i + size])
                if i + size <= len(words) and joined in self.places:
                    out.append(joined)
                    i += size
                    break
            else:
                out.append(TYPE_TRANSLATIONS.get(words[i], words[i]))
                i += 1
        return out

    def same_word(self, x: str, y: str) -> bool:
        """Two words of organisations' names that are one: the same up to spelling or an ending, or a
        country and its demonym ("Syrian" / "Syria"). Numbers only as they are."""
        if x == y:
            return True
        if any(ch.isdigit() for ch in x + y):
            return False
        place = self.places.get(x)
        if place is not None and place == self.places.get(y):
            return True
        short, long = sorted((x, y), key=len)
        if len(short) >= 4 and long.startswith(short) and (len(short) >= 5 or len(long) - len(short) <= 2):
            return True
        return len(short) >= 4 and ratio(x, y) >= ORG_WORD

    def unmatched(self, words: list[str], others: list[str]) -> list[str]:
        return [w for w in words if not any(self.same_word(w, o) for o in others)]

    def distinctive(self, word: str) -> bool:
        """A word whose replacement by another names another body: an English word other than a type
        noun, a place, a number ("Senate" for "House", "Vietnam" for "China")."""
        if any(ch.isdigit() for ch in word):
            return True
        return word not in GENERIC_TYPE_NOUNS and (word in self.english or word in self.place_names)

    def plain(self, word: str) -> bool:
        """A word that may be added to a name without naming another body: a place, a type noun, a foreign
        word ("Kurdish Peshmerga", "World Bank Group", "Harakat Ahrar al-Sham al-Islamiyya")."""
        if word in self.places or word in TYPE_NOUNS:
            return True
        return word not in self.english and not any(ch.isdigit() for ch in word)

    def contrast(self, a: list[str], b: list[str]) -> tuple[str, str] | None:
        """A distinctive word of each name that the other lacks: "House" / "Senate Armed Services Committee"."""
        mine = [w for w in self.unmatched(a, b) if self.distinctive(w)]
        theirs = [w for w in self.unmatched(b, a) if self.distinctive(w)]
        return (mine[0], theirs[0]) if mine and theirs else None

    def heads(self, text: str) -> set[str]:
        """The head words of a name: its last word, and the word before its first preposition ("Ministry
        of Foreign Affairs": affairs, ministry)."""
        words = self.compared_words(text)
        content = [w for w in words if w not in NAME_STOPWORDS]
        out = set(content[-1:]) - set(self.places)  # "... of Rwanda": a qualifier, not the head
        for i, word in enumerate(words):
            if i and word in PREPOSITIONS:
                out.update([w for w in words[:i] if w not in NAME_STOPWORDS][-1:])
                break
        return out

    @staticmethod
    def initialism(short: str, long: str) -> bool:
        """Whether the one-word ``short`` is an acronym or initialism of ``long`` ("ISA" of "Islamic
        Shashantantra Andolon", "Nato" of "North Atlantic Treaty Organization")."""
        if len(short.split()) != 1 or len(long.split()) < 2:
            return False
        letters = re.sub(r"[^A-Z0-9]", "", short.upper())
        return 2 <= len(letters) <= 8 and abbreviates(letters, tokens_of(long))

    def org_variant(self, alias: str, ref: str) -> str | None:
        """Why ``alias`` is a name of the organisation ``ref`` names (rule 1), or None."""
        words_a, words_r = name_words(alias), name_words(ref)
        if not words_a or not words_r or words_a[-1] in PEOPLE_WORDS:
            return None
        if self.initialism(alias, ref) or self.initialism(ref, alias):
            return "acronym"
        if words_a in initials_forms(words_r) or words_r in initials_forms(words_a):
            return "acronym"
        a, r = self.content_words(alias), self.content_words(ref)
        if not a or not r or self.contrast(a, r):
            return None
        extra, missing = self.unmatched(a, r), self.unmatched(r, a)
        if any(w in BRANCH_NOUNS for w in extra):
            return None  # a part of the body: "People's Liberation Army Navy"
        # one name is the other with more words: a spelling variant only when those are qualifiers
        # ("US Department of Justice"), not "Peoples Liberation Army Land Forces"
        added = not (extra and missing) and not all(self.plain(w) for w in extra + missing)
        joined_a, joined_r = " ".join(words_a), " ".join(words_r)
        spelling = max(ratio(joined_a, joined_r), ratio(joined_a.replace(" ", ""), joined_r.replace(" ", "")))
        if not added and spelling >= ORG_SPELLING:
            return "spelling"
        if not missing and (all(self.plain(w) for w in extra) or (len(r) == 1 and r[0] not in self.english)):
            # "Kurdish Peshmerga", "Nusra Front" / "Jabhat al-Nusra", "Sandinista National Liberation Front"
            return "every word of the label"
        shared = [(x, y) for x in self.heads(alias) for y in self.heads(ref) if self.same_word(x, y)]
        if shared:
            rest_a = [w for w in a if not any(self.same_word(w, x) for x, _ in shared)]
            rest_r = [w for w in r if not any(self.same_word(w, y) for _, y in shared)]
            if any(self.same_word(x, y) for x in rest_a for y in rest_r):
                return "head word"
        return None

    @staticmethod
    def person_variant(alias: str, ref: str) -> str | None:
        """Why ``alias`` is a name of the person ``ref`` names (rule 1), or None ("James Brown" is no
        name of Gordon Brown: same surname, another given name)."""
        a = [w for w in name_words(alias) if w not in NAME_SUFFIXES]
        b = [w for w in name_words(ref) if w not in NAME_SUFFIXES]
        if not a or not b:
            return None
        if ratio(" ".join(a), " ".join(b)) >= PERSON_SPELLING:
            return "spelling"
        if sorted(a) == sorted(b):
            return "word order"
        given_a = [w for w in a[:-1] if w not in PERSON_STOPWORDS]
        given_b = [w for w in b[:-1] if w not in PERSON_STOPWORDS]
        if given_b and not given_a:
            return None  # the surname alone ("Al Assad"), as a one-word alias
        if a[-1] == b[-1] and (
            not given_a or not given_b or any(given_names_match(x, y) for x in given_a for y in given_b)
        ):
            return "surname"
        # another form of the full name: the given name kept, every word of the shorter name in the longer
        # ("Muammar Abu Minyar al Qadhafi" / "Muammar Gaddafi", "Salva Kiir" / "Salva Kiir Mayardit")
        if given_a and given_b and (
            any(given_names_match(b[0], x) for x in given_a) or any(given_names_match(a[0], y) for y in given_b)
        ):
            short, long = sorted(([w for w in a if w not in PERSON_STOPWORDS],
                                  [w for w in b if w not in PERSON_STOPWORDS]), key=len)
            if short and all(any(name_word_match(x, y) for y in long) for x in short):
                return "other form"
        return None

    def own_body(self, alias: str, state: bool) -> bool:
        """Whether an organisation's alias that is no variant of its label names a body of its own:
        "Senate Foreign Relations Committee", "US Senate" (not "Party of God", "Abu Bakr al-Baghdadi")."""
        words = name_words(alias)
        if len(words) < 2 or words[-1] in PEOPLE_WORDS:
            return False
        tokens = tokens_of(alias)
        if self.person_like(tokens, common=True) or self.looks_personal(tokens):
            return False
        nouns = BODY_NOUNS | STATE_BODY_NOUNS if state else BODY_NOUNS
        return any(w in nouns for w in self.content_words(alias))

    def note_alias(self, actor: Actor, outcome: str, why: str, alias: str, ref: str) -> None:
        self.alias_stats[(actor.type, outcome)] += 1
        LOG.note(f"{actor.type} alias {outcome} ({why})", f"{alias} <- {ref} ({actor.where})")
        if outcome == "dropped" and alias not in actor.dropped:
            actor.dropped.append(alias)

    def clean_aliases(self, actors: list[Actor]) -> list[Actor]:
        """Rule 1 on each entry's actors: aliases that are no variant of the label are dropped, or split
        off as organisations of their own."""
        out: list[Actor] = []
        for actor in actors:
            out.append(actor)
            actor.alias_count = len(actor.aliases)
            if actor.type == "Person":
                kept = []
                for alias in actor.aliases:
                    if len(alias.split()) < 2:
                        kept.append(alias)  # dropped in rows() as every one-word alias of a person
                        continue
                    why = self.person_variant(alias, actor.label)
                    self.note_alias(actor, "kept" if why else "dropped", why or "no variant", alias, actor.label)
                    if why:
                        kept.append(alias)
                actor.aliases = kept
                continue
            state = any(self.split_country(c.code)[0] and self.split_country(c.code)[1].startswith(STATE_SECTORS)
                        for c in actor.codes)
            kept_why = self.org_aliases(actor.aliases, [actor.label])
            kept, parts, dropped = [], [], []
            for alias in actor.aliases:
                why = kept_why.get(alias)
                if why:
                    self.note_alias(actor, "kept", why, alias, actor.label)
                    kept.append(alias)
                elif self.own_body(alias, state):
                    self.note_alias(actor, "split off", "a body of its own", alias, actor.label)
                    part = next((p for p in parts if any(self.org_variant(alias, x) for x in p)), None)
                    if part is None:
                        parts.append([alias])
                    else:
                        part.append(alias)
                else:
                    self.note_alias(actor, "dropped", "no variant", alias, actor.label)
                    dropped.append(alias)
            actor.aliases = kept
            own = [actor.label, *kept]
            for acronym in list(actor.acronyms):
                # an acronym of a dropped alias only ("PLA" of the INLA's "People's Liberation Army") goes with it
                letters = re.sub(r"[^A-Z0-9]", "", acronym)
                if any(abbreviates(letters, tokens_of(x)) for x in dropped) and not any(
                    abbreviates(letters, tokens_of(x)) for x in own + [p for part in parts for p in part]
                ):
                    actor.acronyms.remove(acronym)
                    LOG.note("acronym of a dropped alias dropped", f"{acronym} ({actor.label})")
                    self.alias_stats[("Organization", "acronyms of dropped aliases dropped")] += 1
            for n, part in enumerate(parts, 1):
                label = max(part, key=lambda x: len(name_words(x)))  # the full form: "United States Central Command"
                body = Actor("Organization", [tokens_of(label)], actor.file, actor.line, list(actor.codes))
                body.notes, body.part = list(actor.notes), n
                body.country_code, body.country = actor.country_code, actor.country
                body.label, body.aliases = label, [x for x in part if x is not label]
                for acronym in list(actor.acronyms):
                    letters = re.sub(r"[^A-Z0-9]", "", acronym)
                    if any(abbreviates(letters, tokens_of(x)) for x in part) and not any(
                        abbreviates(letters, tokens_of(x)) for x in own
                    ):
                        actor.acronyms.remove(acronym)
                        body.acronyms.append(acronym)
                self.alias_stats[("Organization", "split-off actors")] += 1
                out.append(body)
        return out

    def org_aliases(self, aliases: list[str], refs: list[str]) -> dict[str, str]:
        """The aliases that are variants of ``refs`` or, by acronym or spelling, of another such alias
        ("Hizballah" by "Hezballah"), each with the reason."""
        refs, found = list(refs), {}
        changed = True
        while changed:
            changed = False
            for alias in aliases:
                if alias in found:
                    continue
                why = next((w for ref in refs if (w := self.org_variant(alias, ref))), None)
                if why:
                    found[alias], changed = why, True
                    if why in ("acronym", "spelling"):
                        refs.append(alias)
        return found

    def final_names(self, actors: list[Actor]) -> list[Actor]:
        """After merging and matching: rule 1 again against the final label (the curated one for a
        curated actor), rule 2 (curated surface forms win) and rule 3 (acronyms)."""
        out = []
        for actor in actors:
            curated = self.curated.rows.get(actor.curated or "")
            own = {actor.curated} if actor.curated else set()
            known = set()
            if curated:
                known = {normalise_name(n) for n in [curated["label"], *(curated.get("aliases") or [])]}
                refs = [curated["label"]]
                if actor.type == "Organization" or len(name_words(curated["label"])) < 2:
                    refs += [a for a in curated.get("aliases") or [] if actor.type == "Organization"
                             or len(name_words(a)) >= 2]
            else:
                refs = [actor.label]
            candidates = []
            for i, name in enumerate([actor.label, *actor.aliases]):
                norm = normalise_name(name)
                if self.curated.forms.get(norm, own) - own:
                    what = "label" if i == 0 and not curated else "alias"
                    LOG.note(f"{actor.type} {what} naming another curated actor dropped (rule 2)",
                             f"{name} ({actor.where}): {sorted(self.curated.forms[norm] - own)}")
                    self.alias_stats[(actor.type, f"{what}s dropped by rule 2")] += 1
                    if what == "alias":
                        actor.dropped.append(name)
                else:
                    candidates.append((i, name))
            variants: dict[str, str] = {}
            if actor.type == "Organization":
                variants = self.org_aliases([n for i, n in candidates if i or curated], refs)
            names = []
            for i, name in candidates:
                if (i == 0 and not curated) or normalise_name(name) in known:
                    names.append(name)
                    continue
                if actor.type == "Person":
                    why = next((w for r in refs if (w := self.person_variant(name, r))), None)
                    why = why if len(name.split()) >= 2 else "one word"  # dropped in rows()
                else:
                    why = variants.get(name)
                    if why and len(name_words(name)) == 1 and name_words(name)[0] in self.english:
                        LOG.note("one-word organisation alias dropped (an English word)", f"{name} <- {refs[0]}")
                        self.alias_stats[("Organization", "one-word English aliases dropped")] += 1
                        actor.dropped.append(name)
                        continue
                if why is None:
                    self.note_alias(actor, "dropped", "no variant of the final label", name, refs[0])
                    self.alias_stats[(actor.type, "dropped after merging")] += 1
                    continue
                names.append(name)
            if not names and not curated:
                LOG.note(f"{actor.type} without a name of its own dropped (rule 2)", f"{actor.label} ({actor.where})")
                self.alias_stats[(actor.type, "actors dropped by rule 2")] += 1
                continue
            if not curated and normalise_name(names[0]) != normalise_name(actor.label):
                LOG.note(f"{actor.type} label replaced by an alias (rule 2)", f"{actor.label} -> {names[0]}")
            if curated:
                actor.aliases = names
            else:
                actor.label, actor.aliases = names[0], names[1:]
            acronyms = []
            for acronym in actor.acronyms:
                letters = re.sub(r"[^A-Za-z0-9]", "", acronym)
                if len(letters) < 3:
                    why = "under three characters"
                elif letters.lower() in self.english:
                    why = "an English word"
                elif self.curated.forms.get(normalise_name(acronym), own) - own:
                    why = "naming another curated actor"
                else:
                    acronyms.append(acronym)
                    continue
                LOG.note(f"acronym dropped ({why}, rule {2 if why.startswith('naming') else 3})",
                         f"{acronym} ({actor.label})")
                self.alias_stats[("Organization", f"acronyms dropped ({why})")] += 1
            actor.acronyms = acronyms
            out.append(actor)
        return out

    # -- merging, matching, keys ----------------------------------------------------------------

    def display(self, actor: Actor) -> None:
        org = actor.type == "Organization"
        korean = actor.country_code in ("KOR", "PRK")
        seen: set[str] = set()
        out: list[str] = []
        for tokens in actor.names:
            text = self.caser.phrase(tokens, org, korean)
            norm = normalise_name(text)
            if norm and norm not in seen:
                seen.add(norm)
                out.append(text)
        actor.label = out[0]
        actor.aliases = out[1:]
        actor.acronyms = sorted(set(actor.acronyms))

    def merge_duplicates(self, actors: list[Actor]) -> list[Actor]:
        """One actor per (type, name, country): the same person or body listed twice."""
        groups: dict[tuple[str, str], list[Actor]] = defaultdict(list)
        for actor in actors:
            # "A.G. Kishore" = "A. G. Kishore", "J.P. Morgan Chase" = "J. P. Morgan Chase" (not "George W. Bush" =
            # "George H. W. Bush")
            norm = re.sub(r"\b(\w) (?=\w\b)", r"\1", normalise_name(actor.label.replace(".", " ")))
            groups[(actor.type, norm)].append(actor)
        drop: set[int] = set()
        for members in groups.values():
            if len(members) < 2:
                continue
            by_country: dict[str | None, list[Actor]] = defaultdict(list)
            for actor in members:
                by_country[actor.country].append(actor)
            countries = [c for c in by_country if c is not None]
            if None in by_country and len(countries) == 1:
                by_country[countries[0]].extend(by_country.pop(None))
            for same in by_country.values():
                first = same[0]
                for other in same[1:]:
                    LOG.note(f"{first.type} listed twice merged", f"{other.label} ({other.where} into {first.where})")
                    self.absorb(first, other)
                    drop.add(id(other))
        return self.merge_spellings([a for a in actors if id(a) not in drop])

    def merge_spellings(self, actors: list[Actor]) -> list[Actor]:
        """Organisations listed once per spelling under one code ("LASKAR_E_TAIBA", "LASKAR_I_TOIBA"):
        same codes and nearly the same letters. Company and NGO codes are categories, not left to this."""
        by_codes: dict[tuple[str, ...], list[Actor]] = defaultdict(list)
        for actor in actors:
            codes = tuple(sorted({c.code for c in actor.codes}))
            if actor.type == "Organization" and codes and not any(c[:3] in ("MNC", "NGO") for c in codes):
                by_codes[codes].append(actor)
        drop: set[int] = set()
        for members in by_codes.values():
            words = [[re.sub(r"[^a-z0-9]", "", w) for w in normalise_name(a.label).split()] for a in members]

            def linked(i: int, j: int, words: list[list[str]] = words) -> bool:
                return "".join(words[i]) == "".join(words[j]) or same_spelling(words[i], words[j])

            for group in components(len(members), linked):
                for i in group[1:]:
                    LOG.note("organisation spellings merged", f"{members[i].label} into {members[group[0]].label}")
                    self.absorb(members[group[0]], members[i])
                    drop.add(id(members[i]))
        return [a for a in actors if id(a) not in drop]

    def absorb(self, first: Actor, other: Actor) -> None:
        first.names.extend(other.names)
        first.codes.extend(other.codes)
        first.titles.extend(t for t in other.titles if t not in first.titles)
        first.acronyms = sorted(set(first.acronyms) | set(other.acronyms))
        first.merged += other.merged
        first.alias_count += other.alias_count
        first.dropped.extend(d for d in other.dropped if d not in first.dropped)
        first.notes.extend(other.notes)
        if first.country is None and other.country is not None:
            first.country, first.country_code = other.country, other.country_code
        seen: set[str] = set()
        texts = []
        for text in [first.label, *first.aliases, other.label, *other.aliases]:
            if normalise_name(text) not in seen:
                seen.add(normalise_name(text))
                texts.append(text)
        first.label, first.aliases = texts[0], texts[1:]

    def match_curated(self, actors: list[Actor]) -> list[Actor]:
        curated = self.curated
        for actor in actors:
            names = [actor.label, *actor.aliases]
            levels = [
                ([actor.label], "label"),
                ([actor.label], "alias"),
                (names[1:], "label"),
                (names[1:], "alias"),
            ]
            if actor.type == "Organization":
                levels.append((actor.acronyms, "label"))
                levels.append((actor.acronyms, "alias"))
            ambiguous = False
            for texts, field_name in levels:
                found: set[str] = set()
                for text in texts:
                    for key in curated.by_name.get(normalise_name(text), {}).get(field_name, ()):
                        if self.compatible(actor, key):
                            found.add(key)
                if len(found) == 1:
                    actor.curated = found.pop()
                    break
                if len(found) > 1:
                    LOG.note("ambiguous curated match skipped", f"{actor.label}: {sorted(found)}")
                    ambiguous = True
                    break
            if actor.curated is None and not ambiguous and actor.type == "Person":
                qid = self.match_officeholder(actor)
                if qid in curated.rows:
                    LOG.note("person matched to a curated person through Wikidata", f"{actor.label} -> {qid}")
                    actor.curated = qid
                elif qid is not None:
                    LOG.note("person matched to a Wikidata officeholder", f"{actor.label} ({actor.where}) -> {qid}")
                    actor.wikidata = qid
        # one line per curated actor or Wikidata officeholder
        by_key: dict[str, Actor] = {}
        out = []
        for actor in actors:
            key = actor.curated or actor.wikidata
            if key is None:
                out.append(actor)
            elif key in by_key:
                LOG.note("second entry of a curated actor merged", f"{actor.label} into {key}")
                self.absorb(by_key[key], actor)
            else:
                by_key[key] = actor
                out.append(actor)
        return out

    def match_officeholder(self, actor: Actor) -> str | None:
        """The QID of the Wikidata officeholder (``kg/data/wikidata/officeholders.jsonl``) a person is: one
        of its names, normalised, and its country, and either a dated GOV or IGO term of the person that
        overlaps an office of the officeholder (in that country for GOV; an open term runs until the
        dictionaries' latest date) or no other officeholder of that name in that country. None when no one
        or several fit."""
        if actor.country is None:
            return None
        names = dict.fromkeys(normalise_name(n) for n in [actor.label, *actor.aliases])
        holders = {h.key: h for name in names for h in self.officeholders.get(name, ()) if actor.country in h.countries}
        if not holders:
            return None
        terms = []
        for code in actor.codes:
            country, rest = self.split_country(code.code)
            sector = rest if country is not None else code.code[:3]
            if (code.start or code.end) and sector.startswith(("GOV", "IGO")):
                org = self.map_country(country) if country is not None else None
                first = datetime.date.fromisoformat(code.start) if code.start else datetime.date.min
                last = datetime.date.fromisoformat(code.end) if code.end else max(self.horizon, first)
                terms.append((org, first, last))

        def overlaps(holder: Officeholder) -> bool:
            return any((org == office_org if org is not None else office_org not in holder.countries)
                       and first <= office_last and office_first <= last
                       for org, first, last in terms for office_org, office_first, office_last in holder.offices)

        def alone(holder: Officeholder) -> bool:
            return any({h.key for h in self.officeholders.get(name, ()) if actor.country in h.countries} == {holder.key}
                       for name in names)

        fitting = sorted(key for key, holder in holders.items() if overlaps(holder))
        how = "a term overlapping an office"
        if not fitting:
            fitting = sorted(key for key, holder in holders.items() if alone(holder))
            how = "the only officeholder of the name in the country"
        if len(fitting) == 1:
            LOG.note(f"Wikidata officeholder matched by {how}", f"{actor.label} ({actor.where}) -> {fitting[0]}")
            return fitting[0]
        if len(fitting) > 1:
            LOG.note("ambiguous Wikidata officeholder match skipped", f"{actor.label}: {fitting}")
        return None

    def compatible(self, actor: Actor, key: str) -> bool:
        row = self.curated.rows[key]
        if row["type"] != actor.type:
            return False
        if actor.type == "Person":
            theirs = self.curated.person_countries.get(key) or set()
            return not theirs or actor.country is None or actor.country in theirs
        return True

    def assign_keys(self, actors: list[Actor]) -> None:
        slugs: dict[str, list[Actor]] = defaultdict(list)
        for actor in actors:
            if actor.curated:
                actor.key = actor.curated
            elif actor.wikidata:
                actor.key = actor.wikidata
            else:
                slugs[slugify(actor.label)].append(actor)
        taken = set(self.curated.rows)
        for slug, members in sorted(slugs.items()):
            if len(members) == 1 and slug not in taken:
                members[0].key = slug
                taken.add(slug)
                continue
            counts: Counter[str] = Counter()
            for actor in members:
                base = f"{slug}-{actor.country_code.lower()}" if actor.country_code else slug
                counts[base] += 1
                candidate = base if counts[base] == 1 and base not in taken else None
                number = counts[base]
                while candidate is None or candidate in taken:
                    number = max(number, 2)
                    candidate = f"{base}-{number}"
                    number += 1
                actor.key = candidate
                taken.add(candidate)

    # -- rows -----------------------------------------------------------------------------

    def org_index(self, actors: list[Actor]) -> dict[str, str]:
        """Phoenix IGO/IMG code -> key of the organisation that code names (IGOUNO -> the UN)."""
        rank = {INTERNATIONAL: 0, MILNONSTATE: 1, COUNTRIES: 2}
        candidates: dict[str, list[tuple[tuple[int, int, int, int, int], str]]] = defaultdict(list)
        for actor in actors:
            if actor.type != "Organization":
                continue
            tokens = tokens_of(actor.label)
            orgish = self.has_org_word(tokens) or (len(tokens) == 1 and self.caser.looks_acronym(tokens[0]))
            orgish = orgish or bool(actor.acronyms) or actor.curated is not None
            for code in {c.code for c in actor.codes}:
                if (code[:3] in ("IGO", "IMG") and len(code) >= 6) or self.ngo_identifier(code):
                    order = (0 if actor.curated else 1, 0 if orgish else 1, rank[actor.file], actor.line, actor.part)
                    candidates[code].append((order, actor.key or ""))
        # the body a code names: a curated one, else one that is clearly an organisation, else the only one
        return {
            code: min(options)[1]
            for code, options in candidates.items()
            if min(options)[0][1] == 0 or (len(options) == 1 and code[:3] != "NGO")
        }

    def identifier(self, chunk: str) -> bool:
        """A code chunk naming one body (UNO, WBK, OPC, ALQ), not a sector, religion, country or region."""
        return chunk not in ROLE_CODES and chunk not in RELIGIONS and chunk not in self.area_codes

    def org_of_code(self, code: str, orgs: dict[str, str]) -> str | None:
        """The organisation an IGO/IMG/NGO code names: the code itself, else a shorter code ending in a
        body's chunk (IGOUNOHRIHCH -> IGOUNO), else the prefix and that chunk alone (IGOBUSOPC -> IGOOPC)."""
        if code in orgs:
            return orgs[code]
        if code[:3] == "NGO":
            return None
        chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
        for size in range(len(chunks) - 1, 0, -1):
            if self.identifier(chunks[size - 1]) and code[: 3 + 3 * size] in orgs:
                return orgs[code[: 3 + 3 * size]]
        for chunk in reversed(chunks):
            if self.identifier(chunk) and code[:3] + chunk in orgs:
                return orgs[code[:3] + chunk]
        return None

    def org_of_notes(self, actor: Actor) -> str | None:
        """A curated organisation named by the entry's comment ("# World Trade Organisation")."""
        found = set()
        for note in actor.notes:
            for part in note.split("#"):
                letters = re.sub(r"[^a-z]", "", normalise_name(part))
                if len(letters) < 6:
                    continue
                for name, keys in self.org_letters.items():
                    # "Afican Union", "Organization for Security and Cooperation in Europe"
                    if name == letters or difflib.SequenceMatcher(None, name, letters).ratio() >= 0.93:
                        found.update(keys)
        return found.pop() if len(found) == 1 else None

    def ngo_identifier(self, code: str) -> bool:
        """An NGO code naming one body (NGOHLHIRC: the ICRC; NGOHRIHRW: Human Rights Watch), not a kind of
        NGO (NGOUSAEDU, NGOHLH): its last chunk is no sector, religion, country or region code."""
        if code[:3] != "NGO" or len(code) < 9 or len(code) % 3:
            return False
        return self.identifier(code[-3:])

    def affiliations(self, actor: Actor, orgs: dict[str, str]) -> list[dict[str, str]]:
        seen: set[tuple[str, str | None, str | None]] = set()
        rows: list[dict[str, str]] = []
        for code in actor.codes:
            if (code.code, code.start, code.end) in seen:
                continue
            seen.add((code.code, code.start, code.end))
            country, rest = self.split_country(code.code)
            row: dict[str, str] = {}
            if country is not None:
                org = self.map_country(country)
                if org is None:
                    LOG.note("affiliation to an unmapped country code dropped", f"{code.code} ({actor.label})")
                    continue
                row["org"] = org
                if rest:
                    row["sector"] = rest
            elif code.code[:3] in ("IGO", "IMG") or self.ngo_identifier(code.code):
                org = self.org_of_code(code.code, orgs) or self.org_of_notes(actor)
                if org is None:
                    LOG.note("affiliation to an unknown organisation code dropped", f"{code.code} ({actor.label})")
                    continue
                row["org"] = org
                row["sector"] = code.code[:3]
            else:
                LOG.note("code naming no country or organisation not kept as affiliation",
                         f"{code.code} ({actor.label})")
                continue
            if code.start:
                row["from"] = code.start
            if code.end:
                row["to"] = code.end
            rows.append(row)
        rows.sort(key=lambda r: ("from" not in r and "to" not in r, r.get("from", ""), r.get("to", "~"),
                                 r["org"], r.get("sector", "")))
        # a title goes on an office only when it is unambiguous
        dated = [r for r in rows if ("from" in r or "to" in r) and r.get("sector", "").startswith(("GOV", "IGO"))]
        title = actor.titles[0] if len(actor.titles) == 1 else None
        if title in MILITARY_RANKS and dated and "MIL" not in dated[0].get("sector", ""):
            title = None  # "General" is no office of a GOV term
        if title in ROYAL_TITLES and dated and dated[0].get("sector") != "GOV":
            title = None  # "SULTAN RAYEV" [KGZGOVMED]: a first name
        if title and len(dated) == 1 and title in self.titles.roles and title not in HONORIFIC_TITLES:
            dated[0]["role"] = title
            LOG.note("title put on its office")
        out: list[dict[str, str]] = []
        for row in rows:
            row = {k: row[k] for k in ("org", "role", "sector", "from", "to") if k in row}
            if row not in out:
                out.append(row)
        return out

    def rows(self, actors: list[Actor]) -> list[dict]:
        orgs = self.org_index(actors)
        out = []
        for actor in actors:
            row: dict = {"key": actor.key}
            curated = self.curated.rows.get(actor.curated or "")
            known: set[str] = set()
            roles: set[str] = set()
            if curated:
                row["label"] = curated["label"]
                row["type"] = curated["type"]
                known = {normalise_name(n) for n in [curated["label"], *(curated.get("aliases") or [])]}
                roles = {a.get("role", "") for a in curated.get("affiliations") or []}
            else:
                row["label"] = actor.label
                row["type"] = actor.type
            known.add(normalise_name(row["label"]))
            aliases: dict[str, str] = {}
            for alias in [actor.label, *actor.aliases]:
                norm = normalise_name(alias)
                if norm and norm not in known and norm not in aliases:
                    if actor.type == "Person" and (len(norm.split()) < 2 or len(alias.split()) < 2):
                        LOG.note("one-word person alias dropped", alias)
                        continue
                    others = self.curated.by_name.get(norm, {})
                    if alias != actor.label and (others.get("label") or others.get("alias")):
                        # "Islamic Jihad" under Hezbollah names a curated actor of its own
                        LOG.note("alias naming another curated actor dropped", f"{alias} (of {row['label']})")
                        continue
                    aliases[norm] = alias
            if aliases:
                row["aliases"] = sorted(aliases.values(), key=lambda a: (a.casefold(), a))
            acronyms = sorted({a for a in actor.acronyms if normalise_name(a) not in known})
            for acronym in [a for a in acronyms if normalise_name(a) in self.curated.by_name]:
                LOG.note("acronym naming another curated actor dropped", f"{acronym} (of {row['label']})")
                acronyms.remove(acronym)
            if acronyms:
                row["acronyms"] = acronyms
            if actor.country:
                row["country"] = actor.country
            if actor.type == "Person":
                affiliations = self.affiliations(actor, orgs)
                if affiliations:
                    row["affiliations"] = affiliations
                titles = sorted({t for t in actor.titles if t not in roles})
                if titles:
                    row["titles"] = titles
            else:
                codes = sorted({c.code for c in actor.codes})
                if codes:
                    row["phoenix"] = codes
            out.append({k: row[k] for k in FIELD_ORDER if k in row})
        out.sort(key=lambda r: r["key"])
        return out

    def unglue(self, actors: list[Actor]) -> list[Actor]:
        """ "JACK_STRAW_DOUGLAS_ALEXANDER_" (two presidents of the Council of the EU in one line of the
        International file) -> Jack Straw and Douglas Alexander, when both are people named elsewhere."""
        known = {" ".join(a.names[0]) for a in actors if a.type == "Person"}
        out = []
        for actor in actors:
            tokens = actor.names[0]
            if actor.type == "Person" and actor.file == INTERNATIONAL and len(actor.names) == 1 and len(tokens) >= 4:
                for k in range(2, len(tokens) - 1):
                    left, right = tokens[:k], tokens[k:]
                    if " ".join(left) in known and " ".join(right) in known:
                        LOG.note("two names in one phrase split", f"{' '.join(tokens)} ({actor.where})")
                        for part in (left, right):
                            twin = Actor("Person", [part], actor.file, actor.line, list(actor.codes))
                            twin.titles = list(actor.titles)
                            twin.country_code, twin.country = actor.country_code, actor.country
                            out.append(twin)
                        break
                else:
                    out.append(actor)
                continue
            out.append(actor)
        return out

    def convert(self) -> list[dict]:
        actors = self.unglue(self.build())
        for actor in actors:
            actor.titles = prune_titles(actor.titles)
            self.display(actor)
        actors = self.clean_aliases(actors)
        actors = self.merge_duplicates(actors)
        actors = self.match_curated(actors)
        actors = self.final_names(actors)
        self.assign_keys(actors)
        self.actors = actors
        return self.rows(actors)


# ---------------------------------------------------------------------------------------------
# Agents and discards
# ---------------------------------------------------------------------------------------------


def plural(phrase: str) -> str | None:
    """The regular plural of a phrase (its last word), or None for a phrase ending in '_'."""
    if phrase.endswith(("_", ".")) or phrase[-1:].isdigit():
        return None
    if re.search(r"[^AEIOU]Y$", phrase):
        return phrase[:-1] + "IES"
    if re.search(r"(?:S|X|Z|CH|SH)$", phrase):
        return phrase + "ES"
    return phrase + "S"


def agent_form(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).lower()


def read_agents(path: Path) -> list[tuple[str, str, str]]:
    """(phrase, code, affix) rows: every agent phrase and its generated forms."""
    substitutions: dict[str, list[str]] = {}
    rows: set[tuple[str, str, str]] = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.partition("#")[0].strip()
        if not line or line.startswith("<!"):
            continue
        if "!" in line and "=" in line:
            marker = line.split("!")[1]
            substitutions[marker] = [item.strip() for item in line.partition("=")[2].split(",") if item.strip()]
            continue
        if "[" not in line:
            LOG.note("agent without a code skipped", f"{line} (agents:{number})")
            continue
        phrase, _, rest = line.partition("[")
        code = re.split(r"[]}]", rest)[0].strip()  # "[~ENV}": a brace for the bracket
        if code.startswith("~"):
            affix = "suffix"
        elif code.endswith("~"):
            affix = "prefix"
        else:
            LOG.note("agent code without ~ skipped", f"{line} (agents:{number})")
            continue
        code = code.strip("~")
        forms: list[str] = []
        irregular: str | None = None
        if "{" in phrase:
            irregular = phrase[phrase.find("{") + 1 : phrase.find("}")].strip() if "}" in phrase else ""
            phrase = phrase[: phrase.find("{")]
        phrase = phrase.strip()
        if "!" in phrase:
            head, marker, tail = phrase.split("!", 2)
            if marker not in substitutions:
                LOG.note("agent with an unknown substitution set skipped", line)
                continue
            forms = [head + item + tail for item in substitutions[marker]]
        else:
            forms = [phrase]
            if irregular is None:
                regular = plural(phrase)
                if regular:
                    forms.append(regular)
            elif irregular:
                forms.append(irregular)
        for form in forms:
            text = agent_form(form)
            if text:
                rows.add((text, code, affix))
    return sorted(rows)


def read_discards(path: Path) -> list[str]:
    out: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        story = line.startswith("+")
        text = " ".join(line.lstrip("+").split()).lower()
        if text:
            out.add(("+" if story else "") + text)
    return sorted(out)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def dumps(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(", ", ": "))


LICENSE_HEAD = (
    "This licence covers actors.jsonl, agents.tsv and discards.txt in this folder, converted from the PETRARCH2/"
    f"Phoenix dictionaries of {SOURCE_REPO} (commit {SOURCE_COMMIT}, folder {SOURCE_FOLDER}).\n\n"
)


def readme(stats: dict[str, int], unmapped: list[str]) -> str:
    n = stats
    return f"""# Phoenix actors, agents and discards

Converted from the PETRARCH2/Phoenix dictionaries of the repository `{SOURCE_REPO}`, commit
`{SOURCE_COMMIT}`, folder `{SOURCE_FOLDER}` (files `{COUNTRIES}`, `{INTERNATIONAL}`,
`{MILNONSTATE}`, `{AGENTS}`, `{DISCARDS}`; MIT licence, see `LICENSE`). Regenerate with

    .venv/bin/python scripts/convert_phoenix.py [SOURCE_DIR] [--out DIR] [--report] [--wordlist SCOWL]

(default source `../shared/resources/petrarch2`, default output this folder; `--report` prints the counts
and every decision worth checking on stderr). The output is byte-identical on every run (sorted, no
dates, no hash order); `tests/test_phoenix_data.py` checks the files and, when the source folder is there,
that the script reproduces them.

## Files

- `actors.jsonl`: {stats["actors"]} actors, one a line, sorted by key: {stats["people"]} people and
  {stats["organisations"]} organisations; {stats["matched"]} of them are actors of the curated gazetteer
  (`kg/data/gazetteer/*.jsonl`), written under the curated key with only what Phoenix adds, and
  {stats["wikidata"]} other people are Wikidata officeholders (`kg/data/wikidata/officeholders.jsonl`), written
  under their QID. Fields, in this order, empty ones left out:
  - `key`: the curated key for a curated actor, the QID for a Wikidata officeholder, else the slug of the
    label (`kg.models.slugify`); a slug shared with a curated key or with another Phoenix actor gets the
    Phoenix country code (`james-brown-gbr`), then a number (`-2`).
  - `label`, `type` (`Person` or `Organization`; the curated ones for a curated actor).
  - `aliases`: the other name forms, variants of the label (see "Names of one actor"), display-cased,
    sorted, de-duplicated with `kg.gazetteer.normalise_name`, without the label; for a curated actor only
    the forms it lacks.
  - `acronyms` (organisations): `(AAIA)` after a name, or a one-word synonym that is an acronym; three
    characters or more, no English word.
  - `country`: the curated key of the country of a person, a national body or an armed group, from its
    codes (RUSGOV -> Russia); an NGO's or company's base when its code has one (NGOUSA..., MNCJPN);
    absent for international actors.
  - `affiliations` (people): one per code line, `{{"org", "role"?, "sector"?, "from"?, "to"?}}`. `org` is
    the curated key of the code's country, or for an IGO, militant-group or NGO code naming one body
    (IGOUNO, IGOUNOIAE, IMGMUSALQ, NGOHLHIRC) the key of the organisation carrying that code (the UN,
    the IAEA, al-Qaeda, the ICRC), else the one the entry's comment names ("# World Trade
    Organisation"); `sector` is the rest of the code after the country (`GOV`, `ELI`, `GOVMIL`,
    `REBHMS`), or `IGO`/`IMG`/`NGO`; `from`/`to` are ISO dates, absent when open. Codes naming neither
    (`[ELI]`, `[MED]`, regions such as `WEU`, `MEA`) give no affiliation.
  - `titles` (people): titles found before the name in a synonym, normalised to
    `kg/data/lexicons/roles.txt` where one fits ("Secretary of State", "Prime Minister", "General"),
    else kept ("Ayatollah", "President-elect"); for a curated person only those its offices lack.
  - `phoenix` (organisations): the entry's Phoenix codes.
- `agents.tsv`: after a `#` header line, `phrase<TAB>code<TAB>affix`, sorted, {stats["agents"]} rows: each
  generic agent of `{AGENTS}` ("police", "rebel", "farmer") in lower case with single spaces, with the
  forms PETRARCH generates: the regular plural of dictionaries.rst (+s, y -> ies, ss -> sses; here also
  -es after s, x, z, ch, sh and -ys after a vowel, where PETRARCH would write "attornies"; none for a
  phrase ending in `_` or `.`), the irregular plural given in braces (`{{}}` = none), and every member of a
  `!PERSON!`/`!MINIST!` substitution set (no plural then, as in PETRARCH). `code` is the agent
  code without `~`; `affix` is `suffix` for `[~X]` (the code follows the actor's: AFG + REB) and
  `prefix` for `[X~]`. The one entry without a code is left out.
- `discards.txt`: {stats["discards"]} phrases whose presence means a sentence (or, with a leading `+`, the
  whole story) is not about political events (sports, entertainment, chronologies). Lower case, single
  spaces, sorted. A trailing `_` means the phrase must end at a word boundary; without it the phrase is a
  stem (PETRARCH's rule).
- `{WORDS_FILE}`: the English words of the rules below, one a line, {n["english words"]}: the lower-case
  entries of SCOWL size 50 (`{WORDS_LIST}` of `{WORDS_SOURCE}`, commit
  `{WORDS_COMMIT}`) that are words of the Phoenix names. Rebuild it with
  `--wordlist PATH/{WORDS_LIST}`; without, the script reads the committed file. SCOWL's copyright and
  licence: `{WORDS_README}`.

## Choices

- Dates: YYMMDD is 20YY when YY <= {YEAR_PIVOT}, else 19YY, as PETRARCH's `PETRreader.dstr_to_ordate`
  reads it; YYYYMMDD as written. `<date` gives `to`, `>date` and a bare date give `from` (a bare date
  always applies in PETRARCH; the sources mean a start, "entered Foreign Service"). Malformed dates were
  read as the neighbouring lines and the record show: `2004017` -> 2004-01-17 (Ban Ki-moon, foreign
  minister; PETRARCH would read 2020-04-01), `9008223` -> 1990-08-23 (after `<900823`), `201005011` ->
  2010-05-11 (David Cameron), `19` + YYYYMMDD (`1920030320`) -> that date. A range ending before it
  starts (one) is dropped.
- Records: a primary phrase, its `+` synonyms and its tab-indented code lines. Primary phrases without
  codes running on into the next (no blank line: `BORIS_YELTSIN_` / `BORIS_N._YELTSIN` / ...
  `[RUSGOV ...]`) take the codes that follow, as one actor when they share a surname, else as separate
  actors (`MUHAJIRIN_WA-ANSAR_ALLIANCE` / `JUND_AL_AQSA`). Entries with the null code `[---]`, the
  fictional test country Kinakuta (KNT) and two fictional characters are left out.
- Countries: the country entries of the Countries file (a country with its provinces and cities) are not
  actors. A Phoenix country code maps to a curated country by ISO alpha-3 (`codes`), else by the name of
  its country entry (SUN Soviet Union, KSV Kosovo, TMP Timor-Leste), else, for a compound territory or
  status code, by its parts (SUNRUS -> Russia, SDNSSD -> South Sudan, USAASM -> the United States,
  IRQOCC -> Iraq). Not mapped: {", ".join(unmapped)}.
- Person or Organization: `# CountryInfo.txt` and `# IGOrulers.txt` entries are people unless the name
  has an organisation word (MINISTRY, DEPARTMENT, PARTY, COUNCIL, ARMY, FRONT, BRIGADE, COMMITTEE,
  ASSEMBLY, AGENCY, BANK, UNION, ...); the armed groups of the MilNonState file (`# kkl`, START's TOPS
  list) and company codes are organisations; otherwise an entry is a person when its name starts with a
  title, a first name of the CountryInfo people or the project's name lexicons, or an initial, or has a
  dated code on a plain two- to four-word name, or `BIN`/`IBN` inside; everything else is an
  organisation. A person's name among an organisation's synonyms (`FREE_SYRIAN_ARMY_` +`SALIM_IDRIS`,
  `HEZBOLLAH_` +`HASSAN_NASRALLAH`) becomes a person with the same codes; a synonym naming another body
  (`RUSSIAN_FEDERAL_ASSEMBLY` +`STATE_DUMA`, `US_INTELLIGENCE_COMMUNITY` +`CENTRAL_INTELLIGENCE_AGENCY`,
  `AL_QA'IDA` +`AL-QAEDA_IN_IRAQ`) becomes an organisation of its own; a person's synonym sharing no
  word with the other names (`SHEIKH_AHMED_YASSIN` +`SAMI_ABU_ZUHRI`) another person.
- Names: display-cased (`VLADIMIR_V._PUTIN` -> "Vladimir V. Putin", `BASHAR_AL-ASSAD` -> "Bashar
  al-Assad", `MCCAIN` -> "McCain", `LASHKAR-E-TAIBA` -> "Lashkar-e-Taiba"; al, el, bin, ibn, de, da, van,
  von, der, du, la, le lower case inside a name, Abu capitalised; Korean given names "Ban Ki-moon";
  acronyms of organisations kept in capitals); trailing `_`, a leading or trailing "The", comments and
  nicknames in quotes (an alias of their own) taken out; a one-word parenthesis is an acronym, a
  qualifier (a place, "(NATION)") dropped, or an alias.
- Titles: a synonym with a title and its qualifiers before the name ("PRESIDENT_VLADIMIR_PUTIN_",
  "RUSSIAN_PRIME_MINISTER_VLADIMIR_PUTIN_", "FORMER_SOVIET_LEADER_...", "GEN._COLIN_L._POWELL") gives
  the bare name as an alias and the title to `titles` (a title that only begins or repeats a longer one,
  "Secretary" beside "Secretary of State", is dropped). A title becomes the `role` of an affiliation only
  when it is unambiguous: one title, one dated GOV (or IGO) affiliation, a title of roles.txt, not a
  form of address (Sheikh), a rank only on a MIL sector, a monarch's title only on GOV.
- Dropped names: one-word aliases of people ("PUTIN_": surnames are resolved elsewhere, and as names they
  would collide); people's aliases naming a body ("GORBACHEV_ADMINISTRATION") or only a title; one-word
  synonyms of organisations unless an acronym of three letters or more (no vowel, a digit, the initials
  of another name of the entry, or known to the curated gazetteer) or a name that is no ordinary English
  word (a word of the agents dictionary, an organisation word, a title, a demonym, or a word of five
  organisation names counts as one: "SENATE", "INSTITUTE") and no person's surname ("NASRALLAH");
  organisation synonyms that are titles ("WORLD_BANK_PRESIDENT"), name its staff ("WHITE_HOUSE_OFFICIAL")
  or describe others ("AL_QAEDA_LINKED_ABU_SAYYAF"); generic role entries ("US_SECRETARY_OF_STATE_",
  "UN_ENVOY_").
- Duplicates: actors of one type with the same name and country (or no country) are merged, organisations
  with the same codes whose names differ only in spelling too ("LASHKAR_E_TAIBA" / "LASKAR_I_TOIBA"),
  and actors matching one curated actor. Homonyms (one name, two countries) stay apart.
- Matching the curated gazetteer: the normalised label, then the aliases (then an organisation's
  acronyms), against curated labels, then aliases; same type; for people the same country when both have
  one (the curated person's countries are those of its affiliations). A level with two candidates stops.
- Matching Wikidata officeholders (`kg/data/wikidata/officeholders.jsonl`, written by
  `scripts/convert_wikidata.py`; read, never changed): a person matching no curated actor (and not two)
  is the officeholder with one of its names (normalised) and its country, and either a dated GOV or IGO
  term that overlaps one of the officeholder's offices (in that country for GOV, in an international body
  for IGO; an open term runs until the dictionaries' latest date, {n["horizon"]}) or no other officeholder
  of that name in that country; when several fit, none. It is written under the QID (an officeholder who
  is a curated person gives the curated actor).

## Names of one actor

Phoenix lists several actors under one code as if they were synonyms (`UNITED_STATES_CONGRESS_`
+`HOUSE_ARMED_SERVICES_COMMITTEE` +`SENATE_FOREIGN_RELATIONS_COMMITTEE`; `JAMES_BROWN_` +`JAMES_GORDON_BROWN_`
for Gordon Brown). Three rules keep one actor's names together. Rule 1 is applied to each entry's actors
(before merging and matching) and again to the final names (against the curated label and aliases for a
curated actor, the curated label alone for a curated person); rules 2 and 3 to the final names. Names are
compared as their `normalise_name` words, apostrophes inside a word left out; ratios are
`difflib.SequenceMatcher` ratios.

1. An alias stays only when it is a variant of the label.
   - People: a close spelling (ratio >= {PERSON_SPELLING} on the whole name: "Selim Idriss" / "Salim Idris");
     the same words in another order; the same surname (last word, without Jr, Sr, I-IV) with a matching
     given name (the same up to spelling, ratio >= {GIVEN_NAME}: "Sofia" / "Sophia"; an initial; a hypocorism of
     a short table: "Bill" / "William", "Yitzhak" / "Isaac"; a peerage: "Lady Ashton") or with no given name
     on the label's side; or another form of the full name: the given name kept and every word of the
     shorter name in the longer, up to spelling (ratio >= {SURNAME_LONG} for words of six letters or more,
     >= {SURNAME_SHORT} for shorter ones: "Muammar Abu Minyar al Qadhafi" / "Muammar Gaddafi", "Salva Kiir" /
     "Salva Kiir Mayardit"). Not "James Brown" for Gordon Brown (same surname, another given name), nor a surname
     with only a particle ("Al Assad").
   - Organisations: an acronym or initialism of the label or of a kept alias, whole or for a run of words
     ("ISA", "Continuity IRA", "Real IRA"); a close spelling (ratio >= {ORG_SPELLING} on the name or on
     it without spaces; an alias kept so or as an acronym counts as a label for the others: "Hizballah"
     by "Hezballah"); every word of the label and only places, type nouns (group, front, army, brigade,
     movement ...) or non-English words besides ("Kurdish Peshmerga", "Harakat Ahrar al-Sham
     al-Islamiyya"), any words for a one-word label that is no English word ("Sandinista National
     Liberation Front"); or the same head word (the last word unless a place, or the word before the
     first preposition) and another word ("Foreign Ministry" / "Ministry of Foreign Affairs"). Two words
     are one when they are the same up to spelling (ratio >= {ORG_WORD}) or an ending, a country and its demonym
     ("Chinese" / "China"); US, UK, UN, EU are spelt out, a country name of several words is one word,
     Arabic and Urdu type nouns are translated ("Jabhat al-Nusra" / "Nusra Front"). Never a variant: an
     alias with a distinctive word (an English word other than a generic type noun such as group, gang,
     brigade; a place; a number) where the label has another ("Senate Armed Services Committee" / "House
     Armed Services Committee", "Islamic Salvation Army" / "Islamic Salvation Front"), an alias adding a
     word for a part of a body (committee, presidium, politburo, secretariat, bureau, navy, air, marines,
     wing: "People's Liberation Army Navy"), a phrase naming people ("State Department Official"). A name
     that is another with words added is a spelling variant only when those are places, type nouns or
     foreign words ("US Department of State", not "People's Liberation Army Land Forces").

   An organisation's alias that is no variant becomes an organisation of its own, with the entry's
   country and codes, when it names a body (committee, senate, house, council, court, tribunal, ministry,
   department, agency, bureau, office, commission, assembly, parliament, congress, cabinet, command,
   directorate, administration, board, patrol, service, sabha, majlis, duma, rada, jirga, shura; with a
   GOV, MIL, LEG, JUD, COP or SPY code also army, navy, marines, corps, force, police, guard, unit) and is
   no person's name: "Senate Foreign Relations Committee", "US Senate" (then matched to the curated United
   States Senate), "Federal Aviation Administration". The aliases of one such body go together, the one
   with most words as label. Any other is dropped: translations ("Party of God" for Hezbollah), cover
   names, leaders' names ("Abu Bakr al Baghdadi" for the Islamic State). An acronym that abbreviates only
   a dropped alias goes with it ("PLA" of the INLA's "People's Liberation Army").
2. Curated surface forms win: a label, alias or acronym equal (normalised) to a label, alias, seat, demonym
   or 3-letter code of another curated actor is dropped; an actor left without a name is left out ("White
   House", a seat of the United States; "Kremlin"), one that loses its label takes its first alias. A Phoenix
   actor matched to a curated one keeps that actor's names.
3. An acronym has three characters or more and is no English word (`{WORDS_FILE}`): "ISA" stays (the
   resolver takes a non-curated acronym only when the article names the actor in full), "ETA", "MILF",
   "LET" go. A one-word organisation alias that is an English word goes too.

On this run: rule 1 kept {n["people kept"]} aliases of people and {n["organisations kept"]} of organisations, split
{n["split"]} aliases off as {n["split actors"]} organisations, and dropped {n["people dropped"]} aliases of people and
{n["organisations dropped"]} of organisations ({n["dropped after merging"]} of them against the final label, such as
"James Brown" for Gordon Brown); rule 2 left out {n["rule 2 actors"]} actors (it dropped {n["rule 2 labels"]} labels
and {n["rule 2 aliases"]} aliases or acronyms); rule 3 dropped {n["rule 3 acronyms"]} acronyms and
{n["rule 3 aliases"]} one-word aliases; {n["acronyms of dropped aliases"]} acronyms went with their dropped alias.
`--report` lists every decision, and the aliases dropped from the {TOP_ALIASED} organisations with most
aliases (where translations such as "Party of God" may deserve a place in the curated gazetteer).
"""


def english_words(source: Path, wordlist: Path | None) -> set[str]:
    """The English words the rules use: the lower-case words of the SCOWL list ``wordlist`` (or, without
    it, of the committed subset) that are words of the Phoenix names."""
    words = read_scowl(wordlist) if wordlist else read_word_file(DEFAULT_OUT / WORDS_FILE)
    return words & name_tokens(source)


def words_file(words: set[str]) -> str:
    head = (
        "# English words for scripts/convert_phoenix.py (rule 3: an acronym that is an English word is dropped;\n"
        "# the contrast test of the alias rules): the lower-case entries of SCOWL size 50 (file "
        f"{WORDS_LIST} of\n# {WORDS_SOURCE}, commit {WORDS_COMMIT}; SCOWL by Kevin Atkinson,\n"
        f"# copyright and licence in {WORDS_README}) that are words of the Phoenix actor dictionaries'\n"
        "# names. One a line, sorted.\n"
    )
    return head + "".join(w + "\n" for w in sorted(words))


def convert(source: Path, out: Path, wordlist: Path | None = None) -> dict[str, int]:
    words = english_words(source, wordlist)
    converter = Converter(source, words)
    rows = converter.convert()
    agents = read_agents(source / AGENTS)
    discards = read_discards(source / DISCARDS)
    st = converter.alias_stats

    def both(what: str) -> int:
        return st[("Person", what)] + st[("Organization", what)]

    names = {
        "english words": len(words),
        "horizon": converter.horizon.isoformat(),  # type: ignore[dict-item]
        "people kept": st[("Person", "kept")],
        "organisations kept": st[("Organization", "kept")],
        "split": st[("Organization", "split off")],
        "split actors": st[("Organization", "split-off actors")],
        "people dropped": st[("Person", "dropped")],
        "organisations dropped": st[("Organization", "dropped")],
        "dropped after merging": both("dropped after merging"),
        "rule 2 actors": both("actors dropped by rule 2"),
        "rule 2 labels": both("labels dropped by rule 2"),
        "rule 2 aliases": both("aliases dropped by rule 2")
        + st[("Organization", "acronyms dropped (naming another curated actor)")],
        "rule 3 acronyms": st[("Organization", "acronyms dropped (an English word)")]
        + st[("Organization", "acronyms dropped (under three characters)")],
        "rule 3 aliases": st[("Organization", "one-word English aliases dropped")],
        "acronyms of dropped aliases": st[("Organization", "acronyms of dropped aliases dropped")],
    }
    stats = {
        "actors": len(rows),
        "people": sum(r["type"] == "Person" for r in rows),
        "organisations": sum(r["type"] == "Organization" for r in rows),
        "matched": sum(r["key"] in converter.curated.rows for r in rows),
        "wikidata": sum(r["key"] not in converter.curated.rows and re.fullmatch(r"Q[1-9][0-9]*", r["key"]) is not None
                        for r in rows),
        "agents": len(agents),
        "discards": len(discards),
    }
    out.mkdir(parents=True, exist_ok=True)
    write(out / "actors.jsonl", "".join(dumps(r) + "\n" for r in rows))
    header = "# columns (tab-separated): phrase, code, affix. A Phoenix agent phrase in lower case, its agent code, "
    header += "and whether the code is added after (suffix, [~X]) or before (prefix, [X~]) the actor's code\n"
    write(out / "agents.tsv", header + "".join(f"{p}\t{c}\t{a}\n" for p, c, a in agents))
    write(out / "discards.txt", "".join(d + "\n" for d in discards))
    write(out / WORDS_FILE, words_file(words))
    scowl = (DEFAULT_OUT / WORDS_README).read_bytes()
    if out.resolve() != DEFAULT_OUT.resolve():
        (out / WORDS_README).write_bytes(scowl)
    licence = (source / "LICENSE").read_text(encoding="utf-8")
    write(out / "LICENSE", LICENSE_HEAD + licence if licence.endswith("\n") else LICENSE_HEAD + licence + "\n")
    unmapped = sorted(converter.unmapped)
    write(out / "README.md", readme({**stats, **names}, unmapped))
    converter.stats = stats  # type: ignore[attr-defined]
    CONVERTER.append(converter)
    return stats


CONVERTER: list[Converter] = []
TOP_ALIASED = 200


def write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def report(stats: dict[str, int]) -> None:
    converter = CONVERTER[-1]
    print(json.dumps(stats), file=sys.stderr)
    print("unmapped country codes:", dict(sorted(converter.unmapped.items())), file=sys.stderr)
    print("country codes mapped by name or sovereign:",
          {k: v for k, v in sorted(converter.mapped_how.items()) if v != "ISO alpha-3"}, file=sys.stderr)
    print("alias rules:", file=sys.stderr)
    for (kind, what), count in sorted(converter.alias_stats.items()):
        print(f"    {kind}: {what}: {count}", file=sys.stderr)
    print(f"\n== dropped aliases of the {TOP_ALIASED} organisations with most aliases (label [key]: dropped)",
          file=sys.stderr)
    orgs = [a for a in converter.actors if a.type == "Organization"]
    for actor in sorted(orgs, key=lambda a: (-a.alias_count, a.key or ""))[:TOP_ALIASED]:
        curated = converter.curated.rows.get(actor.curated or "", {})
        has = {normalise_name(n) for n in [actor.label, *actor.aliases, *actor.acronyms, curated.get("label", ""),
                                           *(curated.get("aliases") or [])]}
        dropped = list(dict.fromkeys(d for d in actor.dropped if normalise_name(d) not in has))
        if dropped:
            print(f"    {actor.label} [{actor.key}]: {' | '.join(dropped)}", file=sys.stderr)
    for what, count in sorted(LOG.counts.items()):
        print(f"\n== {what}: {count}", file=sys.stderr)
        for example in LOG.examples.get(what, [])[:40]:
            print("   ", example, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="the dictionaries folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default kg/data/phoenix)")
    parser.add_argument("--report", action="store_true", help="print counts and decisions on stderr")
    parser.add_argument("--wordlist", type=Path, help=f"a SCOWL list ({WORDS_LIST}) to rebuild {WORDS_FILE} from")
    args = parser.parse_args(argv)
    if not (args.source / COUNTRIES).exists():
        parser.error(f"no {COUNTRIES} in {args.source}")
    stats = convert(args.source, args.out, args.wordlist)
    if args.report:
        report(stats)
    else:
        print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
