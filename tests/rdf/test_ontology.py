"""The ontology, the taxonomy and the shapes agree with the code and with each other."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

from kg import __version__
from kg.evaluate.case2021 import CASE_CODES
from kg.model import ActorType, PlaceType
from kg.rdf.namespaces import (
    ACTOR_TYPE,
    ACTOR_TYPES,
    CAMEO,
    EVENT_TYPE,
    EVENT_TYPES,
    ITSRDF,
    KG,
    NIF,
    PLACE_TYPE,
    PLACE_TYPES,
    SCHEMA,
    SEM,
)
from kg.resources import ontology_dir, shapes_dir

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).parents[2] / ".." / "shared"
ONTOLOGY = URIRef("https://w3id.org/kg/ontology")

ACLED_EVENT_TYPES = {
    "battles": "Battles",
    "explosions-remote-violence": "Explosions/Remote violence",
    "violence-against-civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic-developments": "Strategic developments",
}
# sub-event type slug -> (ACLED label, event type slug)
ACLED_SUB_EVENT_TYPES = {
    "armed-clash": ("Armed clash", "battles"),
    "government-regains-territory": ("Government regains territory", "battles"),
    "non-state-actor-overtakes-territory": ("Non-state actor overtakes territory", "battles"),
    "chemical-weapon": ("Chemical weapon", "explosions-remote-violence"),
    "air-drone-strike": ("Air/drone strike", "explosions-remote-violence"),
    "suicide-bomb": ("Suicide bomb", "explosions-remote-violence"),
    "shelling-artillery-missile-attack": (
        "Shelling/artillery/missile attack",
        "explosions-remote-violence",
    ),
    "remote-explosive-landmine-ied": (
        "Remote explosive/landmine/IED",
        "explosions-remote-violence",
    ),
    "grenade": ("Grenade", "explosions-remote-violence"),
    "sexual-violence": ("Sexual violence", "violence-against-civilians"),
    "attack": ("Attack", "violence-against-civilians"),
    "abduction-forced-disappearance": (
        "Abduction/forced disappearance",
        "violence-against-civilians",
    ),
    "peaceful-protest": ("Peaceful protest", "protests"),
    "protest-with-intervention": ("Protest with intervention", "protests"),
    "excessive-force-against-protesters": ("Excessive force against protesters", "protests"),
    "violent-demonstration": ("Violent demonstration", "riots"),
    "mob-violence": ("Mob violence", "riots"),
    "agreement": ("Agreement", "strategic-developments"),
    "arrests": ("Arrests", "strategic-developments"),
    "change-to-group-activity": ("Change to group/activity", "strategic-developments"),
    "disrupted-weapons-use": ("Disrupted weapons use", "strategic-developments"),
    "headquarters-or-base-established": (
        "Headquarters or base established",
        "strategic-developments",
    ),
    "looting-property-destruction": ("Looting/property destruction", "strategic-developments"),
    "non-violent-transfer-of-territory": (
        "Non-violent transfer of territory",
        "strategic-developments",
    ),
    "other": ("Other", "strategic-developments"),
}
KG_EVENT_TYPES = {
    "statement": "Statement",
    "displacement": "Displacement",
    "armed-conflict": "Armed conflict",
}
ACLED_ACTOR_LABELS = [
    "State forces",
    "Rebel groups",
    "Political militias",
    "Identity militias",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
]
# the standard terms kg writes, declared briefly in kg.ttl, with the vocabulary defining them
EXTERNAL_TERMS = {
    SEM.Event: SEM,
    SEM.Actor: SEM,
    SEM.Place: SEM,
    SEM.eventType: SEM,
    SEM.actorType: SEM,
    SEM.hasActor: SEM,
    SEM.hasPlace: SEM,
    SEM.hasTimeStamp: SEM,
    SCHEMA.NewsArticle: SCHEMA,
    SCHEMA.containedInPlace: SCHEMA,
    OWL.sameAs: URIRef(str(OWL)),
    NIF.Context: URIRef(str(NIF).rstrip("#")),
    NIF.Phrase: URIRef(str(NIF).rstrip("#")),
    NIF.Sentence: URIRef(str(NIF).rstrip("#")),
    ITSRDF.taIdentRef: ITSRDF,
    RDF.Statement: URIRef(str(RDF)),
    RDF.subject: URIRef(str(RDF)),
    RDF.predicate: URIRef(str(RDF)),
    RDF.object: URIRef(str(RDF)),
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def taxonomy() -> Graph:
    return Graph().parse(ontology_dir() / "taxonomy.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    graph = Graph()
    for path in shapes_dir().glob("*.ttl"):
        graph.parse(path, format="turtle")
    return graph


def english(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    values = list(graph.objects(subject, predicate))
    assert all(isinstance(v, Literal) and v.language == "en" for v in values), (subject, values)
    return [str(v) for v in values]


def concepts(taxonomy: Graph, scheme: URIRef) -> set[URIRef]:
    found = set(taxonomy.subjects(SKOS.inScheme, scheme))
    assert all(isinstance(c, URIRef) for c in found)
    return {URIRef(c) for c in found}


def pref_label(taxonomy: Graph, concept: URIRef) -> str:
    (label,) = english(taxonomy, concept, SKOS.prefLabel)
    return label


# --- the ontology -----------------------------------------------------------------------------


def test_kg_namespace_and_ontology_declare_the_same_terms(ontology: Graph) -> None:
    in_code = {KG[name] for name in KG.__annotations__ if not name.startswith("_")}
    in_ontology = {
        s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(KG._NS))
    }
    assert in_code == in_ontology
    assert len(in_code) == 23


@pytest.mark.parametrize("name", sorted(n for n in KG.__annotations__ if not n.startswith("_")))
def test_every_kg_term_is_described(name: str, ontology: Graph) -> None:
    term = KG[name]
    kinds = set(ontology.objects(term, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert len(kinds) == 1, kinds
    assert len(english(ontology, term, RDFS.label)) == 1
    (comment,) = english(ontology, term, RDFS.comment)
    assert len(comment) > 20
    (domain,) = ontology.objects(term, RDFS.domain)
    (range_,) = ontology.objects(term, RDFS.range)
    union = ontology.value(domain, OWL.unionOf)
    domains = set(Collection(ontology, union)) if union is not None else {domain}
    allowed = {SEM.Event, SEM.Place, SEM.Actor, RDF.Statement, SCHEMA.NewsArticle}
    assert domains and domains <= allowed
    if OWL.DatatypeProperty in kinds:
        assert str(range_).startswith(str(XSD))
    else:
        assert not str(range_).startswith(str(XSD))
    assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY


def test_kg_properties_kinds_and_super_properties(ontology: Graph) -> None:
    objects = {KG.agent, KG.target, KG.reportedBy, KG.trigger, KG.sentence, KG.placeType}
    assert set(ontology.subjects(RDF.type, OWL.ObjectProperty)) >= objects
    for term in (KG.agent, KG.target):
        assert (term, RDFS.subPropertyOf, SEM.hasActor) in ontology
        assert ontology.value(term, RDFS.range) == SEM.Actor
    assert (KG.reportedBy, RDFS.subPropertyOf, PROV.wasAttributedTo) in ontology
    assert ontology.value(KG.trigger, RDFS.range) == NIF.Phrase
    assert ontology.value(KG.sentence, RDFS.range) == NIF.Sentence
    assert ontology.value(KG.placeType, RDFS.domain) == SEM.Place
    for relation in (KG.fightsAgainst, KG.alliedWith):
        assert ontology.value(relation, RDFS.domain) == SEM.Actor
        assert ontology.value(relation, RDFS.range) == SEM.Actor
    # allies are symmetric (kg writes both directions); fighting is directed
    assert (KG.alliedWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (KG.fightsAgainst, RDF.type, OWL.SymmetricProperty) not in ontology
    assert ontology.value(KG.derivedFromEvent, RDFS.domain) == RDF.Statement
    assert ontology.value(KG.derivedFromEvent, RDFS.range) == SEM.Event
    assert ontology.value(KG.confidence, RDFS.range) == XSD.decimal
    assert ontology.value(KG.timeText, RDFS.range) == XSD.string
    assert ontology.value(KG.position, RDFS.range) == XSD.integer
    assert (KG.position, RDF.type, OWL.FunctionalProperty) in ontology
    assert ontology.value(KG.sortKey, RDFS.range) == XSD.integer
    assert ontology.value(KG.sortKey, RDFS.domain) == SCHEMA.NewsArticle
    assert (KG.sortKey, RDF.type, OWL.FunctionalProperty) in ontology
    for count in (KG.fatalities, KG.injuries, KG.displaced, KG.refugees, KG.arrested):
        assert ontology.value(count, RDFS.range) == XSD.integer
        assert (count, RDF.type, OWL.DatatypeProperty) in ontology


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert english(ontology, ONTOLOGY, DCTERMS.title)
    assert english(ontology, ONTOLOGY, DCTERMS.description)
    assert str(ontology.value(ONTOLOGY, OWL.versionInfo)) == __version__ == "0.1.0"
    assert ontology.value(ONTOLOGY, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")


@pytest.mark.parametrize("term", sorted(EXTERNAL_TERMS), ids=str)
def test_external_terms_are_explained(term: URIRef, ontology: Graph) -> None:
    assert len(english(ontology, term, RDFS.label)) == 1
    assert len(english(ontology, term, RDFS.comment)) == 1
    assert ontology.value(term, RDFS.isDefinedBy) == URIRef(str(EXTERNAL_TERMS[term]))


# --- the taxonomy -----------------------------------------------------------------------------


def test_acled_event_types_and_sub_types(taxonomy: Graph) -> None:
    acled = set(ACLED_EVENT_TYPES) | set(ACLED_SUB_EVENT_TYPES)
    assert len(ACLED_EVENT_TYPES) == 6 and len(ACLED_SUB_EVENT_TYPES) == 25
    all_slugs = acled | set(KG_EVENT_TYPES)
    assert concepts(taxonomy, EVENT_TYPES) == {EVENT_TYPE[slug] for slug in all_slugs}

    for slug, label in ACLED_EVENT_TYPES.items():
        concept = EVENT_TYPE[slug]
        assert pref_label(taxonomy, concept) == label
        assert (concept, SKOS.topConceptOf, EVENT_TYPES) in taxonomy
        assert "ACLED" in " ".join(english(taxonomy, concept, SKOS.note))
    for slug, (label, parent) in ACLED_SUB_EVENT_TYPES.items():
        concept = EVENT_TYPE[slug]
        assert pref_label(taxonomy, concept) == label
        assert list(taxonomy.objects(concept, SKOS.broader)) == [EVENT_TYPE[parent]]
        assert (concept, SKOS.topConceptOf, None) not in taxonomy
        assert f"ACLED codebook: sub-event type of {ACLED_EVENT_TYPES[parent]}." in english(
            taxonomy, concept, SKOS.note
        )
    for slug, label in KG_EVENT_TYPES.items():
        concept = EVENT_TYPE[slug]
        assert pref_label(taxonomy, concept) == label
        assert (concept, SKOS.topConceptOf, EVENT_TYPES) in taxonomy
        assert "kg's own" in " ".join(english(taxonomy, concept, SKOS.note))


def test_actor_types_follow_the_enum_and_acled_inter_codes(taxonomy: Graph) -> None:
    assert concepts(taxonomy, ACTOR_TYPES) == {ACTOR_TYPE[t.value] for t in ActorType}
    for actor_type in ActorType:
        concept = ACTOR_TYPE[actor_type.value]
        notations = [str(n) for n in taxonomy.objects(concept, SKOS.notation)]
        if actor_type.acled_inter is None:
            assert notations == []
        else:
            assert notations == [str(actor_type.acled_inter)]
            assert pref_label(taxonomy, concept) == ACLED_ACTOR_LABELS[actor_type.acled_inter - 1]
    own = {pref_label(taxonomy, ACTOR_TYPE[t.value]) for t in ActorType if t.acled_inter is None}
    assert own == {"Media", "Organisation", "Person"}


def test_place_types_follow_the_enum(taxonomy: Graph) -> None:
    assert concepts(taxonomy, PLACE_TYPES) == {PLACE_TYPE[t.value] for t in PlaceType}


@pytest.mark.parametrize("scheme", [EVENT_TYPES, ACTOR_TYPES, PLACE_TYPES], ids=str)
def test_every_concept_is_well_formed(scheme: URIRef, taxonomy: Graph) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in taxonomy
    assert len(english(taxonomy, scheme, SKOS.prefLabel)) == 1
    members = concepts(taxonomy, scheme)
    labels = [pref_label(taxonomy, c) for c in members]
    assert len(set(labels)) == len(labels), "prefLabels repeat within the scheme"
    tops = set(taxonomy.objects(scheme, SKOS.hasTopConcept))
    assert tops == set(taxonomy.subjects(SKOS.topConceptOf, scheme))
    for concept in members:
        assert (concept, RDF.type, SKOS.Concept) in taxonomy
        assert len(english(taxonomy, concept, SKOS.definition)) == 1
        broader = set(taxonomy.objects(concept, SKOS.broader))
        # a concept is either a top concept or hangs below one of the same scheme
        assert (concept in tops) != bool(broader), concept
        assert broader <= tops


# --- the shapes agree with the taxonomy -------------------------------------------------------


@pytest.mark.parametrize(
    "path,scheme",
    [(SEM.eventType, EVENT_TYPES), (SEM.actorType, ACTOR_TYPES), (KG.placeType, PLACE_TYPES)],
    ids=["event", "actor", "place"],
)
def test_shape_in_lists_equal_the_schemes(
    path: URIRef, scheme: URIRef, shapes: Graph, taxonomy: Graph
) -> None:
    shape_lists = [
        list(Collection(shapes, members))
        for shape in shapes.subjects(SH.path, path)
        for members in shapes.objects(shape, SH["in"])
    ]
    assert len(shape_lists) == 1
    (allowed,) = shape_lists
    assert len(allowed) == len(set(allowed))
    assert set(allowed) == concepts(taxonomy, scheme)


def test_every_sh_in_list_is_checked(shapes: Graph) -> None:
    # the three lists above, the referent types of a mention and the relation properties
    # (below); a new list needs a test
    paths = {shapes.value(s, SH.path) for s, _ in shapes.subject_objects(SH["in"])}
    named = {p for p in paths if isinstance(p, URIRef)}
    assert named == {SEM.eventType, SEM.actorType, KG.placeType, RDF.predicate}
    assert len(paths) == 5


def test_statement_predicates_are_the_relation_properties(shapes: Graph) -> None:
    from kg.model import RelationKind
    from kg.rdf.mapping import _RELATION_PROPERTIES

    (members,) = [
        m for s in shapes.subjects(SH.path, RDF.predicate) for m in shapes.objects(s, SH["in"])
    ]
    allowed = list(Collection(shapes, members))
    assert allowed == [KG.fightsAgainst, KG.alliedWith]
    assert {prop for prop, _ in _RELATION_PROPERTIES.values()} == set(allowed)
    assert set(_RELATION_PROPERTIES) == set(RelationKind)


# --- third-party references (skipped where ../shared is absent) ----------------------------


def test_labels_match_acled_data(taxonomy: Graph) -> None:
    path = SHARED / "eval" / "acled" / "dev" / "acled_dev.csv"
    if not path.is_file():
        pytest.skip(f"ACLED dev data not found at {path}")
    with path.open(encoding="utf-8", newline="") as f:
        pairs = {(row["event_type"], row["sub_event_type"]) for row in csv.DictReader(f)}
    ours = {(ACLED_EVENT_TYPES[parent], label) for label, parent in ACLED_SUB_EVENT_TYPES.values()}
    assert pairs <= ours, f"not in the taxonomy: {sorted(pairs - ours)}"
    assert len(pairs) >= 24  # every sub-event type but Chemical weapon occurs there


def test_case_2021_codes_cover_the_sub_event_types() -> None:
    path = SHARED / "eval" / "case2021-task2" / "event_types_note.txt"
    if not path.is_file():
        pytest.skip(f"CASE 2021 event type note not found at {path}")
    text = path.read_text(encoding="utf-8")
    seen = text.split("2. SUBTASK 2")[0]
    codes = set(re.findall(r"^([A-Z_]+)$", seen, flags=re.MULTILINE))
    assert codes == set(CASE_CODES)
    assert set(CASE_CODES.values()) == set(ACLED_SUB_EVENT_TYPES)


# --- every Turtle file parses, with rdflib and with Raptor ------------------------------------


TURTLE_FILES = sorted([*ontology_dir().glob("*.ttl"), *shapes_dir().glob("*.ttl")])


@pytest.mark.parametrize("path", TURTLE_FILES, ids=lambda p: p.name)
def test_turtle_parses_alike_with_rapper(path: Path) -> None:
    assert len(TURTLE_FILES) == 4
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper (Debian package raptor2-utils) is not installed")
    done = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    match = re.search(r"returned (\d+) triples", done.stderr)
    assert match is not None, done.stderr
    assert int(match.group(1)) == len(Graph().parse(path, format="turtle"))


# --- the CAMEO crosswalk --------------------------------------------------------------------


def test_cameo_crosswalk_maps_event_types_onto_cameo_codes(taxonomy: Graph) -> None:
    cameo = Graph().parse(ontology_dir() / "cameo.ttl", format="turtle")
    scheme = URIRef("https://w3id.org/kg/cameo")
    codes = set(cameo.subjects(SKOS.inScheme, scheme))
    roots = set(cameo.objects(scheme, SKOS.hasTopConcept))
    assert sorted(str(cameo.value(r, SKOS.notation)) for r in roots) == [
        f"{n:02d}" for n in range(1, 21)
    ]
    for code in codes - roots:  # a finer code sits under the root its first two digits name
        notation = str(cameo.value(code, SKOS.notation))
        parent = cameo.value(code, SKOS.broader)
        assert parent in roots and notation.startswith(str(cameo.value(parent, SKOS.notation)))
    event_types = concepts(taxonomy, EVENT_TYPES)
    mapped = 0
    for relation in (SKOS.closeMatch, SKOS.broadMatch, SKOS.exactMatch, SKOS.narrowMatch):
        for concept, code in cameo.subject_objects(relation):
            assert concept in event_types, concept
            assert code in codes, code
            assert relation in (SKOS.closeMatch, SKOS.broadMatch)
            mapped += 1
    assert mapped == 27
    assert (EVENT_TYPE["air-drone-strike"], SKOS.closeMatch, CAMEO["195"]) in cameo
