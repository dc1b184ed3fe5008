"""The seed article: byte for byte, hashed, split into sentences."""

from __future__ import annotations

import hashlib

from scripts.load.article import load_article, split_sentences

from .conftest import ROOT, SEED

SEED_SHA256 = "7f3f28df80beb035f1d0132cc62bbc2ee61c928d646212b007d2cd4267aaee9d"


def test_article_is_the_seed_byte_for_byte():
    data = (ROOT / "sources" / "articles" / SEED / "article.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    assert not data.endswith(b"\n") and "“".encode() in data


def test_article_has_twelve_sentences_and_the_stray_full_stop_is_not_one():
    article = load_article(ROOT / "sources" / "articles" / SEED)
    assert len(article.sentences) == 12
    assert article.sentences[0].text.startswith("On Tuesday, US Secretary of State")
    assert article.sentences[-1].text.endswith("requiring Russian troops to leave Ukraine.")
    assert all(s.text == article.text[s.start : s.end] for s in article.sentences)


def test_sentence_splitting_keeps_offsets_in_the_original_text():
    text = "He said: “Go.” Then he left.\nNext day. ."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
