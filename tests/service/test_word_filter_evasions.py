"""The word filter against the tricks people use to get past it, through the API on both databases.

Each row is one evasion and what must happen to it: `blocked` (422, the block list), `held` (201, pending: the
review list or contact details) or `published` (201, published: ordinary text must stay untouched). Run with
`-v` to see the table: every test id names the trick and the outcome.
"""

from __future__ import annotations

import pytest

from hallbuilder.service.store import halls, words
from hallbuilder.service.store.tables import comments

URL = "/api/halls/demo-hall/comments"
BLOCK = ["坏词", "casino"]
REVIEW = ["审核"]

EVASIONS = [
    # the listed words themselves, and the forms the filter always folded
    ("plain Chinese", "这里有坏词", "blocked"),
    ("plain Latin", "play casino now", "blocked"),
    ("upper case", "CASINO", "blocked"),
    ("Traditional characters", "這裡有壞詞", "blocked"),
    ("full-width letters", "ＣＡＳＩＮＯ", "blocked"),
    ("spaces between letters", "c a s i n o", "blocked"),
    ("dots between letters", "c.a.s.i.n.o", "blocked"),
    ("zero-width space", "坏\u200b词", "blocked"),
    # invisible characters
    ("Hangul filler U+3164", "坏\u3164词", "blocked"),
    ("half-width Hangul filler U+FFA0", "坏\uffa0词", "blocked"),
    ("Hangul choseong filler U+115F", "坏\u115f词", "blocked"),
    ("Hangul jungseong filler U+1160", "cas\u1160ino", "blocked"),
    ("word joiner U+2060", "坏\u2060词", "blocked"),
    ("zero-width joiner", "cas\u200dino", "blocked"),
    ("byte order mark", "坏\ufeff词", "blocked"),
    ("soft hyphen", "cas\u00adino", "blocked"),
    ("combining grapheme joiner", "cas\u034fino", "blocked"),
    ("Mongolian vowel separator", "坏\u180e词", "blocked"),
    ("variation selector", "坏\ufe0f词", "blocked"),
    ("tag character", "cas\U000e0041ino", "blocked"),
    ("braille blank", "坏\u2800词", "blocked"),
    # right-to-left tricks: the text shows the word although it is stored backwards
    ("RTL override, reversed Latin", "\u202eonisac", "blocked"),
    ("RTL override, reversed Chinese", "\u202e词坏", "blocked"),
    ("RTL override inside a sentence", "try \u202eonisac\u202c today", "blocked"),
    ("LTR mark between letters", "casi\u200eno", "blocked"),
    # look-alike letters
    ("Cyrillic а", "cаsino", "blocked"),
    ("Cyrillic с а і о", "саsіnо", "blocked"),
    ("Greek α and ο", "cαsinο", "blocked"),
    ("Latin alpha ɑ", "cɑsino", "blocked"),
    ("small capitals", "ᴄᴀꜱɪɴᴏ", "blocked"),
    ("accented letters", "càsíñó", "blocked"),
    ("stacked combining marks", "c\u0337a\u0338s\u0335i\u0336n\u0334o\u0337", "blocked"),
    ("mathematical bold", "𝐜𝐚𝐬𝐢𝐧𝐨", "blocked"),
    ("mathematical script", "𝓬𝓪𝓼𝓲𝓷𝓸", "blocked"),
    ("circled letters", "ⓒⓐⓢⓘⓝⓞ", "blocked"),
    ("superscript letters", "ᶜᵃˢⁱⁿᵒ", "blocked"),
    ("look-alikes and invisibles together", "С\u200bа\u3164ѕ\u2060і\u00adn\u202c𝗈", "blocked"),
    # the review list
    ("review word", "要审核的话", "held"),
    ("review word with a Hangul filler", "审\u3164核", "held"),
    # links written so a filter misses the dot
    ("www address", "看 www.example.com", "held"),
    ("https address", "https://example.org/x", "held"),
    ("(.) for the dot", "spam(.)com", "held"),
    ("[.] for the dot", "spam[.]com", "held"),
    ("(dot) for the dot", "spam(dot)com", "held"),
    ("middle dot", "spam·com", "held"),
    ("katakana middle dot", "spam・com", "held"),
    ("ideographic full stop", "spam。com", "held"),
    ("点 for the dot", "spam点com", "held"),
    ("dot with spaces", "spam . com", "held"),
    ("newer TLD .shop", "spam.shop", "held"),
    ("TLD .top", "spam.top", "held"),
    ("full-width domain", "ｓｐａｍ．ｃｏｍ", "held"),
    ("Cyrillic letters in a domain", "spаm.cоm", "held"),
    ("domain spread out with spaces", "s p a m . c o m", "held"),
    ("domain followed by Chinese", "spam.com看看", "held"),
    # phone numbers
    ("phone in digits", "电话 13800138000", "held"),
    ("phone with spaces", "电话 138 0013 8000", "held"),
    ("phone with zero-width spaces", "138\u200b0013\u200b8000", "held"),
    ("phone in full-width digits", "１３８００１３８０００", "held"),
    ("phone in circled digits", "①③⑧⓪⓪①③⑧⓪⓪⓪", "held"),
    ("phone in Chinese numerals", "一三八零零一三八零零零", "held"),
    ("phone in 〇 and 幺", "幺三八〇〇幺三八〇〇〇", "held"),
    ("phone in financial numerals", "壹叁捌零零壹叁捌零零零", "held"),
    ("phone in Traditional financial numerals", "壹參捌零零壹參捌零零零", "held"),
    # WeChat and QQ
    ("微信", "加我微信 abc123", "held"),
    ("维信", "加维信 abc123", "held"),
    ("威信", "威信号 abc", "held"),
    ("V信", "V信 abc", "held"),
    ("V X with spaces", "加 V X：hello_2024", "held"),
    ("wechat with Cyrillic е", "wеchat: abc", "held"),
    ("full-width VX", "ＶＸ abc", "held"),
    ("QQ number", "QQ 12345", "held"),
    # ordinary comments stay published
    ("ordinary Chinese", "普通评论", "published"),
    ("numbers in a sentence", "这个展厅很好看，一二三楼都去了", "published"),
    ("a date", "2026年12月1日来过", "published"),
    ("sentence ending before a word like a TLD", "Great. Live music tonight", "published"),
    ("Me too after a full stop", "Thanks. Me too", "published"),
    ("French accents", "C'est magnifique, café au lait", "published"),
    ("emoji family", "👨\u200d👩\u200d👧 一家人来看展", "published"),
    ("emoji with selector", "❤\ufe0f 喜欢", "published"),
    ("Cyrillic sentence", "Очень красиво", "published"),
]


