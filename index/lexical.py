"""BM25 over the chunks (bm25s, Lucene scoring), built from the stored chunk texts at load time.

Lucene's BM25 variant with k1 = 1.5, b = 0.75 (bm25s defaults; Robertson & Zaragoza 2009, Lucene's
``BM25Similarity``), bm25s' English stopwords and the Snowball English stemmer (PyStemmer). Measured in
the hybrid ranking (weight 0.6, min-max fusion) on both shared sets, the stemmer raised MRR@10 from 0.924 to 1.000
(dev) and hit@5 from 0.900 to 0.925 (SQuAD-A); see eval/RESULTS.md.

Text written without spaces between words (Chinese, Japanese; Korean too) is split into overlapping
character bigrams by :func:`tokenize`, as Lucene's ``CJKAnalyzer`` does; all other text gets exactly
the tokens ``bm25s.tokenize`` gives it.
"""

from __future__ import annotations

import copy
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import bm25s
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_EN_PLUS
import numpy as np
import numpy.typing as npt
import Stemmer

from citeqa.corpus.cleaning import normalize_for_matching

#: NLTK's English list as bm25s ships it (179 words). Ranking keeps bm25s' short "en" list (33):
#: the long one lowered hybrid hit@5 on SQuAD-A from 0.925 to 0.908 and dev MRR@10 from 1.000 to
#: 0.943. It is used to find a question's *content* terms for the confidence signals, where
#: question words and auxiliaries ("when", "did", "how", "does") would otherwise count against a
#: question's coverage of a small corpus's vocabulary.
_NON_CONTENT = list(STOPWORDS_EN_PLUS)

#: Spelling correction of question terms (:meth:`Bm25Index.spelled`): shortest term corrected, the
#: length from which two edits are allowed, and how many corrections an index remembers.
_SPELL_MIN_LENGTH = 5
_SPELL_TWO_EDITS = 8
_SPELL_CACHE = 100_000

#: What ``bm25s.tokenize(..., stopwords="en")`` removes (bm25s 0.3.16 ``_infer_stopwords``).
_STOPWORDS = frozenset(STOPWORDS_EN)

#: Characters of scripts written without spaces between words: the Unicode blocks of Han,
#: Hiragana, Katakana and Hangul, whose tokens (Lucene's StandardTokenizer types <IDEOGRAPHIC>,
#: <HIRAGANA>, <KATAKANA>, <HANGUL>) CJKBigramFilter bigrams by default. Every assigned character
#: listed is a word character (Python's ``\w``; tested), so that text around a run is split exactly
#: as bm25s' pattern splits it: the ranges skip U+3099-U+309C (combining and spacing voiced sound
#: marks), U+30A0 (double hyphen) and U+30FB (middle dot). Halfwidth katakana and compatibility
#: jamo are listed although ``normalize_for_matching`` (NFKC) folds them, since :func:`tokenize`
#: may be given text that was not folded.
_CJK = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005\u3007\u3021-\u3029\u3038-\u303b"  # ideographic iteration mark, number zero, numerals
    "\u3041-\u3096\u309d-\u309f"  # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"  # Katakana, Katakana Phonetic Extensions
    "\u3131-\u318e"  # Hangul Compatibility Jamo
    "\u3400-\u4dbf\u4e00-\u9fff"  # CJK Unified Ideographs (Extension A, URO)
    "\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"  # Hangul Jamo Extended-A, Syllables, Extended-B
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uff66-\uff9f\uffa0-\uffdc"  # Halfwidth Katakana and Hangul
    "\U0001b000-\U0001b16f"  # Kana Supplement, Kana Extended-A, Small Kana Extension
    "\U00020000-\U000323af"  # CJK Unified Ideographs Extensions B-H, Compatibility Supplement
)

#: One pass over the lowercased text finds both kinds of token, in text order. A ``word`` is a
#: maximal run of at least two word characters outside :data:`_CJK`; without CJK characters that is
#: exactly what bm25s' default ``token_pattern`` ``(?u)\b\w\w+\b`` finds (``\b`` makes each match a
#: maximal ``\w`` run). Where a word touches a CJK run the two are split ("tokyo东京" gives "tokyo"
#: and "东京"), as UAX #29 splits them, instead of bm25s' single token.
_TOKEN = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>[^\W{_CJK}]{{2,}})")
_HAS_CJK = re.compile(f"[{_CJK}]")
#: bm25s.tokenize's default ``token_pattern``, used as is for text without CJK characters.
_WORD = re.compile(r"(?u)\b\w\w+\b")


