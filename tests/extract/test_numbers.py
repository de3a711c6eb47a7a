import pytest

from kg.extract.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("190,000", 190_000),
        ("more than 190,000", 190_000),
        ("Three million", 3_000_000),
        ("6.5 million", 6_500_000),
        ("at least three", 3),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three hundred thousand", 300_000),
        ("12", 12),
    ],
)
def test_figures_news_writes(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["many", "dozens", "several", "", "the"])
def test_vague_quantities_are_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("7-9", 7), ("two or three", 2), ("between 5 and 10", 5), ("2,000 to 3,000", 2_000)],
)
def test_a_range_is_its_lowest_figure(text: str, value: int) -> None:
    # ACLED codes the lowest credible figure
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("twenty-one", 21), ("a hundred and twenty", 120), ("forty-five", 45)]
)
def test_compound_numbers_are_no_ranges(text: str, value: int) -> None:
    assert parse_number(text) == value
