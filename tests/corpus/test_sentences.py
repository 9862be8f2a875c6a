"""The one sentence segmenter: hard cases from real text, exact spans, line breaks."""

from __future__ import annotations

import pytest

from citeqa.corpus.sentences import ends_sentence, sentence_spans

HARD_CASES = [
    ("Using your own car is reimbursed at 0.30 € per kilometre.", "Train tickets are refunded."),
    ("The crème brûlée costs €4.50 at the café.", "It is popular."),
    ("The club has 1,240 members.", "It grew."),
    ("He moved from the U.S. and Belgium in 2019.", "Then he left."),
    ("Dr. Okafor runs the night clinic.", "Appointments are free."),
    ("J. R. R. Tolkien wrote it.", "It sold well."),
    ("Wait... what happened next?", "Nobody knows."),
    ("“We are concerned,” she said.", "“Very.”"),
    ("See https://example.com/a.b for details.", "Then log in."),
    ("长江是中国最长的河流。", "三峡大坝位于湖北省。"),
    ("Version 2.1.3 fixes the bug.", "Upgrade now."),
    ("e.g. apples and pears are fruit.", "So are plums."),
]


@pytest.mark.parametrize(("first", "second"), HARD_CASES)
def test_hard_cases_split_into_whole_sentences(first: str, second: str) -> None:
    separator = "" if first.endswith("。") else " "
    text = first + separator + second
    assert [text[s:e] for s, e in sentence_spans(text)] == [first, second]


def test_line_breaks_end_items_but_not_wrapped_sentences() -> None:
    text = ("Bikes ride free\nDogs need a muzzle\n\nThe pump was inspected by the team that keeps\n"
            "going on until it is done. Next.\nAdult | 12 €")
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Bikes ride free", "Dogs need a muzzle",
        "The pump was inspected by the team that keeps\ngoing on until it is done.", "Next.", "Adult | 12 €"]


def test_spans_are_exact_and_cover_every_character() -> None:
    text = "  Same sentence.  Same sentence.\r\nSame sentence.\x0bAnd Dr. Who?  "
    spans = sentence_spans(text)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == "".join(text.split())
    assert all(text[s:e] == text[s:e].strip() and s < e for s, e in spans)
    assert sentence_spans(" \n ") == []


def test_ends_sentence() -> None:
    assert ends_sentence("It is done.") and ends_sentence("“Really?”") and ends_sentence("完了。")
    assert not ends_sentence("Price: 4.50 €") and not ends_sentence("Home | News")


# From SQuAD 2.0's "Black Death" article: pysbd returns the spaced ellipsis as two overlapping
# pieces, which once made an index that could not be loaded (sentence spans out of order).
SPACED_ELLIPSIS = ('The authors concluded that this new research, together with prior analyses from the south of '
                   'France and Germany, ". . . ends the debate about the etiology of the Black Death, and '
                   'unambiguously demonstrates that Y. pestis was the causal agent." Later work agreed.')


@pytest.mark.parametrize("text", [SPACED_ELLIPSIS, SPACED_ELLIPSIS[44:129], "Wait . . . what? Yes. . . . No.", "“. . .” he said. Fine."])
def test_spans_stay_ordered_when_pieces_overlap(text: str) -> None:
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert any(ch.isalnum() for ch in text[start:end]) or len(spans) == 1
        previous_end = end
    covered = "".join(text[start:end] for start, end in spans)
    assert [ch for ch in covered if not ch.isspace()] == [ch for ch in text if not ch.isspace()]
