"""ACLED gold: rows to notes, the date-stated rule, predictions, and the tally's figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate.acled import (
    Note,
    group_rows,
    parse_row,
    read_notes,
    states_date,
    states_full_date,
)
from kg.evaluate.predict import Prediction, predict
from kg.evaluate.scoring import NONE
from kg.evaluate.tally import AcledTally, errors
from kg.model import ActorType, Extraction, Geocode, GeoPrecision, Place, PlaceType
from tests.evaluate.fakes import acled_row, actor, event, extraction, place, write_acled

CLASH = "On 3 March 2021, military forces clashed with rebels in Qaryat Zed, killing 2."


@pytest.mark.parametrize(
    "text",
    [
        "On 22 February 2020, regime forces shelled Kafr Nabl.",
        "On 1 February, protesters gathered.",
        "On Feb 01 protesters in Basra city rejected the nominee.",
        "On Mar 11th 2019, workers protested.",
        "On the 22nd of February, gunmen attacked.",
        "On December 28, raiders exchanged gunfire.",
        "Around 2 May 2020 (as reported), an IED exploded.",
        "01 February 2020. In Afgooye, militants clashed.",
        "Reported 2020-02-03: an airstrike hit the town.",
        "On 3/2/2020 a convoy was ambushed.",
    ],
)
def test_notes_that_state_a_date(text: str) -> None:
    assert states_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "Raiders kill civilians during attack.",
        "On Friday police shot a suspect.",
        "In February 2020 the offensive went on.",  # a month, not a day
        "Protests may 5 times have turned violent.",  # "may" is not May
        "Eight dead in clashes during the weeks of 26/02-12/03.",  # no year: not a full date
        "The 2020 budget was protested by 300 people.",
    ],
)
def test_notes_that_state_no_date(text: str) -> None:
    assert not states_date(text)


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("On 22 February 2020, regime forces shelled Kafr Nabl.", True),
        ("On 18 October, 2019, clashes took place.", True),
        ("On Mar 11th 2019, workers protested.", True),
        ("On Feb 15 2020 a civilian was killed.", True),
        ("The mother was found dead on 23/03/2017.", True),
        ("On Feb 01 protesters rejected the nominee.", False),
        ("On February 16 workers held a sit-in.", False),
        ("On 13 February 20230 Turkish forces shelled the area.", False),  # a typo, not a year
    ],
)
def test_notes_that_state_a_full_date(text: str, full: bool) -> None:
    assert states_full_date(text) is full
    assert states_date(text)


def test_parse_row_maps_labels_to_concept_ids_and_drops_empty_codes() -> None:
    row = parse_row(
        acled_row(
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            inter1="8",
            inter2="0",
            fatalities="",
            admin2="Zed District",
            latitude="",
        )
    )
    assert row.event_type == "explosions-remote-violence"
    assert row.sub_event_type == "shelling-artillery-missile-attack"
    assert row.inter == (8,)
    assert row.fatalities == 0
    assert row.admins == ("North Province", "Zed District")
    assert row.coords is None
    assert row.event_date == dt.date(2021, 3, 3)
    assert parse_row(acled_row(sub_event_type="Riot on the moon")).sub_event_type == (
        "Riot on the moon"  # unknown labels stay as written: no prediction can match them
    )


def test_rows_with_identical_notes_are_one_article_with_the_union_of_their_gold() -> None:
    shared = "  On 2 May 2021, rebels attacked Aaa and Bbb, killing 3.  "
    rows = [
        ("Another note on 1 May 2021.", parse_row(acled_row(event_id_cnty="X1"))),
        (
            shared,
            parse_row(acled_row(event_id_cnty="X2", location="Aaa", fatalities="2", inter2="7")),
        ),
        (shared.strip(), parse_row(acled_row(event_id_cnty="X3", location="Bbb", fatalities="1"))),
        ("   ", parse_row(acled_row(event_id_cnty="X4"))),  # no note: dropped
    ]
    notes = group_rows(rows)
    assert [n.article_id for n in notes] == ["X1", "X2"]
    note = notes[1]
    assert note.text == shared.strip()
    assert [r.event_id for r in note.rows] == ["X2", "X3"]
    assert note.locations == ("Aaa", "Bbb")
    assert note.fatalities == 3  # per article total: the sum over its rows
    assert note.inters == {1, 2, 7}
    assert note.sub_types == {"armed-clash"} and note.event_types == {"battles"}


def test_a_dated_note_is_published_when_acled_first_recorded_one_of_its_rows() -> None:
    note = "On 2 May, rebels attacked Aaa and Bbb."
    first = parse_row(acled_row(event_id_cnty="X1", timestamp="1620345600"))  # 2021-05-07 UTC
    second = parse_row(acled_row(event_id_cnty="X2", timestamp="2021-05-05"))
    assert first.recorded == dt.date(2021, 5, 7) and second.recorded == dt.date(2021, 5, 5)
    assert parse_row(acled_row(timestamp="")).recorded is None
    assert parse_row(acled_row(timestamp="soon")).recorded is None
    (dated,) = group_rows([(note, first), (note, second)], dated=True)
    assert dated.published == dt.date(2021, 5, 5) and dated.article.published == dated.published
    (undated,) = group_rows([(note, first), (note, second)])
    assert undated.published is None and undated.article.published is None


def test_read_notes_limit_and_country(tmp_path: Path) -> None:
    path = write_acled(
        tmp_path / "a.csv",
        [
            acled_row(event_id_cnty="A1", notes="On 1 May 2021, note one."),
            acled_row(event_id_cnty="B1", notes="On 2 May 2021, note two.", country="Elsewhere"),
            acled_row(event_id_cnty="A2", notes="On 1 May 2021, note one."),
            acled_row(event_id_cnty="A3", notes="On 3 May 2021, note three."),
        ],
    )
    assert [n.article_id for n in read_notes(path)] == ["A1", "B1", "A3"]
    assert [len(n.rows) for n in read_notes(path)] == [2, 1, 1]
    assert [n.article_id for n in read_notes(path, limit=2)] == ["A1", "B1"]
    assert [n.article_id for n in read_notes(path, country="elsewhere")] == ["B1"]


def test_read_notes_errors_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_notes(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,notes\nX,On 1 May 2021, a note.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing column.*event_date"):
        read_notes(bad)


def _clash_extraction() -> Extraction:
    text = CLASH
    return extraction(
        text,
        (
            event(text, "clashed", "armed-clash", confidence=0.8, places=("qaryat-zed",),
                  agents=("army",), targets=("rebels",), date=dt.date(2021, 3, 3), fatalities=2),
            event(text, "killing", "attack", confidence=0.8, targets=("civilians",),
                  fatalities=1),
            event(text, "On", "statement", confidence=0.99),
        ),
        places=(place(text, "Qaryat Zed"),),
        actors=(
            actor(text, "military forces", "army", ActorType.STATE_FORCES),
            actor(text, "rebels", "rebels", ActorType.REBEL_GROUP),
            actor(text, "2", "civilians", ActorType.CIVILIANS),
        ),
    )  # fmt: skip


def test_top_policy_takes_the_most_confident_acled_event_ties_the_earliest() -> None:
    pred = predict(_clash_extraction(), "top")
    assert pred.top == "armed-clash"  # statement (0.99) is not an ACLED type; tie: earlier
    assert pred.trigger == "clashed"
    assert pred.sub_types == {"armed-clash"} and pred.event_types == {"battles"}
    assert pred.places == ("Qaryat Zed",)
    assert pred.date == dt.date(2021, 3, 3)
    assert pred.inters == {1, 2}
    assert pred.note_inters == {1, 2, 7}
    assert pred.fatalities == 3  # over all the ACLED events, whatever the policy
    assert pred.top_fatalities == 2
    assert pred.coords == ()


def test_all_policy_takes_every_acled_event() -> None:
    pred = predict(_clash_extraction(), "all")
    assert pred.sub_types == {"armed-clash", "attack"}
    assert pred.event_types == {"battles", "violence-against-civilians"}
    assert pred.inters == {1, 2, 7}


def test_a_located_event_predicts_its_location_name_and_point() -> None:
    base = _clash_extraction()
    town = Place("geonames-1", "Zed Town", PlaceType.TOWN, (),
                 geo=Geocode(1, "Zed", "SY", 35.1, 38.1, 1.0))  # fmt: skip
    top = dataclasses.replace(base.events[0], location="geonames-1",
                              geo_precision=GeoPrecision.NEAR)  # fmt: skip
    located = dataclasses.replace(base, places=(*base.places, town), events=(top, *base.events[1:]))
    pred = predict(located, "top")
    assert pred.places == ("Qaryat Zed", "Zed Town")
    assert pred.coords == ((35.1, 38.1),)


def test_no_acled_event_predicts_nothing_but_keeps_the_lenient_views() -> None:
    text = "Officials said the talks went on."
    pred = predict(
        extraction(text, (event(text, "said", "statement"),), places=(), actors=()), "top"
    )
    assert pred.top is None and not pred.sub_types and pred.date is None
    assert pred.fatalities == 0


def _note(**fields: str) -> Note:
    row = acled_row(**fields)
    return group_rows([(row["notes"], parse_row(row))])[0]


def _pred(**fields: object) -> Prediction:
    base: dict[str, object] = {
        "top": "armed-clash",
        "trigger": "clashed",
        "sub_types": frozenset({"armed-clash"}),
        "event_types": frozenset({"battles"}),
        "places": ("Qaryat Zed",),
        "note_places": ("Qaryat Zed",),
        "coords": (),
        "date": dt.date(2021, 3, 3),
        "fatalities": 0,
        "top_fatalities": 0,
        "inters": frozenset({1, 2}),
        "note_inters": frozenset({1, 2}),
    }
    base.update(fields)
    return Prediction(**base)  # type: ignore[arg-type]


def test_a_perfect_prediction_has_no_errors() -> None:
    assert errors(_note(), _pred()) == {}


def test_errors_per_field() -> None:
    note = _note(fatalities="4")
    pred = _pred(
        sub_types=frozenset({"attack"}),
        event_types=frozenset({"violence-against-civilians"}),
        places=("Qaryat Zayd",),  # a spelling variant matches
        date=dt.date(2021, 3, 4),
        fatalities=1,
        inters=frozenset({1}),
    )
    assert errors(note, pred) == {
        "sub_event_type": 2,
        "event_type": 2,
        "date": 1,
        "fatalities": 3,
        "actor_types": 1,
    }


def test_tally_figures_over_a_few_notes() -> None:
    tally = AcledTally("top", keep_examples=2)
    good = _note(event_id_cnty="G")
    tally.add(good, _pred())
    undated = _note(event_id_cnty="U", notes="Raiders kill civilians at Qaryat Zed.",
                    sub_event_type="Attack", event_type="Violence against civilians",
                    inter2="7", fatalities="2")  # fmt: skip
    tally.add(undated, _pred(places=(), note_places=("North Province",), fatalities=2))
    missed = _note(event_id_cnty="M", notes="On 5 March 2021, rebels clashed with police.")
    tally.add(missed, Prediction.empty())
    report = tally.report(file="x.csv")
    figures = report.headline()
    # sub types: G right; U armed-clash for attack (1 fp, 1 fn); M missed (1 fn)
    assert figures["sub_event_type_f1"][0] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert figures["location"] == (pytest.approx(1 / 3), 3)
    assert tally.location_or_admin.hits == 2  # U: the admin1 named in the note
    assert figures["date_exact"] == (0.5, 2)  # U states no date and is counted apart
    assert (tally.date_full.hits, tally.date_full.total) == (1, 2)
    assert (tally.undated_notes, tally.undated_dated, tally.undated_exact) == (1, 1, 1)
    assert figures["fatalities_exact"] == (1.0, 3)
    assert tally.fatalities_positive.value == 1.0
    assert tally.confusion.cells == {
        ("armed-clash", "armed-clash"): 1,
        ("attack", "armed-clash"): 1,
        ("armed-clash", NONE): 1,
    }
    assert [e.article_id for e in report.examples] == ["M", "U"]  # most fields wrong first
    assert report.median_error_km is None  # no predicted place has coordinates


def test_a_point_within_25km_is_a_right_location_whatever_its_name() -> None:
    tally = AcledTally()
    # ~14 km from the row's (35.0, 38.0), under another name: right
    near = _pred(places=("Elsewhere",), coords=((35.1, 38.1),))
    tally.add(_note(), near)
    assert errors(_note(), near) == {}
    # ~111 km away under another name: wrong
    far = _pred(places=("Elsewhere",), coords=((36.0, 38.0),))
    tally.add(_note(event_id_cnty="F", notes="On 3 March 2021, far."), far)
    assert errors(_note(), far) == {"location": 1}
    report = tally.report()
    assert (tally.location.hits, tally.location.total) == (1, 2)
    assert (tally.location_by_name.hits, tally.within_25km.hits) == (0, 1)
    assert report.median_error_km == pytest.approx((14.0 + 111.2) / 2, abs=1.0)


def test_report_json_shape() -> None:
    tally = AcledTally(keep_examples=1)
    tally.add(_note(), _pred(date=None))
    doc = json.loads(json.dumps(tally.report(file="x.csv", model="m").to_json()))
    assert doc["dataset"] == "acled" and doc["policy"] == "top" and doc["file"] == "x.csv"
    assert [f["name"] for f in doc["figures"]] == [
        "event_type_f1",
        "sub_event_type_f1",
        "location",
        "date_exact",
        "fatalities_exact",
        "actor_type_f1",
    ]
    date = next(f for f in doc["figures"] if f["name"] == "date_exact")
    assert date == {"name": "date_exact", "value": 0.0, "target": 0.95, "met": False, "n": 1}
    assert set(doc["sub_event_type"]["per_type"]["armed-clash"]) >= {"precision", "recall", "f1"}
    assert doc["location"]["within_25km"] == {"hits": 0, "total": 1, "value": 0.0}
    assert doc["location"]["median_error_km"] is None  # no predicted point
    assert doc["examples"][0]["errors"] == {"date": 1}
    assert doc["examples"][0]["gold"]["date"] == ["2021-03-03"]
    assert set(doc) >= {"event_type", "date", "fatalities", "actor_types", "confusion"}