@pytest.fixture
def filtered(client, database):
    with database.write() as connection:
        halls.set_moderation(connection, "demo-hall", "post")
        words.replace(connection, "demo-hall", "block", BLOCK)
        words.replace(connection, "demo-hall", "review", REVIEW)
    return client


def outcome(response) -> str:
    if response.status_code == 422:
        assert response.get_json()["message"].startswith("Your text contains a word that is not allowed here")
        return "blocked"
    assert response.status_code == 201, response.get_json()
    return {"pending": "held", "published": "published"}[response.get_json()["comment"]["status"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=f"{label} -> {expected}") for label, text, expected in EVASIONS],
)
def test_evasion(filtered, text, expected):
    assert outcome(filtered.post(URL, json={"nickname": "访客", "text": text})) == expected


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        pytest.param(
            "好看\u200b的\u3164展厅\u2066！\u2069\ufeff 👨\u200d👩\u200d👧",
            "好看的展厅！ 👨\u200d👩\u200d👧",
            id="invisibles out, emoji joiners kept",
        ),
        pytest.param("\u202e厅展的看好", "好看的展厅", id="an RTL override is stored as it was shown"),
        pytest.param("看\u202dok\u202c了", "看ok了", id="an LTR override is dropped"),
    ],
)
def test_invisible_and_bidi_characters_are_not_stored(filtered, database, sent, stored):
    response = filtered.post(URL, json={"nickname": "小\u200b明\u3164", "text": sent})
    assert response.status_code == 201
    assert response.get_json()["comment"]["text"] == stored
    query = comments.select().with_only_columns(comments.c.nickname, comments.c.text)
    with database.read() as connection:
        [(nickname, text)] = connection.execute(query)
    assert (nickname, text) == ("小明", stored)


