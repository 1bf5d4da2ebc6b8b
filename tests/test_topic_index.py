"""The topic index of the notes reader: never misses a matching agenda item, and stays flat.

A new heading is compared with the agenda items read so far only when the index says one may
match; the index must never say no when an item does match (the reader's results would
change), and it must not grow in cost with the number of items (the reader would be quadratic).
"""

from __future__ import annotations

import random
import time

from docgen.readers.markdown_minutes.collect import Agenda
from docgen.readers.markdown_minutes.topic_index import TopicIndex, same_topic, topic_key, whole_word_parts

WORDS = ["budget", "review", "2027", "q3", "release", "planning", "c++", "risk", "log", "a", "x-ray",
         "hr/payroll", "don't", "topic", "1", "10", "interfaces", "go-live", "&", "update"]


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 7)))


def test_the_index_says_yes_whenever_an_item_names_the_same_topic():
    rng = random.Random(14)
    for _ in range(60):
        index, keys = TopicIndex([]), []
        for _ in range(40):
            title = _title(rng)
            key = topic_key(title)
            if any(same_topic(key, other) for other in keys):
                assert index.may_match(key), (key, keys)
            index.add(Agenda(title, 1))
            keys.append(key)


def test_a_long_title_with_many_words_is_still_found_inside_a_longer_one():
    words = [f"{chr(97 + n // 26)}{chr(97 + n % 26)}" for n in range(40)]  # aa ab ...: 119 characters
    longer = " ".join(words)
    assert whole_word_parts(topic_key(longer)) is None  # too many parts: searched as text
    index = TopicIndex([Agenda(longer, 1)])
    shorter = " ".join(words[:21])  # more than half of it
    assert same_topic(topic_key(shorter), topic_key(longer))
    assert index.may_match(topic_key(shorter))


def test_distinct_topics_are_not_compared_and_a_query_costs_the_same_with_many_items():
    def index_of(count: int) -> TopicIndex:
        return TopicIndex([Agenda(f"Topic {n}: release planning {n}", n) for n in range(count)])

    small, large = index_of(500), index_of(20_000)
    queries = [topic_key(f"Topic {n}: release planning {n}") for n in range(20_000, 21_000)]
    assert not any(large.may_match(q) for q in queries)
    assert large.may_match(topic_key("Topic 7: release planning 7"))

    def best(index: TopicIndex) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            for q in queries:
                index.may_match(q)
            times.append(time.perf_counter() - start)
        return min(times)

    assert best(large) < 2 * best(small)  # 40 times the items: the text search of them all took 3.8x
