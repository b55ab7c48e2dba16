#!/usr/bin/env python3
"""Build ``kg/data/wikidata/`` (Wikidata officeholders) and the Wikidata ids of curated people and parties.

    .venv/bin/python scripts/convert_wikidata.py [--mirror DIR] [--out DIR] [--apply] [--report]

Sources: fetched snapshots of public GitHub repositories holding Wikidata-derived tables, read with
``git --git-dir=MIRROR/<owner>+<name>/repo cat-file`` at the commits pinned below (``EPS_PINS``,
``WL_COMMITS``, ``WLC_COMMIT``, ``PARTYFACTS_COMMIT``), so a newer snapshot of a repository gives the same
files as long as it still holds those commits. To get them, fetch each repository named in this file
(``github:every-politician-scrapers/<name>`` for every name of ``EPS_PINS`` and ``world-leaders-2021``,
``github:open-data-archive/world-leaders-current``, ``github:hdigital/partyfactsdata``) into
``/work/.mirror`` (the default of ``--mirror``), then run this script, and after it
``scripts/convert_phoenix.py`` (which matches Phoenix people to these officeholders). What each source is,
its licence and date, and the rules below are described in ``kg/data/wikidata/SOURCES.md``.

1. Officeholders (``kg/data/wikidata/officeholders.jsonl``): every-politician-scrapers' ``holders21.csv``
   (Wikidata P39 statements of each country's cabinet-level positions, terms ending in 2000 or later),
   world-leaders-2021's ``wikidata.csv`` (heads of state and government, years only) and
   world-leaders-current's daily ``current.json`` (heads after 2022; a row is kept only when its QID is
   paired with the same name in another source or in the curated gazetteer: that source has wrong ids).
   National positions are told from provincial ones (the repositories' lists, then ``SUBNATIONAL``) and
   given a normalised role (``classify``) as in the staging tables; only national positions of curated
   countries (and of the EU and the African Union) and UN posts (``UN_POSITIONS``) are written, one line per
   person, terms of one post that follow each other without a gap joined, and a term open at the source's
   date closed when the curated gazetteer knows its end or a later holder (``close_open_terms``).
2. Ids of curated actors (``kg/data/wikidata/gazetteer_ids.tsv``): a curated person is linked to an
   officeholder's QID when a name (label or alias) and an office agree (``match_people``; tiers
   ``name+office``, ``name~(...)+office``, ``name+country+years``); a curated party to the QID of the Party
   Facts party of the same name and country. ``--apply`` writes these ids into the curated files
   (``"key"`` and ``"wikidata"`` become the QID, references to the old key follow); ``HELD_BACK`` lists the
   links not applied and why. Every curated person is matched, whether or not it already has an id, so that
   the output is the same before and after ``--apply``; a match contradicting an id already there is
   reported and not used.

The curated gazetteer (``kg/data/gazetteer/*.jsonl``) is read too: rerun the script (and
``convert_phoenix.py``) after changing the curated people. The output is byte-identical on every run:
every list is sorted, nothing depends on the clock, on hash order or on the machine. Standard library
only. ``--report`` prints counts and the decisions worth checking on stderr.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import difflib
import io
import itertools
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg.gazetteer import first_day, last_day  # noqa: E402
from kg.gazetteer import normalise_name as gazetteer_name  # noqa: E402

DEFAULT_MIRROR = Path("/work/.mirror")
DEFAULT_OUT = REPO / "kg" / "data" / "wikidata"
GAZETTEER = REPO / "kg" / "data" / "gazetteer"
PEOPLE_FILES = ("people_nato.jsonl", "people_world.jsonl")
ORGANISATIONS_FILE = "organizations.jsonl"
CURATED_FIELDS = ("key", "label", "type", "wikidata", "aliases", "demonyms", "seats", "codes", "affiliations")
FIELD_ORDER = ("key", "label", "type", "wikidata", "aliases", "country", "affiliations")
OFFICE_FIELDS = ("org", "role", "from", "to")

# ---------------------------------------------------------------------------------------------
# Pinned sources
# ---------------------------------------------------------------------------------------------

EPS = "every-politician-scrapers"
# every-politician-scrapers/<name> at <commit>: html/holders21.csv, wikidata/*-positions.csv,
# html/positions.csv and meta.json (commits of 2022-07-19 .. 2023-03-10).
EPS_PINS = """
    abkhazia-ministers 7e9640c1d751435964ce7de5caf8f929b5795175
    afghanistan f54eb517a816eb2db1f6d5e4ad0d60dcf9de7e74
    aland-cabinet 87bc2b40e7d85acff0993dec89b9cba5af74c06c
    albania-cabinet e8d362eb360459d1ffad1dbf5eec480294ef4746
    algeria-cabinet a23de8549333fc55f861cc856d499acb9cd255de
    andorra-cabinet e9ce75911474a86f696ba50f10f8e623a610424d
    angola 3e46a94f1c478495da9e44762ad61981f5f5bf68
    anguilla-cabinet f96dd8480491bd9cdbe56861791b8fb3612a3acd
    antigua-barbuda-ministers 57cc68e87bf1094821c8cd69392276a51e668ba5
    argentina-ministers 98105f511ea6ad6c9730e979190909cf34d9343b
    armenia-ministers 0f97f894d1206191bcc52e5925f00bac9a0299bf
    artsakh-ministers 75cc3065e412e3d1827a7caf69047f93bc5dea23
    aruba-ministers b976e90f7f978ecfcfdfbc2284197741bedc2c3c
    australia-cabinet 4c35a6ef087d076eb343b6177814574b2d6e43b8
    austria-cabinet d8d29777ec6abe3e2adfb82f5c308e944fb8f8a9
    azerbaijan-cabinet 88e2221afaeb133eb9ac369d5a036c69bbeefc4d
    bahamas-cabinet 66365968ce80d0d0c85f37646efd8f9fba2568c1
    bahrain d9163a148f80f34a6e043641de9adba473f576da
    bangladesh-ministers 9bf8dcec085888ba0a57f9073a0d504b74c33441
    barbados-cabinet c63bdb2c9c8439724774a61e70d384bc8f42bf58
    belarus-ministers 3edd7c7cbcba709c6165f7df09653dcbf50c7712
    belgium-cabinet a1420fcaec8b2c2966eebb13f352b95725d3785b
    belize-ministers 27bea3488c0bf55a54d2a3006f8e8f2e79ccfd96
    benin-ministers 35c521b645cccb467b7692fdaf906980fc8e7c48
    bermuda-cabinet 47f45f5731c9208f3f83649f90c52077bb9b2b1b
    bhutan-ministers 28d69fb4844350dbb4b51101754e8bfa74d300aa
    bolivia-ministers 9ecab9a992ff42c39561834734b028ac65c3ed2f
    bosnia-herzegovina-ministers 77bb9eb6a60e455fd4458255c9ac6fb5f9a5b2b2
    botswana-ministers 4e94be27870942b4d2a28b70b0c56a1109152422
    brazil-ministers de58065b42edc0c0f310185ffda9174540e9af5f
    brunei-ministers 775990725a8e0b4eb754fd80b2cb5e3e1e3bec28
    bulgaria-cabinet 2068236a3e5af84bd30f347afe86bcc089d6fd5d
    burkina-faso 497b82ab5ecdb13852b80433607c9c880687b4db
    burundi-ministers 466339de873cd443a53ef4ce272b31a9c7278069
    bvi-ministers eede24cacf3d89a619ce4d2f32ac526358f64f07
    cabo-verde 70e2647a2bffdbc2f86d6b9054da28e40b50badc
    cambodia b08e1644f03b1652636e5826ef32ea5150365808
    cameroon 647bbdf2093fd92077f35c7b7a93bef37aa33919
    canada-cabinet 3b3f0da86ca64c7e3ce6d0f073ed66612885d06f
    caymans-ministers aeeaa8279399083cb5ad15d63134eb7aa9713139
    central-african-republic f5ec169674fa9ce00bf5e4fee51a9aaee3e888fb
    chad-ministers 4f57b9626bf40b944bb63ea9d4f016420f71e3b7
    chile-ministers 412eb050c5f72daf9c0f31b6482c61180501c83a
    china-ministers 300341654d57cd10776238bae41c89b6ea315276
    comoros 2a94d2df4aaff539508f2ae3d51a80208575cb5a
    congo-brazzaville 949deaf5835030bf0c7b73a6f4cb8d0d1fb8b57a
    congo-kinshasa-ministers fb78ee2e1afcd31cb21afcb2c18c01e01608b18d
    costa-rica e0bae021bc72c9b44bc08521819804da661bb23b
    croatia-ministers 6e44b5186fd289ec77c7a5d1378d86e4a1ad37a3
    cuba 5f8fa4ee8913ea123ef6727fbf0c8b3453fbbb86
    cyprus-cabinet 5fcbf4d37e23e62f820666403beb77e72c2f9916
    czech-ministers 1e53f23f9405feacef64241294c342ab8eca0319
    denmark-cabinet 1599847eacdd27202c9b84387407cef25458f309
    djibouti-ministers 548a01f93b5f8468418fad4021cf7caf21489b2b
    dominica c10805b6330842c3b16a39ba166472aa0c6fb7b0
    dominican-republic fd81a6770c656bf099ea70b518ef51062836a5ed
    donetsk 69416d89a6e911b643accf792deaa78a3417b1e4
    ecuador-ministers b5360d52c89e2c9742019d3ea9c37972a737e243
    egypt-ministers f3820a30ce92a8557e3503202fed731e9d91275c
    el-salvador-ministers aa248a6120269e97bcc4a09855affa3dcb6ad76a
    equatorial-guinea a713ce5acc59076c99ded9ea9f5b90cc2db9dbac
    eritrea-ministers 976e3d35bfda79df2f8e585c9930c98af8f65219
    estonia 27ed68480fd69b680a523eab604b6ccf26ed4332
    eswatini 76d48e5f949b29b96759671605f0e24e2f3f6962
    ethiopia-ministers e025c9ca8d02cc7f3a5522afd30d49350e64c5cf
    faroes-ministers 9696c3afbb035aaa9da44d5dec419ad499b18ea3
    fiji-ministers 53d4e70db564d68efd8d71af19efacbcd8cbaf09
    finland-cabinet 56412ba38703d3181b5dd5675b8410b95f6a5487
    france-cabinet 7ff37baf3297a83711c90ac84b1d3b2ecb50a541
    gabon-ministers 824f2dd326741e5966429c371ba817014550157f
    gambia-ministers 826ec2d12887ebc8b33885e42f20e8ecd9d85e4c
    georgia-ministers e843205baddb9cd7321170ede5d08210b1bf6c78
    ghana-ministers 6301043ab47efa25fa0c944b6a4b523ea5a2eebe
    greece-cabinet 34bf1d17b4c2afa95e6063f93742e53f3d4c7454
    greenland-cabinet f1f4e5d2f625e48fdbe7e60375179e0d56a4c386
    grenada 788288e53c9786149a700e17a8da4fd81946c361
    guatemala-ministers 573ce9cfca81ffa8bdcbb90dd74abf789899a4be
    guinea b6dbbddfdcd405529b096cf6e92ff16c424491b1
    guinea-bissau e583fba26d30c716516e2d6b18e2dff8b708ac70
    guyana 5be5ff6678eb3d6389388378c67abb50a032b4e9
    haiti a04bdb3638b01077d3409b41a95aa84ed29c3f5d
    honduras-ministers a63b7746fe5da6b95e65fc5fbb2a85f198e3d230
    hong-kong 1512e32bdfc161dad75ab6b1d83a4c8af40c3834
    hungary-cabinet aee95092e592403fee7a5d87f0d6b8eeeda1e9ca
    india-ministers 66f344bbf207d35eaa3225edf5584ae0bb164fe8
    indonesia-ministers 66eaaf57191eff7e9d28eea926358bf83d443114
    iran-ministers a8e7c2fb16372b8b77a09303ae27d46a9ea21e67
    iraq-ministers ab7f90c8298be91e36248b2ca5d7f268cee0b173
    ireland-ministers 562aee81a3802e59acc4cf21c8fce6a8ca35f76e
    isle-of-man-cabinet 35d73b666eeb925cece76f97c7486f4942aa7dd0
    israel-ministers 81da8707e865df568c7ba8b0b89bf95e7ffd4ae1
    italy-ministers 4f9e038f62f3c71f737fd7e30a4e35df1686f4eb
    ivory-coast 44222480d31935982732e89a451ff590841f834f
    jamaica-ministers f5c6abbdb4d9d0799242d2e7219e9e9d20d5c172
    japan-ministers 8ba3cb1992bee87f5b8dc566da87db2be8550a1a
    jersey-cabinet e36b778d1884dafb3e1711e5ed4c3419c62b68b5
    kazakhstan-cabinet caf651f97dc0efed4955887c17fd6fadcdf7b111
    kenya 845fa144b1aa18652748624528d836b81e51b7d0
    kiribati-ministers b70c47d96b48cc0841a058db0c98339b8f44db93
    kosovo-cabinet 66ca1f4176783fd77323a1f630723bd06b18abb0
    kuwait-ministers e663bce8539370de83f3f06eecb0e8d4ec50b14e
    kyrgyzstan-ministers d8ff9828032fbb0e1f41920dd6af8c5c08a26a67
    latvia-cabinet 5f141542ec29a0fa0dc91c29ee2b3d695b7d1e45
    lesotho-ministers 2bf90c00c69fcab9495ba32ea035a91c85decea9
    liberia-ministers 51d0030249649de5a8b1ca9e0f7be25a4402e3c9
    liechtenstein-ministers e95c566cc81a5e5ba113435efbe3697832d91a62
    lithuania 2743892fbc8f4eca6fc0b2ead37936dc8d5229d9
    luhansk-ministers f4036f5273e2386620bf09250ba2b9cfca6b1a10
    luxembourg-cabinet 7b920a2e507deea1887539f7ebb4fea0db43e7da
    malawi-ministers 34b3699bdd5c240cb4c228b361cdf5192a14d993
    malaysia-ministers bab25025f0c68e7c1c623e0ee7e4888032550e16
    maldives-ministers 8de4a9140f5ab0f57ed4a40f467975039d615001
    malta-ministers 4cba0680d5436b0befc248615f230087fbd45be4
    marshall-islands-ministers 9cc730d5cc128a5c2e96b3139406c40a033d506d
    mauritania d3f467cdef94a4ec1525fbbb0444977df7af0ecc
    mauritius-ministers 78b132eb7142c1b648515064a5c011e7d1519b04
    mexico-ministers 87f5ae7dc992a800173a7c9de53ccbe25661dc61
    micronesia-ministers 766d9db7fcf2c7ce7bcfcd30dd24af87fd45075d
    moldova-ministers 8f20086e5f2cc7b6019a841225e3c9e323c8d19d
    mongolia-ministers 08e9b68cedfb11a78520087efd6146f4eac0a239
    montenegro-cabinet 8ba0dd381b8c18ead1b8772c5bfddf9b6d83b246
    montserrat-ministers 9c766bbe2f77719b6fc3f527e3fb617517f4f0c4
    morocco-ministers b5246271b46859298b816869fd8c3ae7f658afd8
    mozambique 4800218ca8ce02cb4d1bb3a665189fc245e27d99
    myanmar-ministers 473d687f0dcb621d8c313ef32923d73094de21a5
    nepal-ministers 14d843634275aae72439958fd190e33ad048df17
    netherlands-cabinet a542323a663b1a7232e6f8e4843eda1f019a8705
    new-zealand-cabinet dbf5f248a1d55fc1a111112bc904c8e7e8e26950
    niger-ministers 3b495ae4c954686d0cbbab4cc21063ded6ec4b6f
    nigeria 1f5d4aad9ba42a810e353d0d7b4378fedc4429e6
    north-korea 7fd4f86187b511ff8bd0b95f1fcd1c5a21e881b5
    north-macedonia-ministers 6f680e0dc4d625b98a0f03138ae8a8ff5b31635d
    northern-ireland-ministers 50c4a20cb3e1f3d65194d4936fca4736d906248c
    norway-cabinet c0bc52971dac1a8734320e298a714903adae5b83
    oman c736fb96b1acbd3f0c652b278222e43118015cdb
    pakistan-ministers 065accdb5d8d693e89c0bc559862c10f66d443d1
    panama-ministers bdb92ef0f302b92faa9fa0dedeab11cbbef25366
    papua-new-guinea f81c26e33168f6e134c4d01d44d6110649f7baa7
    paraguay-ministers 6bab5f74f6092aa4fde9a51e0453501ddfdd56c9
    philippines-ministers 1f396f9a8c2e3397cfe392fca350c8943aa1d5f5
    poland-cabinet c6b228df3eed6e9ba89f02bf424f870a66ea47a6
    portugal-cabinet 49dd0287a8d715a217ba067c04d574b2632864af
    romania-cabinet 63e9c5d352fa9a477e708ecc2ac4523af9534cfe
    russia-cabinet 3871831d9846a16c5017acc229e003ab706202ab
    rwanda-ministers aa6c19c3d4087e54df8d38f6b245da15f7f0922f
    san-marino-ministers b4a1cee85a5aad4fe31ac94e6a48a95fe47cc2b9
    sao-tome-and-principe 1be2c84a3d3ec408c4a9614729985013f0bf1ee9
    saudi-ministers 566c58806bee4d91167f3dcbd19abbb596e65497
    scotland-cabinet 082f5ce4eda96d7e9ea8af82df53fefd85962cca
    senegal-ministers 780217b3c6b59c29a8e18d88727f9200fb1a4953
    serbia-ministers a4a525577243b1a2ebc9c98de0801347aba26e52
    sierra-leone 2c5d76f88b39b83183111d2d510f5499fe960e06
    singapore-ministers 7c68317a86e9ab14712685cc12d6e2afc028d410
    slovakia-cabinet db4bf5310f557452cd6140a61739d4103c35debf
    slovenia-cabinet 7a1dca9809cba7fb945c7a21154edf494d043879
    solomons-ministers d685f954660dea55af6f1684c5a58c64e6c1d38f
    somalia-cabinet 7b5980d7c4b80241f31b9ceb82b601906656559b
    somaliland d5561e45b941cfbc606b8ee277a16e30683ba1f4
    south-africa-cabinet 0558a872c69856bba752bd3b8b3604e4e4479252
    south-korea-ministers 6f17960017c672790f0997885e5b2ff5937305de
    south-ossetia de9f08758e6e6750235badc9a3aa2505222f5897
    south-sudan 46f2f4f9e468465ced7e5bce689b7d8e0c43be32
    spain-ministers 1e1550ca85af4c39b71e6a462fead133849fe078
    sri-lanka-cabinet a90dbcf77133b1b9dcb94abe2c51b7ba2d9c5bee
    st-kitts-and-nevis-cabinet 908113dbe6f8771545f220b6dcf877dbbebbf703
    st-lucia-cabinet 4674a06432a542602e821ed3710305b9e9bb6171
    st-vincent-and-the-grenadines 700b40a315ba3b9f690b31e02ff64dd0bb001188
    sudan bd56d436414d49f53c21baf0601962478a431ac2
    suriname 05e451815acda25d94b89ca21d8551622cf18f4f
    sweden-cabinet 6756a7c9de57d94b64628365d3715a344c3ad9a7
    swiss-federal-council 7cb72efe7f83e593d6be64fa649c993c5042e49c
    syria 08fddba7b3f3beef8ac10a7201ef1ff1cc7318af
    taiwan 45c981ac5a15e4bdacfda83f77a64d275156ca4b
    tajikistan-ministers 3039beb43712fe80824177ea9798079233aa257f
    tanzania-ministers 08687f4096fe6f1952764a24a09134ab45d370c8
    timor-leste-ministers 2162a08a38e6ff19aae0b7da19aa198eb53a95e4
    togo c6cc8fe9413c84f10719c5627cb750fcd4e08e4b
    tonga-ministers b5f2233476ebce193698e269c85dd792b362d726
    trinidad-and-tobago-cabinet 27745264ebbf3de066b1325dd1338dd54600a601
    tunisia-ministers 6e35fc4e7f3d8c1f0bbb453d3b522177a7820dfe
    turkey-ministers 288fbd45ee3fa59f8a226437bf43d726c9845f4f
    turkmenistan db857efe4e49f9efb787394ca3065f3d8a462f8f
    turks-and-caicos-ministers ff6c4030235b8fcc131316d41eb1afa3f1c41e03
    tuvalu-ministers c069c26fd0c45f3587c17f7bc69ccd81d88f9e4b
    uae-ministers 9478e53b0ada6f31a1877fddb499f33207efa368
    uganda-ministers ed6c7e0721c8c38e177b8c9b6fdb308b2b26ce95
    ukraine-cabinet 4fc6ab0f4d90d6170b674172a115f1bc98478e4b
    united-kingdom-cabinet 3a5ec686630cbefc0fe4b96da38a2a50b52d2556
    uruguay-ministers 38b3bd143359d2f70e9454b431803fbbddc09931
    us-cabinet 0d5e73cb24ba9f78bc36f6cd0fbe9839e6cd8600
    uzbekistan-ministers b7cd8a1eaca2bb365d5ade7bdc9870d1ed31bde9
    vanuatu-cabinet f21a251001fb6a2129876fb2a2f867772c59aefd
    venezuela 468bc47dfe82a6912833f85ccb15888baa132a6c
    vietnam 906e493fe5ae307bf6184baa4fa9e48d75f9866d
    wales-cabinet 929c9e07a44fc9bf62e43f54c9edbcedc70d92d9
    world 4a3b394d9a35d26d138cded8718d0805b7ce9336
    yemen 993e1a6176b9082c7053cd67ff59dc52ee71f71b
    zambia-ministers e5aaa198749da6ee572efc2522908a2e697ad463
    zimbabwe f991ac9839ca9297ec838f7420994fbb1c854c00