RESERVED = "This nickname is reserved for the organisers; please choose another."
BLANK = "Write something others can see: this is empty or only invisible characters."


@pytest.mark.parametrize(
    "nickname",
    [
        pytest.param("Аdmin", id="Cyrillic А"),
        pytest.param("аdmіn", id="Cyrillic а and і"),
        pytest.param("ᴀᴅᴍɪɴ", id="small capitals"),
        pytest.param("Àdmín", id="accents"),
        pytest.param("𝐀𝐝𝐦𝐢𝐧", id="mathematical bold"),
        pytest.param("Ad\u200bmin", id="zero-width space"),
        pytest.param("Ad\u3164min", id="Hangul filler"),
        pytest.param("\u202enimdA", id="RTL override"),
        pytest.param("管\u3164理员", id="Chinese with a Hangul filler"),
        pytest.param("官\u200d方", id="Chinese with a zero-width joiner"),
        pytest.param("МОDЕRАТОR", id="Cyrillic capitals"),
    ],
)
def test_reserved_nicknames_survive_the_same_tricks(filtered, nickname):
    response = filtered.post(URL, json={"nickname": nickname, "text": "你好"})
    assert response.status_code == 422
    assert response.get_json()["message"] == RESERVED


@pytest.mark.parametrize(
    "nickname",
    [
        pytest.param("\u3164", id="Hangul filler"),
        pytest.param("\u115f\u1160", id="Hangul choseong and jungseong fillers"),
        pytest.param("\u200b\u200b", id="zero-width spaces"),
        pytest.param("\u2800", id="braille blank"),
        pytest.param("\u202e\u202c", id="bidi controls"),
        pytest.param("   ", id="spaces"),
        pytest.param("\u3000", id="ideographic space"),
    ],
)
def test_blank_or_invisible_nicknames_are_refused(filtered, nickname):
    response = filtered.post(URL, json={"nickname": nickname, "text": "你好"})
    assert response.status_code == 422
    assert response.get_json()["errors"]["json"]["nickname"] == [BLANK]


def test_invisible_only_text_is_refused(filtered):
    response = filtered.post(URL, json={"nickname": "小明", "text": "\u3164\u200b\u2800"})
    assert response.status_code == 422
    assert response.get_json()["message"] == f"text: {BLANK}"


def test_an_edit_is_filtered_the_same_way(filtered):
    created = filtered.post(URL, json={"nickname": "小明", "text": "你好"})
    comment_id, token = created.get_json()["comment"]["id"], created.get_json()["edit_token"]
    edited = filtered.patch(
        f"{URL}/{comment_id}", json={"text": "\u202eonisac"}, headers={"X-Edit-Token": token}
    )
    assert edited.status_code == 422


def test_words_typed_with_tricks_by_an_organiser_still_match(filtered, database):
    with database.write() as connection:
        words.replace(connection, "demo-hall", "block", ["ᴄᴀѕɪɴᴏ", "赌\u200b博"])
    assert outcome(filtered.post(URL, json={"nickname": "访客", "text": "casino"})) == "blocked"
    assert outcome(filtered.post(URL, json={"nickname": "访客", "text": "去赌博"})) == "blocked"
