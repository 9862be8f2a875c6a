"""BM25 tokenization: English exactly as bm25s tokenizes it, CJK text as Lucene-style bigrams."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

import bm25s
import numpy as np
import pytest
import Stemmer

from citeqa.corpus.cleaning import normalize_for_matching
from citeqa.index import lexical
from citeqa.index.lexical import Bm25Index, tokenize
from tests.conftest import BUILTIN_CORPUS, REFUGEE_QUESTION

STEMMER = Stemmer.Stemmer("english")

# Four topics each, no two sharing a content word: the Great Wall, pandas, tea, Beijing.
CHINESE = [
    "长城是中国古代的军事防御工程，全长两万多公里，始建于春秋战国时期。",
    "大熊猫主要生活在四川的山区竹林中，以竹子为主要食物，每天要吃很多竹子。",
    "茶叶的种类由发酵程度决定：绿茶不发酵，红茶是全发酵茶。",
    "北京是中华人民共和国的首都，也是全国的政治和文化中心。",
]
# Mount Fuji, sushi, the Shinkansen, cherry blossoms.
JAPANESE = [
    "富士山は日本で最も高い山で、標高は3776メートルです。",
    "寿司は酢飯と新鮮な魚を組み合わせた伝統的な料理です。",
    "新幹線は東京と大阪を約二時間半で結ぶ高速鉄道です。",
    "桜の花は春に咲き、多くの人が公園で花見を楽しみます。",
]
# Seoul, kimchi, Hangul.
KOREAN = [
    "서울은 대한민국의 수도이며 한강이 도시를 가로지른다.",
    "김치는 배추와 고춧가루로 만드는 발효 음식이다.",
    "한글은 세종대왕이 1443년에 창제한 문자이다.",
]


def _bm25s_tokens(texts: list[str]) -> list[list[str]]:
    """What Bm25Index tokenized with before CJK support."""
    tokens: list[list[str]] = bm25s.tokenize(
        texts, stopwords="en", stemmer=STEMMER, return_ids=False, show_progress=False
    )
    return tokens


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(BUILTIN_CORPUS.iterdir()) if p.is_file()]
    return [p for t in texts for p in re.split(r"\n\s*\n", t) if p.strip()]


def test_english_gets_exactly_the_bm25s_tokens() -> None:
    paragraphs = _paragraphs()
    assert len(paragraphs) > 20
    folded = [normalize_for_matching(p) for p in paragraphs]
    assert tokenize(paragraphs, STEMMER) == _bm25s_tokens(paragraphs)
    assert tokenize(folded, STEMMER) == _bm25s_tokens(folded)
    index = Bm25Index(paragraphs)
    assert index.tokenize_many(paragraphs) == _bm25s_tokens(folded)
    assert index.query_terms(REFUGEE_QUESTION) == _bm25s_tokens([REFUGEE_QUESTION])[0]
    # One text at a time too: bm25s stems per batch, so batching must not change a text's terms.
    assert [tokenize([p], STEMMER)[0] for p in folded[:10]] == _bm25s_tokens(folded[:10])


def test_english_scores_are_unchanged() -> None:
    paragraphs = _paragraphs()
    index = Bm25Index(paragraphs)
    before = bm25s.BM25(method="lucene")
    before.index(_bm25s_tokens([normalize_for_matching(p) for p in paragraphs]), show_progress=False)
    assert index.vocabulary == frozenset(before.vocab_dict)
    for question in [REFUGEE_QUESTION, "What punishment do defectors face under North Korean law?"]:
        terms = index.query_terms(question)
        expected = before.get_scores([t for t in terms if t in before.vocab_dict])
        np.testing.assert_array_equal(index.scores(terms), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokyo 东京大学 2024", ["tokyo", "东京", "京大", "大学", "2024"]),
        ("中", ["中"]),  # a run of one character is a unigram
        ("北京，上海。", ["北京", "上海"]),  # punctuation ends a run
        ("東京タワーへ行く", ["東京", "京タ", "タワ", "ワー", "ーへ", "へ行", "行く"]),  # scripts mix
        ("서울은 한국의 수도", ["서울", "울은", "한국", "국의", "수도"]),  # spaces end Korean runs
        ("The running Beijing2024北京 runners", ["run", "beijing2024", "北京", "runner"]),
        ("a东京 x", ["东京"]),  # one-letter words drop, as in bm25s
    ],
    ids=["mixed", "unigram", "punctuation", "kana-kanji", "korean", "word-touching-han", "one-letter"],
)
def test_tokens_of_mixed_text(text: str, expected: list[str]) -> None:
    assert tokenize([normalize_for_matching(text)], STEMMER) == [expected]


def test_cjk_characters_are_word_characters() -> None:
    # Outside a run, a listed character must split text exactly where bm25s' \w pattern splits it.
    chars = re.findall(r"(.)-(.)|(.)", lexical._CJK, flags=re.DOTALL)
    spans = [(ord(a), ord(b)) if a else (ord(c), ord(c)) for a, b, c in chars]
    for low, high in spans:
        for code in range(low, high + 1):
            char = chr(code)
            if unicodedata.category(char) != "Cn":
                assert re.match(r"\w", char), f"U+{code:04X} {unicodedata.name(char, '?')}"


def _lucene_bm25(corpus: list[list[str]], query: list[str], k1: float = 1.5, b: float = 0.75) -> list[float]:
    """Lucene's BM25 by hand (Kamphuis et al. 2020, as bm25s cites it) over token lists."""
    avgdl = sum(map(len, corpus)) / len(corpus)
    df = Counter(t for doc in corpus for t in set(doc))
    scores = []
    for doc in corpus:
        tf = Counter(doc)
        norm = k1 * (1 - b + b * len(doc) / avgdl)
        scores.append(sum(
            math.log(1 + (len(corpus) - df[t] + 0.5) / (df[t] + 0.5)) * tf[t] / (tf[t] + norm)
            for t in query if t in df
        ))
    return scores


