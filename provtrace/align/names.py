"""When two spellings name one thing, and when a word beside a name makes it name another.

align.changes flags a name put in place of another; these are the exceptions
it asks about: an initialism and its words ("U.S.", "United States"), a name
and the form for its people ("Venezuela", "Venezuelan"), and a capital standing
for its country's government ("Washington has blockaded" for "the U.S. has").
A capitalised common noun standing for a name ("the Island" for Cuba, "the
Government") is an epithet, not a name: align.changes lets it stand for a name
its sentence gives elsewhere. And a compass point or the like put before a
name makes it name another place ("Sudan" and "South Sudan", "Korea" and
"North Korea"), which a fact-checker must see.
"""

from __future__ import annotations

from collections.abc import Sequence

from provtrace.scripts import word_script

#: A name's stem at least this long may begin a form of the same name ("cuba", "cuban"): shorter
#: stems begin unrelated names too often.
NAME_ROOT = 4
#: The endings that make a name's people, adjective or plural ("Cuba", "Cuban", "Cubans"; "Sudanese";
#: "Iraqi"): other endings make other names ("Cubana" the airline, "Indiana" the state).
NAME_ENDINGS = frozenset({"n", "an", "ian", "ns", "ans", "ians", "i", "is", "ese", "s", "es"})
#: Common nouns a story capitalises when they stand for a name it has given ("the Island",
#: "the Government"): they refer back to it and name nothing else.
GENERIC_NOUNS = frozenset(
    {
        "island", "islands", "isle", "country", "nation", "republic", "kingdom", "state",
        "capital", "city", "government", "administration", "regime", "territory", "region",
        "province", "peninsula", "archipelago", "continent",
        "isla", "pais", "país", "nacion", "nación", "gobierno", "ciudad",
    }
)  # fmt: skip
#: Nouns that often open a sentence as its subject ("Witnesses said", "Officials told"): a word
#: opening a sentence is read as a name only where it is none of these (align.changes).
SUBJECT_NOUNS = frozenset(
    {
        "official", "officials", "authorities", "police", "witness", "witnesses", "investigator",
        "investigators", "resident", "residents", "rescuer", "rescuers", "analyst", "analysts",
        "prosecutor", "prosecutors", "expert", "experts", "doctor", "doctors", "worker", "workers",
        "protester", "protesters", "protestors", "critic", "critics", "source", "sources", "lawyer",
        "lawyers", "firefighter", "firefighters", "paramedic", "paramedics", "soldier", "soldiers",
        "troops", "officer", "officers", "neighbour", "neighbours", "neighbor", "neighbors",
        "locals", "villager", "villagers", "student", "students", "teacher", "teachers", "parent",
        "parents", "families", "relatives", "survivor", "survivors", "victim", "victims",
        "scientist", "scientists", "researcher", "researchers", "economist", "economists",
        "trader", "traders", "investor", "investors", "shareholder", "shareholders", "employee",
        "employees", "union", "unions", "voter", "voters", "lawmaker", "lawmakers", "legislator",
        "legislators", "senator", "senators", "minister", "ministers", "diplomat", "diplomats",
        "observer", "observers", "spokesman", "spokeswoman", "spokesperson", "leader", "leaders",
        "judge", "judges", "jurors", "detective", "detectives", "captain", "sergeant", "private",
        "staff", "crew", "passengers", "fans", "people", "members", "organisers", "organizers",
        "counsel", "player", "players", "star", "stars", "boss", "spokesmen",
        "agencia", "autoridades", "testigos", "vecinos", "fuentes", "expertos", "funcionarios",
    }
)  # fmt: skip
#: Words that, put before a place's name, name another place ("South Sudan", "New York").
QUALIFIERS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "central", "upper", "lower", "new", "greater", "equatorial",
        "norte", "sur", "oeste", "nueva", "nuevo",
    }
)  # fmt: skip
#: Capitals that stand for their country's government, each with its country's spellings
#: (lower-cased words; "u s" the letters of an initialism).
CAPITALS: dict[str, tuple[tuple[str, ...], ...]] = {
    "washington": (("u", "s"), ("america",)),
    "havana": (("cuba",),),
    "caracas": (("venezuela",),),
    "moscow": (("russia",),),
    "kremlin": (("russia",),),
    "beijing": (("china",),),
    "kyiv": (("ukraine",),),
    "kiev": (("ukraine",),),
    "london": (("u", "k"), ("britain",)),
    "paris": (("france",),),
    "berlin": (("germany",),),
    "tokyo": (("japan",),),
    "tehran": (("iran",),),
    "ankara": (("turkey",),),
    "brussels": (("e", "u"),),
    "pyongyang": (("north", "korea"),),
    "seoul": (("south", "korea"),),
}


def one_name(gone: Sequence[str], came: Sequence[str]) -> bool:
    """Whether two spellings (lower-cased words) name one thing: an initialism and its words
    ("U.S." and "United States", read as the letters u, s), a name and a form of it
    ("Venezuela", "Venezuelan"), or a capital and its country ("Washington", "U.S."). Names
    written in two scripts ("Selwyn", "Селвин") may be one transliterated, which spelling cannot
    tell, so they are taken for one."""
    if gone and came and _scripts(gone).isdisjoint(_scripts(came)):
        return True
    if _capital_of(gone, came) or _capital_of(came, gone):
        return True
    return _same_spelling(gone, came)


def _scripts(words: Sequence[str]) -> set[str]:
    return {word_script(w) for w in words}


def _capital_of(capital: Sequence[str], country: Sequence[str]) -> bool:
    """Whether capital is one capital standing for the country spelled by country."""
    if len(capital) != 1 or capital[0] not in CAPITALS:
        return False
    return any(_same_spelling(spelling, country) for spelling in CAPITALS[capital[0]])


def _same_spelling(gone: Sequence[str], came: Sequence[str]) -> bool:
    """one_name without capitals: the same words, an initialism and its words, or forms of a name."""
    if sorted(gone) == sorted(came):
        return True
    for letters, words in ((gone, came), (came, gone)):
        if all(len(x) == 1 for x in letters) and sorted(letters) == sorted(w[0] for w in words):
            return True
    return all(any(name_form(x, y) for y in came) for x in gone) and all(
        any(name_form(x, y) for x in gone) for y in came
    )


def name_form(a: str, b: str) -> bool:
    """One name's stem is the other's with the ending of a people or its plural ("venezuela",
    "venezuelan"; "israel", "israeli"), past a few letters ("india", "indiana" are two names)."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= NAME_ROOT and longer.startswith(shorter) and longer[len(shorter) :] in NAME_ENDINGS
