"""Hand-made extraction records, graphs and a tiny taxonomy for store, query and export tests.

No spaCy: the records are written out by hand, offsets computed from the text so every
``Span`` is true to its article.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import warnings
from pathlib import Path
from subprocess import CompletedProcess

from rdflib import Dataset, Graph

from kg.model import (
    Actor,
    ActorType,
    Article,
    Counts,
    Event,
    Extraction,
    Geocode,
    GeoPrecision,
    Place,
    PlaceType,
    Span,
    TimeExpr,
)
from kg.rdf.mapping import to_graph

HAMA_TEXT = (
    "Syrian government forces shelled Hama on 3 March 2024, killing four civilians, "
    "SANA reported. Rebels clashed with the army near Hama the next day."
)
PROTEST_TEXT = (
    "Hundreds of protesters marched in Saraqib in Idlib province on 5 March 2024 against the "
    "siege of Hama."
)
HOSTILE_TEXT = 'A <b> "c" \\ d {e} > . } INSERT DATA { <x> <y> <z> } \n\t\u2028 ☃ 😀 \\u0022'

TAXONOMY_TTL = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix kget: <https://w3id.org/kg/event-type/> .
@prefix kgat: <https://w3id.org/kg/actor-type/> .
@prefix kgpt: <https://w3id.org/kg/place-type/> .
@prefix kg: <https://w3id.org/kg/> .

kg:event-types a skos:ConceptScheme ; skos:prefLabel "Event types"@en .
kget:violence a skos:Concept ; skos:inScheme kg:event-types ; skos:prefLabel "Violence"@en ;
    skos:notation "V" .
kget:shelling a skos:Concept ; skos:inScheme kg:event-types ;
    skos:prefLabel "Shelling/artillery/missile attack"@en ; skos:broader kget:violence ;
    skos:notation "V.2" .
kget:armed-clash a skos:Concept ; skos:inScheme kg:event-types ;
    skos:prefLabel "Armed clash"@en ; skos:broader kget:violence ; skos:notation "V.1" .
kget:peaceful-protest a skos:Concept ; skos:inScheme kg:event-types ;
    skos:prefLabel "Peaceful protest"@en ; skos:notation "P.1" .
kget:unused a skos:Concept ; skos:inScheme kg:event-types ; skos:prefLabel "Unused"@en .
kg:actor-types a skos:ConceptScheme .
kgat:state-forces a skos:Concept ; skos:inScheme kg:actor-types ;
    skos:prefLabel "State forces"@en ; skos:notation "1" .
kgat:rebel-group a skos:Concept ; skos:inScheme kg:actor-types ;
    skos:prefLabel "Rebel group"@en ; skos:notation "2" .
kgat:civilians a skos:Concept ; skos:inScheme kg:actor-types ;
    skos:prefLabel "Civilians"@en ; skos:notation "7" .
kgat:protesters a skos:Concept ; skos:inScheme kg:actor-types ;
    skos:prefLabel "Protesters"@en ; skos:notation "6" .
kgat:media a skos:Concept ; skos:inScheme kg:actor-types ; skos:prefLabel "Media"@en .
kg:place-types a skos:ConceptScheme .
kgpt:town a skos:Concept ; skos:inScheme kg:place-types ; skos:prefLabel "Town"@en .
kgpt:province a skos:Concept ; skos:inScheme kg:place-types ; skos:prefLabel "Province"@en .
"""


