"""``kg.validate``: the validator built once, its errors, reports and RDF reading."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SH
from shape_sample import HOSTILE
from test_shape_cases import CASES, CASES_DIR

from kg import resources
from kg.errors import InputError, RdfSyntaxError, ResourceError
from kg.rdf.namespaces import KG, ONTOLOGY_GRAPH
from kg.validate import ShapesValidator, format_report, graphs_to_check, read_rdf

EVENT = URIRef("https://w3id.org/kg/event/art-1.30-37")
SANA = URIRef("https://w3id.org/kg/actor/sana")
SHAPES = resources.shapes_dir()


def plain_validate(data: Graph) -> tuple[bool, Graph, str]:
    """pySHACL's own entry point, shapes parsed from the files on every call."""
    shapes = Graph()
    for path in sorted(SHAPES.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert isinstance(report, Graph)
    return conforms, report, text


@pytest.mark.parametrize("name", [None, *CASES])
def test_same_report_as_plain_pyshacl_validate(
    name: str | None, validator: ShapesValidator, base_graph: Graph
) -> None:
    if name is not None:
        base_graph.update((CASES_DIR / name / "invalid.ru").read_text(encoding="utf-8"))
    conforms, report, text = plain_validate(base_graph)

    result = validator.validate(base_graph)

    assert result.conforms == conforms
    assert result.text == text
    assert isomorphic(result.report, report)


def test_validation_leaves_the_data_alone(validator: ShapesValidator, base_graph: Graph) -> None:
    before = Graph()
    before += base_graph
    base_graph.set((EVENT, KG.fatalities, Literal(-1)))
    before.set((EVENT, KG.fatalities, Literal(-1)))

    validator.validate(base_graph)

    assert isomorphic(base_graph, before)


def test_result_fields(validator: ShapesValidator, base_graph: Graph) -> None:
    base_graph.set((EVENT, KG.fatalities, Literal(-1)))
    base_graph.set((EVENT, KG.confidence, Literal(2)))

    result = validator.validate(base_graph)

    assert not result.conforms
    assert result.violations == 3  # fatalities < 0, confidence > 1 and not an xsd:decimal
    assert "Conforms: False" in result.text
    assert len(result.details()) == 3
    assert {str(v.shape).rsplit("#")[-1] for v in result.details()} == {
        "Event-fatalities",
        "Event-confidence",
    }


def test_every_result_has_the_shapes_own_message(
    validator: ShapesValidator, base_graph: Graph
) -> None:
    for name in CASES:
        graph = Graph()
        graph += base_graph
        graph.update((CASES_DIR / name / "invalid.ru").read_text(encoding="utf-8"))
        for v in validator.validate(graph).details():
            # pySHACL's default messages start "Value ..." or "Less than ..."; ours name terms
            assert ":" in v.message, (name, v.message)


def test_dataset_is_validated_as_union(validator: ShapesValidator, base_graph: Graph) -> None:
    dataset = Dataset()
    part = dataset.graph(URIRef("https://w3id.org/kg/graph/art-1"))
    for triple in base_graph:
        part.add(triple)
    assert validator.validate(dataset).conforms

    dataset.graph(URIRef("urn:x:other")).add((EVENT, KG.fatalities, Literal(-1)))
    assert not validator.validate(dataset).conforms
    assert dataset.default_union is False


# --- the shapes themselves ------------------------------------------------------------------


def test_shapes_conform_to_shacl_shacl() -> None:
    shapes = Graph()
    for path in SHAPES.glob("*.ttl"):
        shapes.parse(path, format="turtle")
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=None, meta_shacl=True)
    # meta_shacl checks the shapes graph against SHACL's own shapes before using it
    assert conforms, text


def test_every_property_shape_is_targeted_and_explained() -> None:
    # Through sh:property pySHACL runs a property shape once per focus node; with its own
    # target, once for all of them (a third of the time on a real article). Keep it so.
    shapes = Graph()
    for path in SHAPES.glob("*.ttl"):
        shapes.parse(path, format="turtle")
    named = [s for s in shapes.subjects(RDF.type, SH.PropertyShape) if isinstance(s, URIRef)]
    assert len(named) == 68
    for shape in named:
        assert (shape, SH.targetClass, None) in shapes, shape
        assert (None, SH.property, shape) not in shapes, shape
        assert shapes.value(shape, SH.message) is not None, shape
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, SH.message) is not None, shape


def test_default_folder_follows_kg_shapes_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base_graph: Graph
) -> None:
    (tmp_path / "strict.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .\n"
        "@prefix kg: <https://w3id.org/kg/ontology#> .\n"
        "[] a sh:NodeShape ; sh:targetClass sem:Event ;\n"
        "   sh:property [ sh:path kg:injuries ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KG_SHAPES_DIR", str(tmp_path))

    result = ShapesValidator().validate(base_graph)

    assert result.violations == 3  # no event has kg:injuries


