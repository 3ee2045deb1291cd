""" "Scan to listen": an audio-first page per narrated scene, for visitors who would rather listen than look.

`dist/listen/<scene-id>.html` is plain HTML with large text, one big play button per language, the transcript and
captions. It needs no viewer bundle and works without JavaScript (every language is then shown, one under another);
`listen.js` shows one language (the link's, else the tour's remembered one, else the browser's), puts the page's
own words in it, drives the big buttons and shows the captions line by line (browsers draw no captions for
<audio>). `hallbuilder qr` prints a code for each page.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

FOLDER = "listen"
LANGUAGE_NAMES = {
    "zh-CN": "普通话",
    "zh": "中文",
    "zh-TW": "國語",
    "zh-HK": "粵語",
    "yue": "粤语",
    "hak": "客家话",
    "nan": "闽南语",
    "wuu": "吴语",
    "en": "English",
    "fr": "Français",
    "ja": "日本語",
    "ko": "한국어",
}
WORDS = {
    "zh": {
        "play": "▶ 播放讲解",
        "pause": "❚❚ 暂停",
        "tour": "在全景中查看",
        "language": "语言",
        "transcript": "讲解文稿",
    },
    "zh-Hant": {
        "play": "▶ 播放講解",
        "pause": "❚❚ 暫停",
        "tour": "在全景中查看",
        "language": "語言",
        "transcript": "講解文稿",
    },
    "en": {
        "play": "▶ Play",
        "pause": "❚❚ Pause",
        "tour": "See it in the tour",
        "language": "Language",
        "transcript": "Transcript",
    },
}
STYLE = """
html { font-size: 125%; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; line-height: 1.6;
       background: #fffaf3; color: #1a1a1a; }
main { max-width: 40rem; margin: 0 auto; padding: 1.25rem 1.25rem 3rem; }
.hall { margin: 0; color: #8a1c1c; font-weight: 600; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.25rem 0 1rem; }
nav { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-bottom: 1rem; }
nav a { padding: 0.5rem 1rem; border: 2px solid #8a1c1c; border-radius: 2rem; color: #8a1c1c; text-decoration: none; }
nav a[aria-current="true"] { background: #8a1c1c; color: #fff; }
h2 { font-size: 1.2rem; margin: 1rem 0 0.5rem; }
.play { display: block; width: 100%; min-height: 5rem; font-size: 1.6rem; font-weight: 700; border: 0;
        border-radius: 1rem; background: #b22222; color: #fff; cursor: pointer; }
.play:focus-visible, nav a:focus-visible { outline: 4px solid #ffbf47; outline-offset: 3px; }
audio { width: 100%; margin: 0.75rem 0; }
.transcript-title { font-size: 1.05rem; margin: 1rem 0 0.25rem; color: #555; }
.transcript { font-size: 1.15rem; white-space: pre-wrap; margin-top: 0; }
.back { display: inline-block; margin-top: 1.5rem; font-size: 1.1rem; color: #8a1c1c; }
.caption { min-height: 1.6em; margin: 0.5rem 0; padding: 0.5rem 0.75rem; border-radius: 0.5rem; background: #1a1a1a;
           color: #fff; font-size: 1.3rem; }
.caption:empty { visibility: hidden; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
"""
SCRIPT = """(function () {
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.narration'));
  var links = Array.prototype.slice.call(document.querySelectorAll('nav a'));
  var codes = sections.map(function (s) { return s.id; });
  var KEY = 'hallbuilder:lang';
  function stored() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function remember(code) { try { localStorage.setItem(KEY, code); } catch (e) { /* private mode */ } }
  function lower(code) { return String(code || '').toLowerCase(); }
  function fromBrowser() {
    var wanted = navigator.languages || [navigator.language];
    for (var i = 0; i < wanted.length; i++) {
      var w = lower(wanted[i]);
      for (var j = 0; j < codes.length; j++) if (lower(codes[j]) === w) return codes[j];
      if (/^zh-(hk|mo)/.test(w) && codes.indexOf('yue') >= 0) return 'yue';
      for (var k = 0; k < codes.length; k++) if (lower(codes[k]).split('-')[0] === w.split('-')[0]) return codes[k];
    }
    return null;
  }
  function chosen() {
    var wanted = location.hash.slice(1);
    if (codes.indexOf(wanted) >= 0) return wanted;
    var saved = stored();
    if (codes.indexOf(saved) >= 0) return saved;
    return fromBrowser() || codes[0];
  }
  function show() {
    var code = chosen();
    sections.forEach(function (s) {
      s.hidden = s.id !== code;
      var audio = s.querySelector('audio');
      if (audio && s.id !== code) audio.pause();
    });
    links.forEach(function (a) { a.setAttribute('aria-current', a.getAttribute('href') === '#' + code); });
    document.documentElement.lang = code;
    Array.prototype.forEach.call(document.querySelectorAll('[data-texts]'), function (node) {
      var texts = JSON.parse(node.getAttribute('data-texts'));
      var text = texts[code] || texts[node.getAttribute('data-default')] || '';
      if (node.hasAttribute('data-attribute')) node.setAttribute(node.getAttribute('data-attribute'), text);
      else node.textContent = text;
    });
    var title = document.querySelector('h1').textContent + ' · ' + document.querySelector('.hall').textContent;
    document.title = title;
  }
  Array.prototype.forEach.call(document.querySelectorAll('button.play'), function (button) {
    var audio = document.getElementById(button.getAttribute('data-audio'));
    var line = document.getElementById(button.getAttribute('data-caption'));
    button.addEventListener('click', function () { if (audio.paused) audio.play(); else audio.pause(); });
    audio.addEventListener('play', function () { button.textContent = button.getAttribute('data-pause'); });
    audio.addEventListener('pause', function () { button.textContent = button.getAttribute('data-play'); });
    var track = audio.textTracks && audio.textTracks[0];
    if (track && line) {
      track.mode = 'hidden';
      track.addEventListener('cuechange', function () {
        var cue = track.activeCues && track.activeCues[0];
        line.textContent = cue ? (cue.getCueAsHTML ? cue.getCueAsHTML().textContent : cue.text) : '';
      });
    }
  });
  links.forEach(function (a) {
    a.addEventListener('click', function () { remember(a.getAttribute('href').slice(1)); });
  });
  window.addEventListener('hashchange', show);
  show();
})();
"""
POLICY = (
    "default-src 'none'; media-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)


def pick(text: dict[str, str] | None, language: str, fallback: str) -> str:
    text = text or {}
    return text.get(language) or text.get(fallback) or next(iter(text.values()), "")


def words(language: str) -> dict[str, str]:
    """The page's words in a narration's language: Traditional for Cantonese, Hong Kong and Taiwan."""
    if language.lower().startswith(("yue", "zh-hant", "zh-hk", "zh-tw", "zh-mo")):
        return WORDS["zh-Hant"]
    return WORDS["zh" if language.startswith(("zh", "hak", "nan", "wuu")) else "en"]


def texts(values: dict[str, str], default: str, attribute: str | None = None) -> str:
    """`data-texts` (the same words in every narration language) for listen.js to switch; escaped."""
    parts = [
        f'data-texts="{escape(json.dumps(values, ensure_ascii=False))}"',
        f'data-default="{escape(default)}"',
    ]
    if attribute:
        parts.append(f'data-attribute="{escape(attribute)}"')
    return " ".join(parts)


def narration_section(language: str, narration: dict) -> str:
    name = LANGUAGE_NAMES.get(language, language)
    say = words(language)
    parts = [
        f'<section class="narration" id="{escape(language)}" lang="{escape(language)}">',
        f"<h2>{escape(name)}</h2>",
    ]
    if narration.get("audio"):
        audio_id = f"audio-{escape(language)}"
        caption_id = f"caption-{escape(language)}"
        parts.append(
            f'<button type="button" class="play" data-audio="{audio_id}" data-caption="{caption_id}" '
            f'data-play="{escape(say["play"])}" data-pause="{escape(say["pause"])}">{escape(say["play"])}</button>'
        )
        track = (
            f'<track kind="captions" src="../{escape(narration["captions"])}" srclang="{escape(language)}" '
            f'label="{escape(name)}" default>'
            if narration.get("captions")
            else ""
        )
        parts.append(
            f'<audio id="{audio_id}" controls preload="metadata" src="../{escape(narration["audio"])}">{track}</audio>'
        )
        if narration.get("captions"):
            parts.append(f'<p class="caption" id="{caption_id}" aria-hidden="true"></p>')
    if narration.get("transcript"):
        parts.append(f'<h3 class="transcript-title">{escape(say["transcript"])}</h3>')
        parts.append(f'<p class="transcript">{escape(narration["transcript"])}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def render_listen_page(tour: dict, scene: dict) -> str:
    languages = tour["hall"]["languages"]
    default = languages[0]
    ordered = [code for code in languages if code in scene["narration"]]
    say = words(default)
    hall_title = pick(tour["hall"]["title"], default, default)
    scene_title = pick(scene["title"], default, default)
    nav = "".join(
        f'<a href="#{escape(code)}" lang="{escape(code)}">{escape(LANGUAGE_NAMES.get(code, code))}</a>'
        for code in ordered
    )
    sections = "\n".join(narration_section(code, scene["narration"][code]) for code in ordered)
    hall_texts = texts({code: pick(tour["hall"]["title"], code, default) for code in ordered}, default)
    scene_texts = texts({code: pick(scene["title"], code, default) for code in ordered}, default)
    back_texts = texts({code: words(code)["tour"] for code in ordered}, default)
    nav_texts = texts({code: words(code)["language"] for code in ordered}, default, "aria-label")
    return (
        f'<!doctype html>\n<html lang="{escape(default)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        f"<title>{escape(scene_title)} · {escape(hall_title)}</title>\n"
        '<link rel="icon" href="data:,">\n<link rel="stylesheet" href="listen.css">\n</head>\n<body>\n<main>\n'
        f'<p class="hall" {hall_texts}>{escape(hall_title)}</p>\n<h1 {scene_texts}>{escape(scene_title)}</h1>\n'
        f'<nav aria-label="{escape(say["language"])}" {nav_texts}>{nav}</nav>\n{sections}\n'
        f'<a class="back" href="../#scene={escape(scene["id"])}" {back_texts}>{escape(say["tour"])}</a>\n'
        '</main>\n<script src="listen.js"></script>\n</body>\n</html>\n'
    )


def narrated_scenes(tour: dict) -> list[dict]:
    return [scene for scene in tour["scenes"] if scene.get("narration")]


def write_listen_pages(dist_dir: Path, tour: dict) -> list[Path]:
    """dist/listen/<scene-id>.html for every scene with narration, plus its stylesheet and script."""
    scenes = narrated_scenes(tour)
    if not scenes:
        return []
    folder = dist_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "listen.css").write_text(STYLE.lstrip(), "utf-8")
    (folder / "listen.js").write_text(SCRIPT, "utf-8")
    pages = []
    for scene in scenes:
        page = folder / f"{scene['id']}.html"
        page.write_text(render_listen_page(tour, scene), "utf-8")
        pages.append(page)
    return pages
