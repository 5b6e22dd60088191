"""Balance: each speaker's airtime and how much of the article is quoted speech."""

from __future__ import annotations

from frame_builders import ArticleBuilder
from quotetrace.frame import frame_article
from quotetrace.records import Airtime
from quotetrace.text.tokens import word_count


def build():
    text = (
        "Harbour council votes on ferry\n\n"
        'The council met on Monday. "We cannot keep the ferry running," Mayor Ana Ruiz said.\n\n'
        "Opposition leader Tom Berg said the ferry was profitable. Some residents cheered.\n\n"
        '"Nobody asked us," a sign read.'
    )
    b = ArticleBuilder(text, title="Harbour council votes on ferry")
    b.quote('"We cannot keep the ferry running,"', cue="said", lemma="say", speaker="Ana Ruiz",
            mention="Mayor Ana Ruiz")  # fmt: skip
    b.quote("the ferry was profitable", kind="indirect", cue="said", lemma="say",
            speaker="Tom Berg", mention="Opposition leader Tom Berg")  # fmt: skip
    b.quote('"Nobody asked us,"')
    return b.build()


def test_balance_counts_and_shares():
    article = build()
    bal = frame_article(article).balance
    assert bal.article_words == word_count(article.text)
    speakers = {s.name: s for s in bal.speakers}
    assert speakers["Ana Ruiz"] == Airtime(
        name="Ana Ruiz", quotes=1, words=6, quoted_words=6, share=round(6 / bal.article_words, 3)
    )
    # A paraphrase is the speaker's airtime but the writer's words.
    assert speakers["Tom Berg"].words == 4 and speakers["Tom Berg"].quoted_words == 0
    assert speakers["(unattributed)"].quoted_words == 3
    assert bal.quoted_words == 9 and bal.paraphrased_words == 4
    assert bal.quoted_share + bal.writer_share == 1.0
    assert bal.cue_classes == {"neutral": 2, "unattributed": 1}
    assert [s.name for s in bal.speakers] == ["Ana Ruiz", "Tom Berg", "(unattributed)"]


def test_mixed_quote_counts_only_its_quoted_words_as_quoted():
    text = 'The chief said the plan was "dead on arrival" and withdrew it.'
    b = ArticleBuilder(text)
    b.quote('the plan was "dead on arrival"', kind="mixed", cue="said", speaker="The chief")
    (s,) = frame_article(b.build()).balance.speakers
    assert (s.words, s.quoted_words) == (6, 3)


def test_empty_article():
    bal = frame_article(ArticleBuilder("Nothing was said.").build()).balance
    assert bal.speakers == [] and bal.quoted_share == 0.0 and bal.writer_share == 1.0


def test_frame_article_is_pure():
    article = build()
    before = article.to_dict()
    framed = frame_article(article)
    assert article.to_dict() == before  # the input is not modified
    assert framed is not article and all(q.frame for q in framed.quotes)
    assert frame_article(framed).to_dict() == framed.to_dict()  # idempotent