def _check_ranking(passages: list[str], question: str, expected: int) -> None:
    index = Bm25Index(passages)
    terms = index.query_terms(question)
    scores = index.scores(terms)
    assert int(np.argmax(scores)) == expected, (terms, scores)
    assert sorted(scores)[-1] > sorted(scores)[-2]  # first alone, not tied
    # bm25s indexed the bigram strings as terms: its scores are Lucene's BM25 over them.
    reference = _lucene_bm25([list(t) for t in index.tokenize_many(passages)], terms)
    np.testing.assert_allclose(scores, reference, rtol=1e-5)


@pytest.mark.parametrize(
    ("question", "expected"),
    [("长城有多长？", 0), ("熊猫吃什么食物？", 1), ("红茶和绿茶有什么不同？", 2), ("中国的首都是哪里？", 3)],
    ids=["great-wall", "panda", "tea", "beijing"],
)
def test_a_chinese_question_ranks_its_passage_first(question: str, expected: int) -> None:
    _check_ranking(CHINESE, question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [("富士山の標高は何メートルですか？", 0), ("寿司にはどんな魚を使いますか？", 1),
     ("新幹線で東京から大阪まで何時間かかりますか？", 2), ("花見はいつ楽しみますか？", 3)],
    ids=["fuji", "sushi", "shinkansen", "hanami"],
)
def test_a_japanese_question_ranks_its_passage_first(question: str, expected: int) -> None:
    _check_ranking(JAPANESE, question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [("서울의 강 이름은?", 0), ("김치는 무엇으로 만드나요?", 1), ("한글은 누가 만들었나요?", 2)],
    ids=["seoul", "kimchi", "hangul"],
)
def test_a_korean_question_ranks_its_passage_first(question: str, expected: int) -> None:
    _check_ranking(KOREAN, question, expected)


def test_content_terms_keep_cjk_bigrams() -> None:
    index = Bm25Index(CHINESE)
    terms = index.query_terms("熊猫吃什么食物？")
    assert terms == ["熊猫", "猫吃", "吃什", "什么", "么食", "食物"]
    assert index.content_terms(terms) == terms
    # English question words still go; the CJK bigrams stay.
    assert index.content_terms(index.query_terms("What does a 熊猫 eat?")) == ["熊猫", "eat"]


def test_absent_cjk_characters_score_zero() -> None:
    index = Bm25Index(CHINESE)
    for question in ["量子计算机原理", "龍", "ロボット"]:
        terms = index.query_terms(question)
        assert terms and not set(terms) & index.vocabulary
        scores = index.scores(terms)
        assert scores.shape == (len(CHINESE),) and scores.dtype == np.float32
        assert not scores.any()


SPELLING_CORPUS = ["UDP does not guarantee delivery of datagrams.",
                   "Astronauts experience weightlessness while in free fall around the Earth.",
                   "The 1973 report P-2626 described a distributed network.",
                   "Population figures come from the census."]


@pytest.mark.parametrize(("question", "typo", "meant"), [
    ("What does UDP gaurentee?", "gaurentee", "guarantee"),        # a swap and a wrong vowel: 2 edits
    ("What do astronaughts experience?", "astronaughts", "astronauts"),
    ("When does weightlesness happen?", "weightlesness", "weightlessness"),
])
def test_a_misspelt_word_is_read_as_the_corpus_word(question: str, typo: str, meant: str) -> None:
    bm25 = Bm25Index(SPELLING_CORPUS)
    stem, = Stemmer.Stemmer("english").stemWords([meant])
    assert stem in bm25.query_terms(question)
    assert Stemmer.Stemmer("english").stemWords([typo])[0] not in bm25.vocabulary


@pytest.mark.parametrize("question", [
    "Is there a guaranty?",  # an English word the corpus does not use, one edit from its "guarantee"
    "What was report P-2627?",             # codes and numbers are never corrected
    "Who is Udpo?",                        # too short to correct
    "What does XDP guarantee?",            # first letter differs from "udp"
])
def test_words_that_are_not_typos_are_left_as_they_are(question: str) -> None:
    bm25 = Bm25Index(SPELLING_CORPUS)
    assert "guaranti" not in bm25.vocabulary and bm25.spelled("guaranty") == "guarante"  # as a typo it would be
    assert bm25.query_terms(question) == tokenize([normalize_for_matching(question)], Stemmer.Stemmer("english"))[0]


def test_a_typo_is_read_as_the_word_it_misses_a_letter_of() -> None:
    # Stems would mislead here: "persecuton" is one letter from the stem of "persecutors"; as words,
    # it lacks one letter of "persecution". Found by a newcomer's review, with "polire" (police).
    bm25 = Bm25Index(["Refugees who are returned face persecution and torture.",
                      "The persecutors were never named.", "Local police raided the house.",
                      "Political leaders were silent."])
    stem = Stemmer.Stemmer("english").stemWords
    assert stem(["persecution"])[0] in bm25.query_terms("Do they face persecuton?")
    assert stem(["police"])[0] in bm25.query_terms("What did the polire do?")