def test_broken_turtle_raises_resource_error(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n[] sh:path .\n")

    with pytest.raises(ResourceError) as caught:
        ShapesValidator(tmp_path)

    assert caught.value.path == f"{tmp_path / 'a.ttl'}:2:12"  # file:line:column
    assert "not valid Turtle" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unbuildable_shape_raises_resource_error(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:x:s> a sh:PropertyShape ; sh:targetClass <urn:x:C> .\n"  # no sh:path
    )

    with pytest.raises(ResourceError, match="cannot be built"):
        ShapesValidator(tmp_path)


@pytest.mark.parametrize("constraint", ['sh:pattern "("', 'sh:minCount "x"'])
def test_constraint_that_fails_to_load_raises_resource_error(
    constraint: str, tmp_path: Path, base_graph: Graph
) -> None:
    # pySHACL builds constraints only when a shape has focus nodes, so this shows at validation
    (tmp_path / "a.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "[] a sh:NodeShape ; sh:targetClass <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ;\n"
        f"   sh:property [ sh:path <urn:x:p> ; {constraint} ] .\n"
    )
    validator = ShapesValidator(tmp_path)

    with pytest.raises(ResourceError, match="shapes are broken"):
        validator.validate(base_graph)


def test_folder_without_shapes_raises_resource_error(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n")

    with pytest.raises(ResourceError, match="no SHACL shapes"):
        ShapesValidator(tmp_path)


def test_empty_folder_raises_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"no \.ttl files"):
        ShapesValidator(tmp_path)


# --- format_report ----------------------------------------------------------------------------


def test_format_report_conforming(validator: ShapesValidator, base_graph: Graph) -> None:
    assert format_report(validator.validate(base_graph), "a.ttl") == "a.ttl: conforms"


def test_format_report_one_line_per_violation(
    validator: ShapesValidator, base_graph: Graph
) -> None:
    base_graph.set((EVENT, KG.fatalities, Literal(-3)))
    base_graph.remove((EVENT, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor"), None))

    text = format_report(validator.validate(base_graph), "a.ttl")

    assert text.splitlines() == [
        "a.ttl: 3 violations",
        "  event:art-1.30-37 | (kg:agent|kg:target) | actor:a-b-c-d-e | The event's sem:hasActor"
        " values must be exactly its kg:agent and kg:target values (kg writes sem:hasActor next"
        " to each role).",
        "  event:art-1.30-37 | (kg:agent|kg:target) | actor:civilians | The event's sem:hasActor"
        " values must be exactly its kg:agent and kg:target values (kg writes sem:hasActor next"
        " to each role).",
        '  event:art-1.30-37 | kg:fatalities | "-3"^^xsd:integer | An event has at most one'
        " kg:fatalities, a non-negative xsd:integer.",
    ]


def test_format_report_keeps_hostile_values_on_one_line(
    validator: ShapesValidator, base_graph: Graph
) -> None:
    hostile = HOSTILE + "\nnext line\t" + "x" * 100
    base_graph.set((SANA, RDFS.label, Literal(hostile, lang="en")))

    text = format_report(validator.validate(base_graph))

    lines = text.splitlines()
    assert lines[0] == "1 violation"
    assert lines[1].startswith(
        '  actor:sana | rdfs:label | "A <b> \\"c\\" \\\\ d {e}\\nnext line\\txxx'
    )
    assert '…"@en | An actor needs exactly one rdfs:label' in lines[1]
    assert len(lines) == 2


def test_format_report_sequence_path_and_missing_value(
    validator: ShapesValidator, base_graph: Graph
) -> None:
    mention = URIRef("https://w3id.org/kg/mention/art-1.83-87")
    base_graph.set(
        (mention, URIRef("http://www.w3.org/2005/11/its/rdf#taIdentRef"), URIRef("urn:x:gone"))
    )

    (line,) = format_report(validator.validate(base_graph)).splitlines()[1:]

    assert line.startswith("  mention:art-1.83-87 | itsrdf:taIdentRef/rdf:type | - | A mention")


# --- reading RDF ------------------------------------------------------------------------------

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml", ".xml": "xml"}


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_read_rdf_triples_by_extension(
    suffix: str, tmp_path: Path, validator: ShapesValidator, base_graph: Graph
) -> None:
    path = tmp_path / f"a{suffix}"
    base_graph.serialize(path, format=FORMATS[suffix], encoding="utf-8")

    ((source, graph),) = graphs_to_check(read_rdf(path), str(path))

    assert source == str(path)
    assert isomorphic(graph, base_graph)  # hostile text survives every syntax
    assert validator.validate(graph).conforms


# rdflib 7.6's quad serialisers call rdflib's own deprecated Dataset APIs
@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
@pytest.mark.parametrize("suffix,fmt", [(".nq", "nquads"), (".trig", "trig")])
def test_read_rdf_named_graphs_one_by_one(
    suffix: str, fmt: str, tmp_path: Path, validator: ShapesValidator, base_graph: Graph
) -> None:
    dataset = Dataset()
    good, bad = URIRef("urn:x:good"), URIRef("urn:x:bad")
    for name in (good, bad):
        part = dataset.graph(name)
        for triple in base_graph:
            part.add(triple)
    dataset.graph(bad).set((EVENT, KG.fatalities, Literal(-1)))
    dataset.graph(ONTOLOGY_GRAPH).add((URIRef("urn:x:a"), RDFS.label, Literal("not checked")))
    path = tmp_path / f"a{suffix}"
    dataset.serialize(path, format=fmt, encoding="utf-8")

    checked = list(graphs_to_check(read_rdf(path), "f"))

    assert [source for source, _ in checked] == ["f <urn:x:bad>", "f <urn:x:good>"]
    assert [validator.validate(g).violations for _, g in checked] == [1, 0]


def test_read_rdf_explicit_format(tmp_path: Path, base_graph: Graph) -> None:
    path = tmp_path / "a.data"
    base_graph.serialize(path, format="turtle", encoding="utf-8")

    with pytest.raises(InputError, match="unknown RDF file extension"):
        read_rdf(path)
    assert len(read_rdf(path, "turtle")) == len(base_graph)


def test_read_rdf_syntax_error_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text('<urn:x:a> <urn:x:b> "open\n.\n', encoding="utf-8")

    with pytest.raises(RdfSyntaxError) as caught:
        read_rdf(path)

    assert caught.value.source == f"{path}:1:21"  # file:line:column of the open string
    assert str(caught.value).startswith(f"{path}:1:21 is not valid RDF: ")
    assert "\n" not in str(caught.value)