class WordStemmer(Protocol):
    """What :func:`tokenize` needs of a stemmer; ``Stemmer.Stemmer`` (PyStemmer) has it."""

    def stemWords(self, words: Sequence[str]) -> list[str]:  # noqa: N802 - PyStemmer's name
        """Stem each word, returning the stems in order."""
        ...


def _bigrams(run: str) -> list[str]:
    """Overlapping character bigrams of a CJK run; a single character stays a unigram."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokenize(texts: Sequence[str], stemmer: WordStemmer, surface: set[str] | None = None) -> list[list[str]]:
    """Split texts into BM25 terms: CJK character bigrams, and stemmed words for everything else.

    A run of adjacent Han, Hiragana, Katakana or Hangul characters (:data:`_CJK`; any mix of them)
    gives its overlapping character bigrams, "东京大学" -> "东京", "京大", "大学", and a run of one
    character gives that character: the scheme of Lucene's ``CJKAnalyzer``, whose ``CJKBigramFilter``
    (``org.apache.lucene.analysis.cjk``) bigrams adjacent CJK characters and emits a unigram only for
    a character that forms no bigram. Bigrams avoid a word segmenter's dictionary and model; a space
    or punctuation mark ends a run, so Korean words (space-separated) are bigrammed one by one, also
    as in Lucene. Bigrams are neither stemmed nor stopword-filtered (the lists are English).

    Everything else gets what ``bm25s.tokenize(texts, stopwords="en", stemmer=stemmer,
    return_ids=False)`` gives (bm25s 0.3.16, ``tokenization.py``): lowercase, runs of at least two
    word characters, bm25s' 33 English stopwords removed, then stemmed. A text without CJK
    characters gets exactly bm25s' token list (tested on the built-in corpus).

    Args:
        texts: the texts, as they are (callers fold them first, e.g. ``normalize_for_matching``).
        stemmer: stems the non-CJK words, e.g. ``Stemmer.Stemmer("english")``.
        surface: when given, gets the distinct words before stemming (lowercased, stopwords out).

    Returns:
        One list of terms per text, in text order, duplicates kept; empty for a text without terms.
    """
    docs: list[list[str]] = []
    words: set[str] = set()
    for text in texts:
        lowered = text.lower()
        if _HAS_CJK.search(lowered) is None:
            # bm25s' own pattern: the same tokens by construction, and 1.6x faster than _TOKEN on
            # the built-in corpus.
            tokens = [w for w in _WORD.findall(lowered) if w not in _STOPWORDS]
            words.update(tokens)
        else:
            tokens = []
            for cjk, word in _TOKEN.findall(lowered):
                if cjk:
                    tokens.extend(_bigrams(cjk))
                elif word not in _STOPWORDS:
                    tokens.append(word)
                    words.add(word)
        docs.append(tokens)
    # One stemmer call for the batch's distinct words, as bm25s does. A CJK bigram is never one of
    # them (a word holds no CJK character), so the lookup's default keeps bigrams as they are.
    if surface is not None:
        surface.update(words)
    unique = list(words)
    stems = dict(zip(unique, stemmer.stemWords(unique), strict=True))
    return [[stems.get(t, t) for t in tokens] for tokens in docs]


def _characters(terms: frozenset[str]) -> frozenset[str]:
    """The characters of the CJK terms among ``terms``."""
    return frozenset(char for term in terms if _HAS_CJK.match(term) for char in term)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The English words of pyspellchecker 0.9.1's dictionary (160,572 words, from OpenSubtitles
    word frequencies; MIT), loaded on the first question with a word the corpus does not use
    (0.15 s)."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.keys())


class Bm25Index:
    """A BM25 index whose row ``i`` is passage ``i`` of the FAISS index."""

    def __init__(self, texts: list[str]) -> None:
        """Tokenize and index ``texts`` (one per chunk, in row order).

        Args:
            texts: what BM25 sees of each chunk (its context line and text).
        """
        self._stemmer: WordStemmer = Stemmer.Stemmer("english")
        words: set[str] = set()
        tokens = self._tokenize(texts, words)
        #: The corpus's words before stemming that a misspelt question word may be read as
        #: (:meth:`spelled`): ASCII letters only, and no shorter than one edit from the shortest
        #: word corrected.
        self._words = tuple(sorted(w for w in words if len(w) >= _SPELL_MIN_LENGTH - 1 and w.isascii() and w.isalpha()))
        self._model: bm25s.BM25 | None = None
        self.vocabulary: frozenset[str] = frozenset()
        if any(tokens):  # bm25s cannot index a corpus without a single term
            self._model = bm25s.BM25(method="lucene")
            # Lists of strings: bm25s' "tokens" input, whose vocabulary maps each string to an id
            # (bm25s 0.3.16 ``BM25.build_index_from_tokens``), so get_scores looks terms up as strings.
            self._model.index(tokens, show_progress=False)
            self.vocabulary = frozenset(self._model.vocab_dict)
        #: The terms of each passage (row order), for coverage signals.
        self.passage_terms: tuple[frozenset[str], ...] = tuple(frozenset(t) for t in tokens)
        #: The same with every CJK bigram's characters added: the units of the evidence signals.
        self.passage_units: tuple[frozenset[str], ...] = tuple(
            terms | _characters(terms) if any(_HAS_CJK.match(t) for t in terms) else terms
            for terms in self.passage_terms
        )
        self.vocabulary_units: frozenset[str] = self.vocabulary | _characters(self.vocabulary)
        self.size = len(texts)
        document_frequency = Counter(t for terms in self.passage_terms for t in terms)
        #: Lucene's idf of every term, ln(1 + (N - df + 0.5) / (df + 0.5)) (bm25s ``_score_idf_lucene``).
        self.idf: dict[str, float] = {
            t: math.log(1 + (self.size - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()
        }
        self._non_content = frozenset(self._stemmer.stemWords(_NON_CONTENT)) | frozenset(_NON_CONTENT)
        self._initials: dict[str, tuple[str, ...]] | None = None
        self._spellings: dict[str, str] = {}

    def rows(self, lo: int, hi: int) -> Bm25Index:
        """The part of this index that scores passages ``lo`` to ``hi - 1`` (a shard's rows), with
        this index's global statistics: vocabulary, idf and average length stay those of the whole
        corpus, so a passage's score is the same whichever shard holds it.

        bm25s stores each passage's score for each term, idf and length normalisation included, as
        a CSC matrix over the vocabulary (``scores``: ``data``, ``indices`` = passage, ``indptr`` per
        term; bm25s 0.3.16 ``build_index_from_ids``); the part keeps the entries of rows
        ``lo..hi-1``, renumbered from 0. Summed in the same term order, the scores are equal to
        the bit (tested).

        Args:
            lo, hi: ``0 <= lo <= hi <= size``; ``rows(0, 0)`` keeps only the global statistics
                (what a router needs for the upper bound and the coverage signal).

        Returns:
            A Bm25Index of ``hi - lo`` passages: :meth:`scores` gives ``(hi - lo,)`` values and
            :attr:`passage_terms` / :attr:`passage_units` hold those passages'.

        Raises:
            ValueError: the range is outside ``0..size``.
        """
        if not 0 <= lo <= hi <= self.size:
            raise ValueError(f"rows {lo}..{hi} outside 0..{self.size}")
        part = copy.copy(self)
        part.size = hi - lo
        part.passage_terms = self.passage_terms[lo:hi]
        part.passage_units = self.passage_units[lo:hi]
        if self._model is not None:
            matrix = self._model.scores
            indices = np.asarray(matrix["indices"])
            keep = (indices >= lo) & (indices < hi)
            kept_before = np.concatenate(([0], np.cumsum(keep))).astype(np.asarray(matrix["indptr"]).dtype)
            model = copy.copy(self._model)
            model.scores = {
                "data": np.asarray(matrix["data"])[keep],
                "indices": (indices[keep] - lo).astype(indices.dtype),
                "indptr": kept_before[np.asarray(matrix["indptr"])],
                "num_docs": hi - lo,
            }
            part._model = model
        return part

    def _tokenize(self, texts: list[str], surface: set[str] | None = None) -> list[list[str]]:
        return tokenize([normalize_for_matching(t) for t in texts], self._stemmer, surface)

    def tokenize_many(self, texts: list[str]) -> list[list[str]]:
        """Stemmed content terms and CJK bigrams of each text (see :func:`tokenize`)."""
        return self._tokenize(texts)

    def query_terms(self, query: str) -> list[str]:
        """The query's terms (stemmed non-stopwords, CJK bigrams), in order, duplicates kept; a
        misspelt word is read as the corpus term it most likely means (:meth:`spelled`)."""
        folded = normalize_for_matching(query)
        terms = tokenize([folded], self._stemmer)[0]
        if _HAS_CJK.search(folded) is not None or all(t in self.vocabulary for t in terms):
            return terms
        # The words behind the stems (tokenize's own pattern and stopwords, so the lists align).
        words = [w for w in _WORD.findall(folded.lower()) if w not in _STOPWORDS]
        return [t if t in self.vocabulary or w in _english_words() else self.spelled(w)
                for w, t in zip(words, terms, strict=True)]

    def spelled(self, word: str) -> str:
        """The term (stem) of ``word``, read as the corpus word it most likely misspells when its
        own stem is not in the corpus: the corpus word within a small edit distance, if there is
        one. :meth:`query_terms` asks only for words that are not English words either (a typo,
        not a word the corpus happens not to use: "population" must not become "popup").

        Why: people type questions fast ("astronaughts", "gaurentee", "mathmatical"), and a word
        the corpus never uses counts against the question in BM25 and in the coverage of the
        confidence signal, so an answerable question abstained (12 of the 35 answerable questions
        that abstained on the SQuAD 2.0 corpora of eval/RESULTS.md had such a typo).

        Words are compared before stemming, since a stem is a cut word and a typo moves its cut
        ("persecuton" stems to itself, one letter from the stem of "persecutor"; as words it is
        one letter from "persecution"). The budget is the usual one of spelling correctors: no
        correction below 5 letters (too many neighbours), 1 edit up to 7, 2 from 8 (optimal
        string alignment distance, so a swap of two letters is one edit; Damerau, CACM 1964); the
        first letter must match, which typists rarely get wrong, and words with digits (codes,
        years) or CJK are left as they are. Among words at the same distance, a missing or extra
        letter goes before a wrong one (fewer insertions and deletions: the InDel distance), then
        the word whose term is in more passages (lower idf), then alphabetical order.
        """
        stem = self._stemmer.stemWords([word])[0]
        if stem in self.vocabulary or len(word) < _SPELL_MIN_LENGTH or not word.isascii() or not word.isalpha():
            return stem
        cached = self._spellings.get(word)
        if cached is not None:
            return cached
        from rapidfuzz import process
        from rapidfuzz.distance import OSA, Indel

        budget = 1 if len(word) < _SPELL_TWO_EDITS else 2
        near = process.extract(word, self._by_initial().get(word[0], ()), scorer=OSA.distance,
                               score_cutoff=budget, limit=None)
        stems = dict(zip((m[0] for m in near), self._stemmer.stemWords([m[0] for m in near]), strict=True))
        best = min(near, key=lambda m: (m[1], Indel.distance(word, m[0]), self.idf.get(stems[m[0]], math.inf), m[0]),
                   default=None)
        found = stems[best[0]] if best is not None else stem
        if len(self._spellings) < _SPELL_CACHE:
            self._spellings[word] = found
        return found

    def _by_initial(self) -> dict[str, tuple[str, ...]]:
        """The corpus's words by first letter (what :meth:`spelled` searches), made on first use:
        most questions never need it."""
        if self._initials is None:
            groups: dict[str, list[str]] = {}
            for w in self._words:
                groups.setdefault(w[0], []).append(w)
            self._initials = {k: tuple(v) for k, v in groups.items()}
        return self._initials

    def content_terms(self, query_terms: list[str]) -> list[str]:
        """The terms of :meth:`query_terms` that are not question words or other NLTK stopwords.

        CJK bigrams are all kept: the stopword lists are English.
        """
        return [t for t in query_terms if t not in self._non_content]

    def evidence_units(self, query_terms: list[str]) -> list[str]:
        """The units the confidence signals count: the content terms, with CJK bigrams replaced by
        their distinct characters, in order.

        Why: a question's bigrams always straddle word boundaries (长江全长多少公里 gives 江全, 长多,
        少公), and those bigrams occur nowhere, so counted as terms they dilute the evidence of any
        CJK question; its characters do occur where the question is answered (measured on
        tests/mixed_folder.py: the Chinese fact's evidence went from 0.43 with bigrams to 0.75).
        Matched against :attr:`passage_units` and :attr:`vocabulary_units`.
        """
        units: list[str] = []
        seen_chars: set[str] = set()
        for term in self.content_terms(query_terms):
            if not _HAS_CJK.match(term):
                units.append(term)
                continue
            for char in term:
                if char not in seen_chars:
                    seen_chars.add(char)
                    units.append(char)
        return units

    def upper_bound(self, query_terms: list[str]) -> float:
        """The most any passage could score for a query: the sum of its terms' idf, since Lucene's
        term-frequency factor tf / (tf + k1 (1 - b + b dl / avgdl)) stays below 1 (Lucene 8+ BM25,
        without the (k1 + 1) numerator; Kamphuis et al., ECIR 2020). 0 when no term is known."""
        return float(sum(self.idf.get(t, 0.0) for t in query_terms if t in self.vocabulary))

    def scores(self, query_terms: list[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every passage for a query.

        Args:
            query_terms: the query's terms, from :meth:`query_terms`.

        Returns:
            ``(n_chunks,)`` float32, >= 0; all zeros when no query term is in the vocabulary.
        """
        terms = [t for t in query_terms if t in self.vocabulary]
        if not terms or self._model is None:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores(terms), dtype=np.float32)