def span(text: str, phrase: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``phrase`` in ``text`` as a Span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def sentence_of(text: str, s: Span) -> Span:
    start = text.rfind(". ", 0, s.start)
    start = 0 if start < 0 else start + 2
    end = text.find(".", s.end)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def hama() -> Extraction:
    t = HAMA_TEXT
    art = Article(
        id="a1",
        text=t,
        title="Shelling in Hama",
        url="https://example.org/a1",
        published=dt.date(2024, 3, 4),
        source="Example News",
    )
    gov = Actor(
        "syrian-government-forces",
        "Syrian government forces",
        ActorType.STATE_FORCES,
        (span(t, "Syrian government forces"), span(t, "the army")),
    )
    civ = Actor("civilians", "civilians", ActorType.CIVILIANS, (span(t, "civilians"),))
    sana = Actor("sana", "SANA", ActorType.MEDIA, (span(t, "SANA"),))
    rebels = Actor("rebels", "Rebels", ActorType.REBEL_GROUP, (span(t, "Rebels"),))
    hama_place = Place("hama", "Hama", PlaceType.TOWN, (span(t, "Hama"), span(t, "Hama", 1)))
    shelled = span(t, "shelled")
    clashed = span(t, "clashed")
    return Extraction(
        article=art,
        sentences=(sentence_of(t, shelled), sentence_of(t, clashed)),
        actors=(gov, civ, sana, rebels),
        places=(hama_place,),
        events=(
            Event(
                "shelling",
                shelled,
                sentence_of(t, shelled),
                agents=(gov.key,),
                targets=(civ.key,),
                places=("hama",),
                time=TimeExpr(span(t, "3 March 2024"), dt.date(2024, 3, 3)),
                counts=Counts(fatalities=4),
                reported_by=(sana.key,),
                confidence=0.9,
            ),
            Event(
                "armed-clash",
                clashed,
                sentence_of(t, clashed),
                agents=(rebels.key,),
                targets=(gov.key,),
                places=("hama",),
                time=TimeExpr(span(t, "the next day"), dt.date(2024, 3, 4)),
                confidence=0.7,
            ),
        ),
    )


def protest() -> Extraction:
    t = PROTEST_TEXT
    art = Article(id="a2", text=t, published=dt.date(2024, 3, 5))
    prot = Actor("protesters", "protesters", ActorType.PROTESTERS, (span(t, "protesters"),))
    idlib = Place("idlib", "Idlib", PlaceType.PROVINCE, (span(t, "Idlib"),))
    saraqib = Place(
        "saraqib",
        "Saraqib",
        PlaceType.TOWN,
        (span(t, "Saraqib"),),
        within="idlib",
        geo=Geocode(172955, "Saraqib", "SY", 35.86246, 36.80569, "Idlib", 1.0),
    )
    marched = span(t, "marched")
    return Extraction(
        article=art,
        sentences=(Span(0, len(t), t),),
        actors=(prot,),
        places=(saraqib, idlib),
        events=(
            Event(
                "peaceful-protest",
                marched,
                Span(0, len(t), t),
                agents=(prot.key,),
                places=("saraqib",),
                location="saraqib",
                geo_precision=GeoPrecision.PLACE,
                time=TimeExpr(span(t, "5 March 2024"), dt.date(2024, 3, 5)),
            ),
        ),
    )


def hostile() -> Extraction:
    """An article whose text and names try to break out of every syntax we write."""
    t = HOSTILE_TEXT
    art = Article(id="evil one/../?x", text=t, title='"> } DROP ALL ; #', source="\\")
    name = span(t, '"c"')
    actor = Actor('"c" } ; DROP ALL', '"c" } ; DROP ALL', ActorType.PERSON, (name,))
    trig = span(t, "INSERT")
    return Extraction(
        article=art,
        sentences=(Span(0, len(t), t),),
        actors=(actor,),
        places=(),
        events=(Event("armed-clash", trig, Span(0, len(t), t), agents=(actor.key,)),),
    )


def graphs() -> dict[str, Graph]:
    """Article id -> its graph, for the three sample articles."""
    return {x.article.id: to_graph(x, "test-model") for x in (hama(), protest(), hostile())}


def write_taxonomy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "taxonomy.ttl").write_text(TAXONOMY_TTL, encoding="utf-8")
    return folder


def build_store(path: Path, *, taxonomy: Path | None = None) -> Path:
    """A store at ``path`` holding the sample articles (and the taxonomy, if given)."""
    from kg.rdf import iris
    from kg.store import load_ontology, open_store

    with open_store(path) as store:
        store.replace_graphs({iris.graph(k): g for k, g in graphs().items()})
        if taxonomy is not None:
            load_ontology(store, taxonomy)
    return path


def parse_dataset(data: bytes, fmt: str) -> Dataset:
    """Parse RDF into a Dataset; triple formats land in its default graph.

    rdflib 7.6's ``Dataset.parse`` trips over its own deprecations (``default_context``,
    ``ConjunctiveGraph``), which ``filterwarnings = error`` turns into failures; rdflib's
    deprecation warnings are silenced here, and only here.
    """
    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=data, format=fmt)
    return ds


def canon(graph: Graph) -> set[str]:
    """The triples of ``graph`` as pyoxigraph stores them: typed literals in canonical form.

    Oxigraph keeps values, not spellings (``"0.70"^^xsd:decimal`` comes back as ``"0.7"``), so
    graphs are compared after both went through pyoxigraph's own parser. No blank nodes.
    """
    import pyoxigraph as ox

    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return {str(quad.triple) for quad in store}


def run_kg(*args: str, stdin: str | None = None, cwd: Path | None = None) -> CompletedProcess[str]:
    """Run the real ``kg`` entry point (``python -m kg``) in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
    )
