"""The labelled HTML pages of the cleaning measurement are data files (eval/data/html_pages), read
in their order, each page's labels unique as the measurement needs them."""

from __future__ import annotations

import pytest

from citeqa.eval.html_cleaning import build_page, labelled_pages


@pytest.mark.parametrize(("kind", "count"), [("tuned", 17), ("heldout", 20)])
def test_every_labelled_page_loads_and_builds(kind: str, count: int) -> None:
    pages = labelled_pages(kind)
    assert len(pages) == count
    for name, marked in pages.items():
        page = build_page(name, marked)
        assert page.content, name  # every page has content units to keep


def test_an_unknown_set_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError, match="no labelled pages"):
        labelled_pages("nothing")