"""
WL_REPO = f"{EPS}/world-leaders-2021"
WL_PATH = "data/wikidata.csv"
# HEAD (2022-10-10, terms ended in 2022 or open) and the last version of 2021 (ended in 2021 or open).
WL_COMMITS = ("be7039cf5952d8121c4f1e24eea64cc5dd465633", "bee1ce6caf74702e25e3ae5212dec3872d2712f5")
WLC_REPO = "open-data-archive/world-leaders-current"
WLC_COMMIT = "b06a1440a6eda040a90166cb3f84d9634d1779b2"  # 2026-08-22; every earlier version is read too
PARTYFACTS_REPO = "hdigital/partyfactsdata"
PARTYFACTS_COMMIT = "764de8978f84ba41a1c88752d6a00b9a4d05f599"  # 2026-03-11
PARTYFACTS_PATH = "import/wikipedia/wikidata.csv"

# Posts of a province, state, region, county or city that the repositories list with the national ones
# ("Governor of Ekiti State", "Mayor of Galway", "Lieutenant Governor of Alberta", "member of the Provincial
# Executive of Utrecht", "Premier of Sarawak"): left out. Governors of central banks stay.
SUBNATIONAL = re.compile(
    r"(?i)\b(lieutenant[- ]governor|vice[- ]governor|governor of (?!.*\b(bank|banque|banca|banco|nationalbank|"
    r"monetary|sentral|reserve)\b)|(lord )?mayor|prefect|intendant|provincial executive|"
    r"(deputy )?premier of (?!the state council)|"
    r"chief minister of (?!the comptroller)|deputy chief minister|first minister of|"
    r"president of the (regional )?government of (?!spain)|president of the region|regional state administration|"
    r"regional executive committee|regional authority|autonomous (community|region|okrug|republic)|"
    r"county|oblast|okrug|krai|canton|province|flemish|walloon|german-speaking community|french community|"
    r"crimea|federation of bosnia|republika srpska|brussels-capital|generalitat|balearic islands|falkland islands|"
    r"mexico city|(district|city) executive committee|sarawak|sabah)\b")
# A US state's Secretary of State ("Secretary of State of Georgia"), listed by us-cabinet.
US_STATE_POST = re.compile(r"(?i)^secretary of state of (?!the united states)")

# UN posts of every-politician-scrapers/world (no jurisdiction): position QID -> curated organisation.
# Its other posts (WTO, OSCE, Council of Europe, Arab Parliament, national UN representatives) are left out.
UN_POSITIONS = {
    "Q81066": "Q1065",  # Secretary-General of the United Nations
    "Q3099742": "Q1065",  # Deputy Secretary-General of the United Nations
    "Q2932400": "Q1065",  # Under-Secretary-General of the United Nations
    "Q1161813": "Q47423",  # President of the United Nations General Assembly
    "Q30771010": "Q7801",  # Judge of the International Court of Justice
    "Q19926443": "Q7801",  # President of the International Court of Justice
    "Q94450525": "Q7801",  # Vice President of the International Court of Justice
}
# Terms Wikidata had wrong at the snapshot dates, left out: (person QID, country, start).
SOURCE_ERRORS = {
    ("Q360961", "Q142", "1999-07-06"): "Natan Sharansky was Israel's Minister of the Interior, not France's",
    ("Q273396", "Q142", "2005-06-02"): "Catherine Colonna was France's Minister for European Affairs in "
                                       "2005-2007, not its Foreign Minister (Philippe Douste-Blazy)",
}
# Jurisdictions of world-leaders-current that are curated organisations, not countries.
ORGANISATION_JURISDICTIONS = frozenset({"Q458", "Q7159"})  # European Union, African Union

# Curated parties looked up in Party Facts: label -> ISO alpha-3 of the party's country (to disambiguate).
PARTY_COUNTRY = {
    "Alternative for Germany": "DEU", "Social Democratic Party of Germany": "DEU",
    "Bharatiya Janata Party": "IND", "Communist Party of the Russian Federation": "RUS",
    "United Russia": "RUS", "Fatah": "PSE", "Justice and Development Party": "TUR",
    "Liberal Democrats": "GBR", "Reform UK": "GBR", "Scottish National Party": "GBR",
    "Likud": "ISR", "Hezbollah": "LBN", "Muslim Brotherhood": "EGY", "Houthis": "YEM", "Taliban": "AFG",
}

# Links found but not written into the curated files by --apply: label -> why.
HELD_BACK: dict[str, str] = {}

# Matching curated people: the tiers accepted (the weakest, "name+country (office years differ)", is not).
ACCEPTED_TIERS = ("name+office", "name~", "name+country+years")
SNAPSHOT_YEAR = 2023  # every-politician-scrapers snapshots: 2022-07 .. 2023-03; open terms count up to 2022

# ---------------------------------------------------------------------------------------------
# Reading snapshots
# ---------------------------------------------------------------------------------------------


class Snapshot:
    """A fetched bare repository, read through one ``git cat-file --batch`` process."""

    def __init__(self, mirror: Path, repo: str) -> None:
        self.repo = repo
        self.gitdir = mirror / repo.replace("/", "+") / "repo"
        if not self.gitdir.is_dir():
            raise SystemExit(f"no snapshot of {repo} in {self.gitdir} (fetch github:{repo})")
        self._batch: subprocess.Popen[bytes] | None = None

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", "--git-dir", str(self.gitdir), *args], capture_output=True, check=True)
        return result.stdout.decode("utf-8")

    def show(self, commit: str, path: str) -> str | None:
        if self._batch is None:
            self._batch = subprocess.Popen(["git", "--git-dir", str(self.gitdir), "cat-file", "--batch"],
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(f"{commit}:{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode().split()
        if len(header) != 3 or header[1] != "blob":
            return None
        data = self._batch.stdout.read(int(header[2]))
        self._batch.stdout.read(1)
        return data.decode("utf-8")

    def csv(self, commit: str, path: str) -> list[dict[str, str]] | None:
        text = self.show(commit, path)
        return None if text is None else list(csv.DictReader(io.StringIO(text)))

    def close(self) -> None:
        if self._batch is not None:
            assert self._batch.stdin is not None
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None


def eps_pins() -> list[tuple[str, str]]:
    pins = (line.split() for line in EPS_PINS.split("\n") if line.strip())
    return [(f"{EPS}/{name}", commit) for name, commit in pins]


# ---------------------------------------------------------------------------------------------
# Source rows
# ---------------------------------------------------------------------------------------------


def collect_eps(mirror: Path) -> list[dict[str, str]]:
    """One row per holder, position and term of every-politician-scrapers/<country> ``html/holders21.csv``.

    holders21.csv is the output of the shared PCB workflow (pcb/holders.js): the P39 statements of the
    positions of ``wikidata/*-positions.csv``, sorted by that enumeration, so the rows of one position form
    one run. A title shared by several positions (federal and state "Treasurer") is mapped run by run to
    their QIDs in order when the counts agree, else left without a position QID.
    """
    out: list[dict[str, str]] = []
    for repo, commit in eps_pins():
        snap = Snapshot(mirror, repo)
        holders = snap.csv(commit, "html/holders21.csv")
        if not holders:
            snap.close()
            continue
        jur_id = jur_name = ""
        meta = snap.show(commit, "meta.json")
        if meta:
            try:
                jurisdiction = json.loads(meta).get("jurisdiction", {})
                jur_id, jur_name = jurisdiction.get("id", "") or "", jurisdiction.get("name", "") or ""
            except ValueError:
                pass
        if jur_name.startswith("the "):
            jur_name = jur_name[4:]
        title2pos: dict[str, list[str]] = {}
        pos2list: dict[str, str] = {}
        listing = snap.git("ls-tree", "--name-only", commit, "wikidata/")
        for path in sorted(listing.split()):
            if path.endswith("-positions.csv"):
                for row in snap.csv(commit, path) or []:
                    title, qid = row.get("title"), row.get("position")
                    if title and qid and qid not in title2pos.setdefault(title, []):
                        title2pos[title].append(qid)
                    if qid:
                        pos2list.setdefault(qid, path.split("/")[-1])
        runs: list[list[int]] = []
        for i, h in enumerate(holders):
            if runs and holders[runs[-1][-1]]["position"] == h["position"]:
                runs[-1].append(i)
            else:
                runs.append([i])
        by_title: dict[str, list[list[int]]] = {}
        for run in runs:
            by_title.setdefault(holders[run[0]]["position"], []).append(run)
        row_position: dict[int, str] = {}
        for title, title_runs in by_title.items():
            qids = title2pos.get(title, [])
            if len(qids) == 1:
                for run in title_runs:
                    for i in run:
                        row_position[i] = qids[0]
            elif len(qids) > 1 and len(title_runs) == len(qids):
                for qid, run in zip(qids, title_runs, strict=True):
                    for i in run:
                        row_position[i] = qid
        positions = {row["id"]: row for row in snap.csv(commit, "html/positions.csv") or []}
        date = snap.git("log", "-1", "--format=%cs", commit).strip()
        snap.close()
        for i, h in enumerate(holders):
            pq = row_position.get(i, "")
            info = positions.get(pq, {})
            out.append({
                "qid": h["personID"], "name": h["person"], "jurisdiction_qid": jur_id, "jurisdiction": jur_name,
                "position_country_qid": info.get("country", ""),
                "position_jurisdiction_qid": info.get("jurisdiction", ""),
                "position_qid": pq, "position_label": info.get("position", "") or h["position"],
                "title": h["position"], "position_list": pos2list.get(pq, ""), "gender": h.get("gender", ""),
                "start": h["start"], "end": h["end"], "source": f"{repo}@{commit[:12]}", "date": date,
            })
    return out


def collect_wl(mirror: Path) -> list[dict[str, str]]:
    """Heads of state and government of world-leaders-2021 ``data/wikidata.csv`` (years only)."""
    snap = Snapshot(mirror, WL_REPO)
    out = []
    for commit in WL_COMMITS:
        date = snap.git("log", "-1", "--format=%cs", commit).strip()
        text = snap.show(commit, WL_PATH)
        if text is None:
            raise SystemExit(f"{WL_REPO}: no {WL_PATH} at {commit}")
        for r in csv.DictReader(io.StringIO(text)):
            # the header differs between versions
            country_qid = r.get("countryid") or r.get("country") or ""
            country = (r.get("country") if r.get("countryid") else r.get("countryItemLabel")) or ""
            label = r.get("positionLabel") or r.get("positionItemLabel") or ""
            name = r.get("officeholderLabel") or r.get("officeholderItemLabel") or ""
            title = re.sub(r"(?i)\s+of\s+(the\s+)?" + re.escape(country) + r"$", "", label)
            out.append({
                "qid": r["officeholder"], "name": name, "country_qid": country_qid, "country": country,
                "position_qid": r["position"], "position_label": label, "title": title,
                "start": r.get("start_year", ""), "end": r.get("end_year", ""), "source": f"{WL_REPO}@{commit[:12]}",
                "date": date,
            })
    snap.close()
    return out


WLC_ROLE = {"prime minister": "Prime Minister", "president": "President", "chancellor": "Chancellor",
            "federal chancellor": "Chancellor", "monarch": "Monarch", "king": "King", "queen": "Queen",
            "emperor": "Emperor", "premier": "Premier", "sultan": "Sultan"}


def collect_wlc(mirror: Path) -> list[dict[str, str]]:
    """Current heads of state and government of world-leaders-current, every version of
    ``data/countries/<c>/current.json`` up to the pinned commit; holders with a ``wikidata_id`` only, the
    oldest version that shows a holding giving its row. No end dates."""
    snap = Snapshot(mirror, WLC_REPO)
    config = json.loads(snap.show(WLC_COMMIT, "build/config/countries.json") or "{}")
    seen: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for key, country in config.items():
        path = f"data/countries/{key}/current.json"
        for line in snap.git("log", "--format=%H %cs", WLC_COMMIT, "--", path).splitlines():
            if not line.strip():
                continue
            commit, date = line.split()
            try:
                data = json.loads(snap.show(commit, path) or "")
            except ValueError:
                continue
            positions = data.get("positions") or {}
            hog = (positions.get("head_of_government") or {}).get("current_holder") or {}
            for which in ("head_of_government", "head_of_state"):
                position = positions.get(which) or {}
                holder = position.get("current_holder")
                if not holder or not holder.get("wikidata_id"):
                    continue
                title = position.get("title_en") or ""
                if which == "head_of_state" and holder["wikidata_id"] == hog.get("wikidata_id"):
                    continue  # the head of government repeated (seen: Saudi Arabia's head of state)
                if "(" in title:  # composite titles such as "Prime Minister (King)"
                    continue
                role = WLC_ROLE.get(title.lower(), "")
                seen[(country["wikidata_id"], which, holder["wikidata_id"], holder.get("since") or "")] = {
                    "qid": holder["wikidata_id"], "name": holder.get("name_en", ""),
                    "country_qid": country["wikidata_id"], "country": country.get("name_en", ""),
                    "position_qid": "", "position_label": title, "role": role, "title": title,
                    "start": holder.get("since") or "", "end": "", "source": f"{WLC_REPO}@{commit[:12]}",
                    "date": date,
                }
    snap.close()
    return list(seen.values())


# ---------------------------------------------------------------------------------------------
# Normalised roles (national positions only; keyword rules on the short title and English label)
# ---------------------------------------------------------------------------------------------

# Positions whose role is fixed by QID (each QID/label pair as printed in the source repositories).
BY_QID = {
    "Q14211": "Prime Minister", "Q531471": "Chancellor of the Exchequer", "Q2747647": "Defence Secretary",
    "Q1371091": "Foreign Secretary", "Q2484309": "Home Secretary",  # UK
    "Q11696": "President", "Q11699": "Vice President", "Q14213": "Secretary of State",
    "Q735015": "Secretary of Defense", "Q4215834": "Treasury Secretary", "Q636207": "Attorney General",
    "Q1414246": "National Security Advisor", "Q1785225": "UN Ambassador",
    "Q642859": "Secretary of Homeland Security",  # US
    "Q81066": "Secretary-General",  # UN
}
JUNIOR = re.compile(
    r"(?i)\b(deputy|vice|assistant|associate|delegate|delegated|state minister|"
    r"minister of state|ministers? of state|junior|parliamentary|under[- ]?secretary|"
    r"shadow|spokes|permanent secretary|principal secretary|chief of|commander|"
    r"committee|council of|state secretary|staatssekret|secretary-general|"
    r"secretary general|director|head of the office|office of|chief secretary|"
    r"lord of the treasury|first lord|to the minister|in the ministry|"
    r"dutch secretary of state|secretary of state (to|of|for) (?!foreign and commonwealth|"
    r"foreign, commonwealth|the home department)|"
    r"co-?ordinating|coordination|member of|head of|cabinet chief|military cabinet)\b")
FOREIGN = re.compile(
    r"(?i)(foreign (affairs|minister|relations|secretary)|external (affairs|relations)|"
    r"foreign and (european|commonwealth)|europe and foreign|foreign, commonwealth|"
    r"affaires (é|e)trang|international relations and cooperation|"
    r"minister of foreign|minister for foreign|secretary for foreign|secretary of foreign)")
FOREIGN_NOT = re.compile(r"(?i)(trade|commerce|economic|culture|tourism|diaspora|"
                         r"intelligence|investment|aid\b|development cooperation)")
DEFENCE = re.compile(r"(?i)\b(defen[cs]e|armed forces|minister of war|minister for war)\b")
DEFENCE_NOT = re.compile(r"(?i)(civil defen|production|industry|materi|science|"
                         r"procurement|veterans|personnel|chief|staff|force\b|army|"
                         r"navy|air force|council|industr|home front|inspector|equipment|support|"
                         r"technology|armed forces minister|minister for the armed forces|"
                         r"veterans|reserves|international security|intelligence)")
FINANCE = re.compile(r"(?i)\b(finance|finances|treasury|exchequer|treasurer)\b")
FINANCE_NOT = re.compile(r"(?i)(microfinance|micro-finance|assistant|chief secretary|"
                         r"treasury board|lord|first lord|budget$|state minister|secretary to the treasury|"
                         r"treasurer general|comptroller|financial services)")
INTERIOR = re.compile(r"(?i)\b(interior|internal affairs|home affairs|home department|"
                      r"home secretary|internal administration)\b")
INTERIOR_NOT = re.compile(r"(?i)(local government|trade)")
REGIONAL = re.compile(
    r"(?i)\b(flemish|walloon|flanders|wallonia|brussels|german-speaking|french community|"
    r"scottish|welsh|catalan|basque|galician|andalusian|valencia|quebec|ontario|"
    r"provincial|of the province|autonomous|republika srpska|federation of bosnia|"
    r"crimea|zanzibar|azad kashmir|puntland|kurdistan region|buenos aires|"
    r"new south wales|queensland|victoria\b|tasmania|western australia|south australia|"
    r"northern territory|capital territory|governor of|mayor|municipal|city of|"
    r"regional|county|oblast|krai|canton|president of the government of (?!spain)|"
    r"bahr el ghazal|equatoria|upper nile|jonglei|warrap|aragon|inspector)\b")
HEAD_OF_STATE_TITLES = {
    "president": "President", "king": "King", "queen": "Queen", "emir": "Emir", "sultan": "Sultan",
    "emperor": "Emperor", "grand duke": "Grand Duke", "supreme leader": "Supreme Leader",
    "captain regent": "Captain Regent", "prince": "Prince", "amir": "Emir",
}


def classify(title: str, label: str, pos_qid: str, national: bool = True, gender: str = "") -> str:
    """The normalised role of a position, or '' when none fits."""
    if pos_qid in BY_QID:
        return BY_QID[pos_qid]
    if not national:
        return ""
    t, l = (title or "").strip(), (label or "").strip()  # noqa: E741
    both = t + " | " + l
    if REGIONAL.search(both):
        return ""
    tl, ll = t.lower(), l.lower()
    if (re.match(r"(?i)^(federal )?chancellor\b", t) and "exchequer" not in tl and "justice" not in tl
            and "duchy" not in tl):
        return "Chancellor"
    if (re.match(r"(?i)^(prime minister|premier|chairman of the (cabinet|council) of ministers"
                 r"|president of the government|head of government|taoiseach"
                 r"|chairman of the government|president of the council of ministers)", t)
            or re.match(r"(?i)^prime minister of ", l) or re.match(r"(?i)^premier of the state council", l)):
        if re.search(r"(?i)province|state of |autonomous|region|republika srpska|crimea|"
                     r"kurdistan|zanzibar|azad|flanders|wallonia|brussels|community", l):
            return ""
        return "Premier" if tl.startswith("premier") or ll.startswith("premier") else "Prime Minister"
    if (tl in ("monarch", "king", "queen", "emperor", "grand duke", "emir", "sultan")
            or re.match(r"(?i)^(monarch|king|queen|emperor|grand duke|emir|sultan)\b", l)):
        if tl == "monarch" or ll.startswith("monarch"):
            return {"female": "Queen", "male": "King"}.get(gender, "Monarch")
        for key, value in HEAD_OF_STATE_TITLES.items():
            if tl.startswith(key) or ll.startswith(key):
                return value
    if (re.match(r"(?i)^(president|president of the republic)( \(.*\))?$", t)
            or re.search(r"(?i)\(president\)$", t) or tl == "french co-prince"):
        return "President"
    if re.match(r"(?i)^captain regent", t):
        return "Captain Regent"
    if re.match(r"(?i)^supreme leader", t):
        return "Supreme Leader"
    if re.match(r"(?i)^governor[- ]general", t):
        return "Governor-General"
    if JUNIOR.search(both):
        if (re.match(r"(?i)^(first )?vice[- ]president\b", t) and "minister" not in tl
                and not re.search(r"(?i)council|assembly|senate|parliament|court|bank|"
                                  r"commission|chamber|congress", both)):
            return "Vice President"
        return ""
    if re.match(r"(?i)^foreign secretary", t):  # a civil-service post outside the UK
        return ""
    if FOREIGN.search(both) and (not FOREIGN_NOT.search(both) or re.search(
            r"(?i)^(federal )?(minister|secretary) (of|for) (the )?foreign affairs", t)):
        if "foreign and commonwealth" in both.lower() or "foreign, commonwealth" in both.lower():
            return "Foreign Secretary"
        return "Foreign Minister"
    if DEFENCE.search(both) and not DEFENCE_NOT.search(both):
        if re.match(r"(?i)^secretary of state for defence$", t):
            return "Defence Secretary"
        return "Defence Minister"
    if FINANCE.search(both) and not FINANCE_NOT.search(both):
        if re.match(r"(?i)^treasurer$", t):
            return "Treasurer"
        return "Finance Minister"
    if INTERIOR.search(both) and not INTERIOR_NOT.search(both):
        if "home department" in both.lower() or tl == "home secretary":
            return "Home Secretary"
        return "Interior Minister"
    if re.match(r"(?i)^attorney[- ]general\b", t) and "deputy" not in tl:
        return "Attorney General"
    return ""


# ---------------------------------------------------------------------------------------------
# The officeholder table
# ---------------------------------------------------------------------------------------------

KINGDOMS = frozenset({"Q756617", "Q29999"})  # Kingdom of Denmark, Kingdom of the Netherlands


def year(date: str) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def fold(text: str) -> str:
    """Names compared across sources: accents, case and punctuation ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]", " ", text).split())


def corroborated(wlc: list[dict[str, str]], others: list[dict[str, str]], curated: dict[str, dict[str, Any]],
                 log: Log) -> list[dict[str, str]]:
    """world-leaders-current rows whose QID another source (or the curated gazetteer) pairs with the same
    name: the repository's ids are not all right (it gives Viktor Orbán's to Ursula von der Leyen)."""
    names: dict[str, set[str]] = defaultdict(set)
    for r in others:
        names[r["qid"]].add(fold(r["name"]))
    for row in curated.values():
        if row.get("wikidata"):
            names[row["wikidata"]].update(fold(n) for n in [row["label"], *(row.get("aliases") or [])])
    kept = []
    for r in wlc:
        if fold(r["name"]) in names.get(r["qid"], set()):
            kept.append(r)
        else:
            log.note("world-leaders-current rows left out (QID not paired with that name elsewhere)",
                     f'{r["qid"]} {r["name"]} ({r["country"]}, {r["title"]} from {r["start"] or "?"})')
    return kept


def build_table(eps: list[dict[str, str]], wl: list[dict[str, str]], wlc: list[dict[str, str]],
                country_labels: dict[str, str]) -> list[dict[str, Any]]:
    """The rows of all sources with their national flag and normalised role, one per person, position and
    start (a P39 statement found in several repositories is one row; year-precision rows inside a precise
    row of the same person and position, and world-leaders-current rows repeating a row, are dropped)."""
    gender_of = {r["qid"]: r["gender"] for r in eps if r.get("gender")}
    rows: list[dict[str, Any]] = []
    for r in eps:
        pj, pc, rj = r["position_jurisdiction_qid"], r["position_country_qid"], r["jurisdiction_qid"]
        country = rj or pc
        rname = country_labels.get(rj) or r["jurisdiction"]
        # national: listed in the repository's main lists and tied to its own jurisdiction (or its kingdom,
        # or a position of this country whose label names it)
        national = (bool(r["position_qid"])
                    and r["position_list"] in ("wanted-positions.csv", "xtra-positions.csv")
                    and (pj in ("", rj) or pj in KINGDOMS
                         or (pc == rj and bool(rname) and rname.lower() in r["position_label"].lower())))
        if pj and pj == pc and pc != rj and pc in country_labels:
            country, national = pc, True  # another sovereign's position (France's president as co-prince)
        role = classify(r["title"], r["position_label"], r["position_qid"], national, gender_of.get(r["qid"], ""))
        rows.append({"qid": r["qid"], "name": r["name"], "country_qid": country, "position_qid": r["position_qid"],
                     "position_label": r["position_label"], "role": role or r["position_label"],
                     "start": r["start"], "end": r["end"], "source": r["source"], "date": r["date"],
                     "national": national,
                     "std": bool(role), "world": r["source"].startswith(f"{EPS}/world@")})
    for r in [*wl, *wlc]:
        if r["source"].startswith(WL_REPO) and (year(r["start"]) or 0) < 1900:
            continue  # generic positions ("emir") pick up medieval holders
        role = r.get("role") or classify(r.get("title", ""), r["position_label"], r["position_qid"], True, "")
        if role == "Monarch" and r["qid"] in gender_of:
            role = {"female": "Queen", "male": "King"}.get(gender_of[r["qid"]], role)
        rows.append({"qid": r["qid"], "name": r["name"], "country_qid": r["country_qid"],
                     "position_qid": r["position_qid"], "position_label": r["position_label"],
                     "role": role or r["position_label"], "start": r["start"], "end": r["end"],
                     "source": r["source"], "date": r["date"], "national": True, "std": bool(role), "world": False})
    best: dict[tuple[str, str, str], dict[str, Any]] = {}
    order: list[tuple[str, str, str]] = []
    for r in rows:
        k = (r["qid"], r["position_qid"] or r["position_label"], r["start"])
        if k not in best:
            best[k] = r
            order.append(k)
            continue
        old = best[k]
        if (r["std"] and not old["std"]) or (r["national"] and not old["national"] and r["std"] == old["std"]):
            r["source"] = r["source"] + " ; " + old["source"]  # keep the copy of the position's own country
            r["date"] = max(r["date"], old["date"])
            if len(old["end"]) > len(r["end"]):
                r["end"] = old["end"]
            best[k] = r
            continue
        if len(r["end"]) > len(old["end"]):
            old["end"] = r["end"]
        if r["source"].split("@")[0] not in old["source"]:
            old["source"] = old["source"] + " ; " + r["source"]
        old["date"] = max(old["date"], r["date"])
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for k in order:
        r = best[k]
        if len(r["start"]) >= 7:
            spans.setdefault((r["qid"], r["position_qid"]), []).append((year(r["start"]) or 0, year(r["end"]) or 9999))
    keep = []
    for k in order:
        r = best[k]
        if len(r["start"]) == 4 and (r["qid"], r["position_qid"]) in spans:
            ys, ye = year(r["start"]) or 0, year(r["end"]) or 9999
            if any(a <= ys <= b or a <= ye <= b for a, b in spans[(r["qid"], r["position_qid"])]):
                continue
        keep.append(k)
    seen: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for k in keep:
        r = best[k]
        if r["position_qid"]:
            seen[(r["qid"], r["country_qid"], r["role"], r["start"])] = r
    out = []
    for k in keep:
        r = best[k]
        if not r["position_qid"]:
            other = seen.get((r["qid"], r["country_qid"], r["role"], r["start"]))
            if other:
                other["source"] = other["source"] + " ; " + r["source"]
                other["date"] = max(other["date"], r["date"])
                continue
        out.append(r)
    return out


# ---------------------------------------------------------------------------------------------
# The curated gazetteer
# ---------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_curated() -> dict[str, list[dict[str, Any]]]:
    return {path.name: read_jsonl(path) for path in sorted(GAZETTEER.glob("*.jsonl"))}


# ---------------------------------------------------------------------------------------------
# Linking curated people and parties
# ---------------------------------------------------------------------------------------------

FAMILY = {
    "President": "head", "Acting President": "head", "King": "head", "Queen": "head", "Emperor": "head",
    "Emir": "head", "Grand Duke": "head", "Supreme Leader": "head", "Monarch": "head", "Captain Regent": "head",
    "Sultan": "head", "Prince": "head",
    "Prime Minister": "gov", "Premier": "gov", "Chancellor": "gov", "Caretaker Prime Minister": "gov",
    "Acting Prime Minister": "gov",
    "Foreign Minister": "foreign", "Foreign Secretary": "foreign", "Secretary of State": "foreign",
    "Defence Minister": "defence", "Defence Secretary": "defence", "Secretary of Defense": "defence",
    "Defense Minister": "defence",
    "Finance Minister": "finance", "Chancellor of the Exchequer": "finance", "Treasury Secretary": "finance",
    "Treasurer": "finance",
    "Interior Minister": "interior", "Home Secretary": "interior",
    "Vice President": "vp", "First Vice President": "vp",
    "National Security Advisor": "nsa", "National Security Adviser": "nsa",
    "UN Ambassador": "unamb", "Ambassador to the United Nations": "unamb",
    "Attorney General": "ag", "Secretary-General": "sg", "Secretary General": "sg",
    "Deputy Prime Minister": "dpm",
}


def family(role: str) -> str:
    if role in FAMILY:
        return FAMILY[role]
    r = role.lower()
    if r.startswith(("deputy prime minister", "vice-premier", "vice premier", "first deputy prime minister")):
        return "dpm"
    if "secretary-general of the united nations" in r or "secretary general of the united nations" in r:
        return "sg"
    return "other:" + r


def match_norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    for a, b in (("ı", "i"), ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("đ", "d"), ("Đ", "D"), ("ß", "ss")):
        text = text.replace(a, b)
    text = re.sub(r"[\-‐–'’`.]", " ", text.lower())
    text = re.sub(r"[^a-z0-9 ]", " ", text)
    return " ".join(text.split())


def name_keys(name: str) -> set[str]:
    """The normalised full name, and versions without a peerage suffix or a parenthesis."""
    out = {match_norm(name)}
    if "," in name:
        out.add(match_norm(name.split(",")[0]))
    out.add(match_norm(re.sub(r"\s*\(.*?\)", "", name)))
    return {k for k in out if k}


def match_people(table: list[dict[str, Any]], people: list[dict[str, Any]]) -> tuple[list[dict[str, str]], list[str]]:
    """Curated people linked to officeholder QIDs. A candidate (same normalised name, or a surname spelt
    nearly alike with the same initial) is accepted only with an office that agrees: same country (the
    affiliation's org), the same role family and overlapping years (one year of slack; an open source term
    counts up to the snapshot) -> "name+office"; for an exact name, the same country and overlapping years in
    another role -> "name+country+years"; else an exact name held by one QID only, who held some office in
    the country -> "name+country (office years differ)". Equal evidence for two QIDs -> none."""
    by_name: dict[str, set[str]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    terms: dict[str, list[dict[str, Any]]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    for r in table:
        q = r["qid"]
        if not re.fullmatch(r"Q\d+", q):
            continue
        terms[q].append(r)
        for k in name_keys(r["name"]):
            by_name[k].add(q)
            names[q].add(k)
            if k.split():
                by_surname[k.split()[-1]].add(q)
    def letters(word: str) -> int:
        return sum(1 << (ord(c) - 48) for c in set(word))

    surname_list = sorted(by_surname)
    surname_masks = [letters(x) for x in surname_list]
    with_letter: dict[str, set[int]] = defaultdict(set)
    for i, surname in enumerate(surname_list):
        for c in set(surname):
            with_letter[c].add(i)

    def close_surnames(word: str) -> list[str]:
        """``difflib.get_close_matches(word, surnames, n=5, cutoff=0.85)``, asked only of the surnames that
        can reach the cutoff: ratio = 2 * matches / both lengths, and a letter of one word the other lacks
        matches nothing (matches <= length - its letters the other lacks, on each side). The same answer,
        faster: a surname lacking more of the word's letters than the shortest allowed length permits is
        not even looked at."""
        size, mask, distinct = len(word), letters(word), sorted(set(word))
        lengths = [n for n in range(1, 2 * size + 2) if 2.0 * min(size, n) / (size + n) >= 0.85]
        lacking = max(size - 0.85 * (size + n) / 2 for n in lengths) if lengths else -1
        if lacking < 0:
            return []
        keep = len(distinct) - int(lacking)
        if keep <= 0:
            found = set(range(len(surname_list)))
        else:
            found = set()
            for subset in itertools.combinations(distinct, keep):
                found |= set.intersection(*(with_letter[c] for c in subset))
        pool = []
        for i in sorted(found):
            other, length = surname_masks[i], len(surname_list[i])
            if (2.0 * min(size, length) / (size + length) >= 0.85
                    and 2.0 * min(size - (mask & ~other).bit_count(), length - (other & ~mask).bit_count())
                    / (size + length) >= 0.85):
                pool.append(surname_list[i])
        return difflib.get_close_matches(word, pool, n=5, cutoff=0.85)

    def evidence(person: dict[str, Any], q: str) -> list[tuple[int, str, str]]:
        found = []
        for a in person.get("affiliations") or []:
            org, role = a.get("org"), a.get("role", "")
            af = int(str(a["from"])[:4]) if a.get("from") is not None else None  # a year, or a day
            at = int(str(a["to"])[:4]) if a.get("to") is not None else None
            for r in terms[q]:
                un = org == "Q1065" and "United Nations" in r["position_label"]
                if not org or not (org == r["country_qid"] or un):
                    continue
                ys, ye = year(r["start"]), year(r["end"])
                if ye is None:
                    ye = SNAPSHOT_YEAR - 1  # an open term evidences years up to the snapshot only
                if ys is None:
                    continue
                a0 = af if af is not None else ys
                a1 = at if at is not None else 2100
                if not (a0 <= ye + 1 and ys <= a1 + 1):
                    continue
                same_role = family(role) == family(r["role"])
                found.append((2 if same_role else 1,
                              f'{r["role"]} ({r["position_label"]}), {r["country_qid"]}, '
                              f'{r["start"]}–{r["end"] or "open"}'
                              f' ~ gazetteer {role} {af}–{at if at else ""}', r["source"].split(" ; ")[0]))
        return found

    links: list[dict[str, str]] = []
    unmatched: list[str] = []
    for p in people:
        pnames = [p["label"], *(p.get("aliases") or [])]
        pkeys = set().union(*(name_keys(n) for n in pnames))
        cands: dict[str, str] = {}
        for k in sorted(pkeys):
            for q in sorted(by_name.get(k, ())):
                cands[q] = "name"
        label = match_norm(p["label"]).split()
        if label:
            first, last = label[0], label[-1]
            pool = set(by_surname.get(last, ()))
            for s in close_surnames(last):
                pool |= by_surname[s]
            for q in sorted(pool):
                if q in cands:
                    continue
                for k in sorted(names[q]):
                    t = k.split()
                    if (t and t[0][:1] == first[:1] and difflib.SequenceMatcher(None, t[-1], last).ratio() >= 0.85
                            and (len(t[0]) == 1 or len(first) == 1
                                 or difflib.SequenceMatcher(None, t[0], first).ratio() >= 0.6)):
                        cands[q] = "fuzzy"
                        break
        scored = []
        for q, how in sorted(cands.items()):
            ev = evidence(p, q)
            if not ev:
                continue
            strength = max(e[0] for e in ev)
            if how == "fuzzy" and strength < 2:
                continue  # loose names need a matching office
            scored.append((strength, q, how, ev))
        if not scored:
            exact = {q for q, how in cands.items() if how == "name"}
            if len(exact) == 1:
                q = exact.pop()
                orgs = {a.get("org") for a in p.get("affiliations") or []}
                same = [r for r in terms[q] if r["country_qid"] in orgs]
                if same and not any(len(by_name.get(k, ())) > 1 for k in name_keys(p["label"])):
                    r = same[0]
                    links.append({"label": p["label"], "qid": q, "tier": "name+country (office years differ)",
                                  "evidence": f'{r["role"]} ({r["position_label"]}), {r["country_qid"]}, '
                                              f'{r["start"]}–{r["end"] or "open"}',
                                  "source": r["source"].split(" ; ")[0]})
                    continue
            unmatched.append(p["label"])
            continue
        top = max(s[0] for s in scored)
        best = [s for s in scored if s[0] == top]
        if len({s[1] for s in best}) > 1:
            exact_best = [s for s in best if s[2] == "name"]
            if len({s[1] for s in exact_best}) == 1:
                best = exact_best
        if len({s[1] for s in best}) > 1:
            unmatched.append(f'{p["label"]} (ambiguous: {", ".join(sorted({s[1] for s in best}))})')
            continue
        strength, q, how, ev = best[0]
        tier = "name+office" if strength == 2 else "name+country+years"
        if how == "fuzzy":
            tier = "name~(" + "/".join(sorted(names[q])) + ")+office"
        evs = sorted({e[1] for e in ev if e[0] == strength})
        sources = sorted({e[2] for e in ev if e[0] == strength})
        links.append({"label": p["label"], "qid": q, "tier": tier, "evidence": " | ".join(evs[:3]),
                      "source": " ; ".join(sources[:3])})
    return links, unmatched


def party_norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9\u0400-\u04ff\u0590-\u06ff ]", " ", text)
    return " ".join(text.split())


def match_parties(mirror: Path, organisations: list[dict[str, Any]], log: Log) -> list[dict[str, str]]:
    """Curated parties (``PARTY_COUNTRY``) linked to the Wikidata item Party Facts gives the party of the
    same name (label or alias = name, short or native name), when exactly one party of that country has it."""
    snap = Snapshot(mirror, PARTYFACTS_REPO)
    text = snap.show(PARTYFACTS_COMMIT, PARTYFACTS_PATH)
    snap.close()
    if text is None:
        raise SystemExit(f"{PARTYFACTS_REPO}: no {PARTYFACTS_PATH} at {PARTYFACTS_COMMIT}")
    parties = list(csv.DictReader(io.StringIO(text)))
    links = []
    for row in organisations:
        iso = PARTY_COUNTRY.get(row["label"])
        if iso is None:
            continue
        wanted = {party_norm(n) for n in [row["label"], *(row.get("aliases") or [])] if n}
        hits: dict[str, dict[str, str]] = {}
        for p in parties:
            if p["country"] != iso or not p["wikidata_id"]:
                continue
            if wanted & ({party_norm(p["name"]), party_norm(p["name_short"]), party_norm(p["name_native"])} - {""}):
                hits[p["wikidata_id"]] = p
        if len(hits) == 1:
            q, p = next(iter(hits.items()))
            links.append({"label": row["label"], "qid": q, "tier": "party name+country",
                          "evidence": f'Party Facts {p["partyfacts_id"]}: {p["name"]} ({p["country"]})',
                          "source": f"{PARTYFACTS_REPO}@{PARTYFACTS_COMMIT[:12]}"})
        else:
            log.note("parties not linked (no single Party Facts party)", f'{row["label"]}: {sorted(hits)}')
    return links


# ---------------------------------------------------------------------------------------------
# Officeholder entries
# ---------------------------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def clean_date(value: str) -> str | None:
    """A source date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" when it names a real day, else None."""
    if not _DATE.fullmatch(value or ""):
        return None
    try:
        first_day(value), last_day(value)
    except ValueError:
        return None
    return value


PEERAGE = re.compile(r",\s+(\d+\w*\s+)?(Baron|Baroness|Lord|Lady|Viscount|Viscountess|Earl|Countess|Marquess|"
                     r"Duke|Duchess|Baronet)\b")


def names_of(raw: Iterable[str]) -> list[str]:
    """The names of one person, most frequent first: the sources' English labels, and each without a
    peerage ("Peter Goldsmith, Baron Goldsmith") or a parenthesis ("Masaki Saito (diplomat)")."""
    counts = Counter(n.strip() for n in raw if n and n.strip() and not re.fullmatch(r"Q\d+", n.strip()))
    ordered = sorted(counts, key=lambda n: (-counts[n], n))
    out: dict[str, str] = {}
    for name in ordered:
        for form in (name, PEERAGE.split(name)[0] if PEERAGE.search(name) else name,
                     " ".join(re.sub(r"\([^)]*\)", " ", name).split())):
            key = fold(form)
            if key and key not in out:
                out[key] = form
    return list(out.values())


def joined(offices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Terms of one post that follow each other without a gap (Wikidata splits a tenure per cabinet) as one:
    day-precise, the next starting at the latest the day after the last ends."""
    out: list[dict[str, Any]] = []
    for office in sorted(offices, key=lambda o: (o["org"], o["role"], o.get("from", ""), o.get("to", "~"))):
        prev = out[-1] if out else None
        if (prev is not None and (prev["org"], prev["role"]) == (office["org"], office["role"])
                and len(prev.get("to", "")) == 10 and len(office.get("from", "")) == 10
                and len(office.get("to", "9999-99-99")) == 10
                and office["from"] <= (first_day(prev["to"]) + datetime.timedelta(days=1)).isoformat()):
            if "to" not in office:
                del prev["to"]
                prev["date"] = office["date"]
            elif office["to"] > prev["to"]:
                prev["to"] = office["to"]
            continue
        if not any(all(o.get(k) == office.get(k) for k in OFFICE_FIELDS) for o in out):
            out.append(office)
    return sorted(out, key=lambda o: (o.get("from", ""), o.get("to", "~"), o["org"], o["role"]))


# Titles of one office, for telling a successor in it (as kg/data/lexicons/offices.tsv has them, copied
# so that the output does not change with that lexicon); monarchs' titles are one office here (Queen
# Elizabeth II, then King Charles III).
SAME_OFFICE = {
    **dict.fromkeys(("foreign secretary", "secretary of state", "minister of foreign affairs",
                     "minister for foreign affairs", "external affairs minister"), "foreign minister"),
    **dict.fromkeys(("defense minister", "defence secretary", "defense secretary", "secretary of defense",
                     "secretary of defence", "war secretary", "minister of defence", "minister of defense"),
                    "defence minister"),
    **dict.fromkeys(("chancellor of the exchequer", "treasury secretary", "secretary of the treasury",
                     "minister of finance"), "finance minister"),
    **dict.fromkeys(("home secretary", "home minister", "minister of the interior"), "interior minister"),
    "premier": "prime minister", "national security advisor": "national security adviser",
    "ambassador to the united nations": "un ambassador", "secretary general": "secretary-general",
    **dict.fromkeys(("king", "queen", "monarch", "emperor", "empress", "emir", "sultan", "grand duke"), "monarch"),
}


# Offices held by several people at once: a term is not closed by another's.
SHARED_OFFICES = frozenset({"vice president", "captain regent"})


def close_open_terms(entries: list[dict[str, Any]], people: list[dict[str, Any]], log: Log) -> None:
    """An open term (no end in the source, which is open "as of" the source's date) of a post with a
    normalised role ends when the gazetteer knows its end after that date: the end year the curated file
    gives the same person for the same office, or the start of the next holder of that office in the same
    state (another officeholder, or a curated person), whichever comes first."""
    def office(role: str) -> str:
        return SAME_OFFICE.get(gazetteer_name(role), gazetteer_name(role))

    starts: dict[tuple[str, str], list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
    for e in entries:
        folded = frozenset(fold(n) for n in [e["label"], *e.get("aliases", [])])
        for o in e["affiliations"]:
            if "from" in o:
                starts[(o["org"], office(o["role"]))].append((o["from"], e["key"], folded))
    curated_offices: dict[str, list[dict[str, Any]]] = {}
    for p in people:
        folded = frozenset(fold(n) for n in [p["label"], *(p.get("aliases") or [])])
        curated_offices[p["key"]] = p.get("affiliations") or []
        for a in p.get("affiliations") or []:
            if a.get("from") is not None and a.get("role"):
                starts[(a["org"], office(a["role"]))].append((str(a["from"]), p["key"], folded))
    for e in entries:
        folded = frozenset(fold(n) for n in [e["label"], *e.get("aliases", [])])
        for o in e["affiliations"]:
            if "to" in o or not o["std"] or office(o["role"]) in SHARED_OFFICES:
                continue
            known = datetime.date.fromisoformat(o["date"])  # the source's date: open then
            begun = first_day(o["from"]) if "from" in o else datetime.date.min
            ends = []
            for a in curated_offices.get(e["key"], []):
                if (a["org"] == o["org"] and a.get("role") and office(a["role"]) == office(o["role"])
                        and a.get("to") is not None and last_day(str(a["to"])) >= begun):
                    if last_day(str(a["to"])) >= known:
                        ends.append((last_day(str(a["to"])), str(a["to"]), "the curated end"))
                    else:
                        log.note("open terms the curated file ends before the source's date (left open)",
                                 f'{e["key"]} {e["label"]}: {o["role"]} from {o.get("from")}, curated to {a["to"]}')
            for start, key, names in starts[(o["org"], office(o["role"]))]:
                if key != e["key"] and not names & folded and last_day(start) > known and first_day(start) > begun:
                    ends.append((last_day(start), start, f"the next holder ({key})"))
            if ends:
                _, end, why = min(ends)
                o["to"] = end
                log.note(f"open terms closed by {why.split(' (')[0]}",
                         f'{e["key"]} {e["label"]}: {o["role"]} ({o["org"]}) from {o.get("from")} to {end} ({why})')
            elif o["date"] < "2023-06":
                log.note("terms of normalised roles left open as of 2022-2023", f'{e["key"]} {e["label"]}: {o["role"]}')


def officeholders(table: list[dict[str, Any]], countries: set[str], organisations: set[str],
                  people: list[dict[str, Any]], log: Log) -> list[dict[str, Any]]:
    rows_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in table:
        if not re.fullmatch(r"Q[1-9]\d*", r["qid"]):
            log.note("rows without a person QID left out", r["name"])
            continue
        if r["world"]:
            org = UN_POSITIONS.get(r["position_qid"])
            if org is None:
                log.note("posts of every-politician-scrapers/world other than UN ones left out", r["position_label"])
                continue
        elif not r["national"]:
            log.note("rows of positions that are not national left out")
            continue
        elif (SUBNATIONAL.search(r["position_label"]) or (not r["std"] and SUBNATIONAL.search(r["role"]))
              or (r["country_qid"] == "Q30" and US_STATE_POST.search(r["role"]))):
            log.note("rows of sub-national posts listed as national left out", f'{r["country_qid"]} {r["role"]}')
            continue
        elif r["country_qid"] in countries or r["country_qid"] in organisations & ORGANISATION_JURISDICTIONS:
            org = r["country_qid"]
        else:
            log.note("rows of jurisdictions that are not curated left out", r["country_qid"] or "?")
            continue
        if (r["qid"], org, r["start"]) in SOURCE_ERRORS:
            log.note("terms Wikidata had wrong left out", SOURCE_ERRORS[(r["qid"], org, r["start"])])
            continue
        rows_of[r["qid"]].append({**r, "org": org})
    entries = []
    for qid, rows in rows_of.items():
        names = names_of(r["name"] for r in rows)
        if not names:
            log.note("people without an English name left out", qid)
            continue
        offices = []
        for r in rows:
            office: dict[str, Any] = {"org": r["org"], "role": r["role"]}
            start, end = clean_date(r["start"]), clean_date(r["end"])
            if (r["start"] and start is None) or (r["end"] and end is None):
                log.note("dates that are no day, month or year left out", f'{qid} {r["start"]!r} {r["end"]!r}')
            if start:
                office["from"] = start
            if end:
                office["to"] = end
            if start and end and first_day(start) > last_day(end):
                log.note("terms ending before they start left out", f"{qid} {names[0]} {start} {end}")
                continue
            offices.append({**office, "date": r["date"], "std": r["std"] or r["world"]})
        if not offices:
            continue
        entry: dict[str, Any] = {"key": qid, "label": names[0], "type": "Person", "wikidata": qid}
        if names[1:]:
            entry["aliases"] = names[1:]
        # the state of their offices, or of most of them (France's president is also Andorra's co-prince)
        states = Counter(o["org"] for o in offices if o["org"] in countries).most_common()
        if states and (len(states) == 1 or states[0][1] > states[1][1]):
            entry["country"] = states[0][0]
        elif states:
            log.note("people with offices in several countries (no country given)",
                     f"{qid} {names[0]} {sorted(s for s, _ in states)}")
        entry["affiliations"] = joined(offices)
        entries.append(entry)
    entries.sort(key=lambda e: e["key"])
    close_open_terms(entries, people, log)
    for entry in entries:
        entry["affiliations"] = [{k: o[k] for k in OFFICE_FIELDS if k in o} for o in entry["affiliations"]]
    return entries


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


class Log:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = defaultdict(list)

    def note(self, what: str, example: str | None = None) -> None:
        self.counts[what] += 1
        if example is not None and len(self.examples[what]) < 60 and example not in self.examples[what]:
            self.examples[what].append(example)


def dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False)


def ids_table(links: list[dict[str, str]]) -> str:
    head = ("# Wikidata ids of curated actors (kg/data/gazetteer) found by scripts/convert_wikidata.py: label, QID, "
            "tier, evidence,\n# source (owner/repo@commit). Written into the curated files by --apply, except "
            "the held-back links (see SOURCES.md).\n")
    cols = ("label", "qid", "tier", "evidence", "source")
    lines = ["\t".join(cols)]
    for link in sorted(links, key=lambda x: (x["label"].casefold(), x["qid"])):
        lines.append("\t".join(" ".join(link[c].split()) for c in cols))
    return head + "\n".join(lines) + "\n"


def apply_links(links: list[dict[str, str]], log: Log) -> dict[str, str]:
    """Write the ids into the curated files: key and wikidata become the QID, references to the old key
    (affiliations' org) follow. Only lines that change are rewritten. Returns old key -> QID."""
    by_label = {link["label"]: link["qid"] for link in links}
    renamed: dict[str, str] = {}
    texts = {path: path.read_text(encoding="utf-8") for path in sorted(GAZETTEER.glob("*.jsonl"))}
    for text in texts.values():
        for line in text.splitlines():
            row = json.loads(line)
            qid = by_label.get(row["label"])
            if qid and row["type"] in ("Person", "Organization") and row.get("wikidata") is None:
                renamed[row["key"]] = qid
    for path, text in texts.items():
        out = []
        for line in text.splitlines():
            row = json.loads(line)
            changed = False
            if row["key"] in renamed:
                row["key"] = row["wikidata"] = renamed[row["key"]]
                row = {k: row[k] for k in CURATED_FIELDS if k in row}
                changed = True
            for office in row.get("affiliations") or []:
                if office.get("org") in renamed:
                    office["org"] = renamed[office["org"]]
                    changed = True
            out.append(dumps(row) if changed else line)
        new = "\n".join(out) + "\n"
        if new != text:
            path.write_text(new, encoding="utf-8")
    for old, qid in sorted(renamed.items()):
        log.note("ids written into the curated files", f"{old} -> {qid}")
    return renamed


def convert(mirror: Path, out: Path, apply: bool = False) -> tuple[dict[str, int], Log]:
    log = Log()
    curated_files = load_curated()
    curated = {row["key"]: row for rows in curated_files.values() for row in rows}
    countries = {key for key, row in curated.items() if row["type"] == "Country"}
    organisations = {key for key, row in curated.items() if row["type"] == "Organization"}
    country_labels = {row.get("wikidata") or key: row["label"]
                      for key, row in curated.items() if row["type"] == "Country"}

    eps, wl = collect_eps(mirror), collect_wl(mirror)
    wlc = corroborated(collect_wlc(mirror), [*eps, *wl], curated, log)
    table = build_table(eps, wl, wlc, country_labels)

    people = [row for name in PEOPLE_FILES for row in curated_files.get(name, [])]
    person_links, unmatched = match_people(table, people)
    links = [x for x in person_links if x["tier"].startswith(ACCEPTED_TIERS)]
    for x in person_links:
        if not x["tier"].startswith(ACCEPTED_TIERS):
            log.note("people links of the weakest tier not used", f'{x["label"]} {x["qid"]}: {x["evidence"]}')
    for label in unmatched:
        log.note("curated people not linked", label)
    links += match_parties(mirror, curated_files.get(ORGANISATIONS_FILE, []), log)

    # an id already there wins; a QID for two curated actors, or one another actor has, is not used
    by_label = {row["label"]: row for row in curated.values()}
    owners: dict[str, list[str]] = defaultdict(list)
    for x in links:
        owners[x["qid"]].append(x["label"])
    ids_of_others = {row["wikidata"]: row["label"] for row in curated.values() if row.get("wikidata")}
    kept = []
    for x in links:
        row = by_label[x["label"]]
        if row.get("wikidata") and row["wikidata"] != x["qid"]:
            log.note("links contradicting an id already in the curated files (not used)",
                     f'{x["label"]}: {row["wikidata"]} there, {x["qid"]} found ({x["tier"]})')
        elif len(owners[x["qid"]]) > 1:
            log.note("QIDs found for two curated actors (not used)", f'{x["qid"]}: {owners[x["qid"]]}')
        elif x["qid"] in ids_of_others and ids_of_others[x["qid"]] != x["label"]:
            log.note("QIDs already the id of another curated actor (not used)",
                     f'{x["qid"]}: {x["label"]} / {ids_of_others[x["qid"]]}')
        else:
            kept.append(x)
    if apply:
        apply_links([x for x in kept if x["label"] not in HELD_BACK], log)
        curated_files = load_curated()
        curated = {row["key"]: row for rows in curated_files.values() for row in rows}
    for x in kept:
        if x["label"] in HELD_BACK:
            log.note("links held back (not written into the curated files)",
                     f'{x["label"]} {x["qid"]}: {HELD_BACK[x["label"]]}')
        elif curated.get(x["qid"], {}).get("label") != x["label"]:
            log.note("links not yet written into the curated files (run --apply)", f'{x["label"]} {x["qid"]}')

    people = [row for name in PEOPLE_FILES for row in curated_files.get(name, [])]
    entries = officeholders(table, countries, organisations, people, log)
    out.mkdir(parents=True, exist_ok=True)
    (out / "officeholders.jsonl").write_bytes("".join(dumps(e) + "\n" for e in entries).encode("utf-8"))
    (out / "gazetteer_ids.tsv").write_bytes(ids_table(kept).encode("utf-8"))
    tiers = Counter(x["tier"].split("(")[0] if x["tier"].startswith("name~") else x["tier"] for x in kept)
    stats = {
        "source rows": len(eps) + len(wl) + len(wlc), "table rows": len(table),
        "officeholders": len(entries), "offices": sum(len(e["affiliations"]) for e in entries),
        "officeholders of curated people": sum(curated.get(e["key"], {}).get("type") == "Person" for e in entries),
        "links": len(kept), **{f"links {tier}": n for tier, n in sorted(tiers.items())},
        "curated people not linked": len(unmatched),
    }
    return stats, log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="folder of the fetched snapshots")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default kg/data/wikidata)")
    parser.add_argument("--apply", action="store_true", help="write the ids found into kg/data/gazetteer/*.jsonl")
    parser.add_argument("--report", action="store_true", help="print counts and decisions on stderr")
    args = parser.parse_args(argv)
    stats, log = convert(args.mirror, args.out, args.apply)
    print(json.dumps(stats))
    if args.report:
        for what, count in sorted(log.counts.items()):
            print(f"\n== {what}: {count}", file=sys.stderr)
            for example in log.examples.get(what, []):
                print("   ", example, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
