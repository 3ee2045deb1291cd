"""Transcripts → WebVTT: one cue per sentence, timed by character count, text escaped."""

from __future__ import annotations

import pytest

from hallbuilder.media.captions import cues, timestamp, webvtt


def test_a_chinese_transcript_is_timed_by_characters():
    assert webvtt("欢迎来到展厅。这件青铜器，有三千年历史！", 10.0) == (
        "WEBVTT\n\n"
        "1\n00:00:00.000 --> 00:00:03.500\n欢迎来到展厅。\n\n"
        "2\n00:00:03.500 --> 00:00:10.000\n这件青铜器，有三千年历史！\n"
    )


def test_sentences_split_at_chinese_and_latin_marks_but_not_inside_numbers():
    transcript = (
        '欢迎！“这是什么？”他问。请看；那边。\nWelcome to the hall. It is 3.5 m tall! Is it "old?" Yes'
    )
    assert cues(transcript) == [
        "欢迎！",
        "“这是什么？”",
        "他问。",
        "请看；",
        "那边。",
        "Welcome to the hall.",
        "It is 3.5 m tall!",
        'Is it "old?"',
        "Yes",
    ]


def test_a_long_sentence_is_cut_at_commas():
    sentence = "这件青铜器出土于一九七六年的河南安阳殷墟，器身刻有铭文四十余字，记录了一次祭祀活动的经过，是研究商代历史的重要实物。"
    assert cues(sentence) == [
        "这件青铜器出土于一九七六年的河南安阳殷墟，器身刻有铭文四十余字，",
        "记录了一次祭祀活动的经过，是研究商代历史的重要实物。",
    ]


def test_markup_in_the_transcript_is_escaped():
    text = webvtt("Tom & Jerry say <b>hi</b> --> bye.", 2.0)
    assert text.endswith("\nTom &amp; Jerry say &lt;b&gt;hi&lt;/b&gt; --&gt; bye.\n")


def test_the_last_cue_ends_at_the_duration_and_hours_are_written():
    assert timestamp(3723.4567) == "01:02:03.457"
    assert webvtt("One. Two.", 3725.0).splitlines()[-2] == "00:31:02.500 --> 01:02:05.000"


@pytest.mark.parametrize(
    ("transcript", "duration"), [("", 5.0), ("  \n ", 5.0), ("Hello.", None), ("Hello.", 0)]
)
def test_nothing_to_time_gives_no_captions(transcript, duration):
    assert webvtt(transcript, duration) is None
