"""dist/index.html: the hall's title and the start scene's preview paint before any JavaScript runs.

Every text from tour.json is escaped here; the tour itself is embedded as a JSON data block (not executed,
so the Content-Security-Policy can forbid inline scripts). The only inline style is hashed into the policy.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from hallbuilder.site.bundle import VIEWER_FOLDER, Bundle

ENTER = {"zh": "进入展厅", "zh-Hant": "進入展廳", "en": "Enter"}
NOSCRIPT = {
    "zh": "请开启 JavaScript 以参观线上展厅。",
    "zh-Hant": "請開啟 JavaScript 以參觀線上展廳。",
    "en": "Please enable JavaScript to visit the online hall.",
}

# Enough style to paint the cover and preview before the stylesheet arrives (the rest loads without blocking).
CRITICAL_CSS = (
    "html,body{margin:0;height:100%;background:#111;color:#fff;overflow:hidden;"
    "font:16px/1.5 system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif}"
    "#hb-app{position:fixed;inset:0}#hb-stage{position:absolute;inset:0}"
    "#hb-preview{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;z-index:5;pointer-events:none}"
    "#hb-cover{position:absolute;inset:0;z-index:20;display:flex;flex-direction:column;justify-content:flex-end;"
    "text-align:center}.hb-cover-image{position:absolute;inset:0;width:100%;height:100%;object-fit:cover}"
    ".hb-cover-text{position:relative;padding:48px 20px 28px;"
    "background:linear-gradient(transparent,rgba(0,0,0,.78) 40px)}"
    ".hb-cover-title{margin:0 0 4px;font-size:1.6rem;line-height:1.25}.hb-cover-subtitle{margin:0 0 8px}"
    ".hb-cover-description{max-width:36em;margin:0 auto 16px;font-size:.95rem}"
    "#hb-enter{min-width:180px;min-height:48px;border:0;border-radius:999px;background:#ffb000;color:#111;"
    "font-weight:700;font-size:1.1rem}[hidden]{display:none!important}.hb-ui{visibility:hidden}"
)


def text(value: dict | None, languages: list[str]) -> str:
    """A tour.json text in the hall's first language (else any)."""
    if not value:
        return ""
    for language in languages:
        if value.get(language):
            return value[language]
    return next((item for item in value.values() if item), "")


def family(language: str) -> str:
    """The static page's word table: Traditional for Cantonese, Hong Kong and Taiwan, Simplified, else English."""
    lowered = language.lower()
    if lowered.startswith(("yue", "zh-hant", "zh-hk", "zh-tw", "zh-mo")):
        return "zh-Hant"
    return "zh" if lowered.split("-")[0] in {"zh", "wuu", "nan", "hak", "cmn"} else "en"


def service_origin(tour: dict) -> str:
    """The origin of an absolute service URL, for connect-src ('' for none or a same-origin path)."""
    url = (tour.get("service") or {}).get("url") or ""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return ""


def content_security_policy(tour: dict) -> str:
    style_hash = base64.b64encode(hashlib.sha256(CRITICAL_CSS.encode()).digest()).decode()
    connect = " ".join(filter(None, ["'self'", service_origin(tour)]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            f"style-src 'self' 'sha256-{style_hash}'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            f"connect-src {connect}",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


INLINE_WIDTH = 640
INLINE_QUALITY = 50


def data_uri(path: Path) -> str | None:
    """The preview, made small (640 px, about 45 kB as base64) for inlining; None when the file is missing.

    The page paints it before anything else loads, so its bytes are the first view's whole cost. The build
    makes the small copy beside the preview while the tiles are made (inline_path); otherwise it is made here.
    """
    if not path.is_file():
        return None
    small = inline_path(path)
    data = small.read_bytes() if small.is_file() else inline_jpeg(path)
    return f"data:image/jpeg;base64,{base64.b64encode(data).decode()}"


def inline_path(preview: Path) -> Path:
    """Where the small copy of a preview is kept: beside it, `preview-….inline.jpg`."""
    return preview.with_name(f"{preview.stem}.inline.jpg")


def inline_jpeg(preview: Path) -> bytes:
    """The preview at 640 px wide, progressive JPEG."""
    from PIL import Image

    with Image.open(preview) as opened:
        picture = opened.convert("RGB")
        if picture.width > INLINE_WIDTH:
            height = round(picture.height * INLINE_WIDTH / picture.width)
            picture = picture.resize((INLINE_WIDTH, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=INLINE_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def embedded_json(tour: dict) -> str:
    """tour.json for a <script type=application/json> block: nothing in it can close the element."""
    raw = json.dumps(tour, ensure_ascii=False, separators=(",", ":"))
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def attr(value: object) -> str:
    return escape(str(value), quote=True)


def start_scene(tour: dict) -> dict:
    start = tour["hall"]["start"]
    return next((scene for scene in tour["scenes"] if scene["id"] == start), tour["scenes"][0])


def share_meta(title: str, description: str, image: str | None, public_url: str | None = None) -> list[str]:
    """Open Graph and WeChat (itemprop) share tags.

    Open Graph wants absolute addresses, which only `hall.url` gives: without it there is no og:url and no
    og:image (a relative one is ignored by every reader, `hallbuilder check` warns). Microdata addresses are
    resolved against the page, so `itemprop="image"` is written either way.
    """
    tags = [
        f'<meta name="description" content="{attr(description)}">',
        '<meta property="og:type" content="website">',
        f'<meta property="og:title" content="{attr(title)}">',
        f'<meta property="og:description" content="{attr(description)}">',
        f'<meta itemprop="name" content="{attr(title)}">',
        f'<meta itemprop="description" content="{attr(description)}">',
        '<meta name="twitter:card" content="summary_large_image">',
    ]
    if public_url:
        tags.append(f'<meta property="og:url" content="{attr(public_url)}">')
    if image:
        absolute = public_url + image if public_url else None
        if absolute:
            tags.append(f'<meta property="og:image" content="{attr(absolute)}">')
        tags.append(f'<meta itemprop="image" content="{attr(absolute or image)}">')
    return tags


def render_page(tour: dict, bundle: Bundle, dist_dir: Path) -> str:
    """The whole index.html as a string."""
    hall = tour["hall"]
    languages = hall["languages"]
    lang = languages[0]
    title = text(hall["title"], languages)
    subtitle = text(hall.get("subtitle"), languages)
    hall_description = text(hall.get("description"), languages)
    description = hall_description or subtitle or title
    scene = start_scene(tour)
    preview = scene["panorama"].get("preview") or {}
    inline = data_uri(dist_dir / preview["src"]) if preview.get("src") else None
    cover = (hall.get("cover") or {}).get("src")
    share_image = cover or preview.get("src") or scene["panorama"]["thumb"]
    picture = inline or preview.get("src")
    viewer = f"{VIEWER_FOLDER}/"
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">',
        f'<meta http-equiv="Content-Security-Policy" content="{attr(content_security_policy(tour))}">',
        '<meta name="referrer" content="strict-origin-when-cross-origin">',
        '<meta name="theme-color" content="#111111">',
        # Opened from the home screen, iPhone shows the tour without Safari's bars: its only fullscreen.
        '<meta name="apple-mobile-web-app-capable" content="yes">',
        '<meta name="mobile-web-app-capable" content="yes">',
        '<link rel="icon" href="data:,">',
        f"<title>{escape(title)}</title>",
        *share_meta(title, description, share_image, hall.get("url")),
        f"<style>{CRITICAL_CSS}</style>",
    ]
    # After the preview in the byte stream: nothing competes with it for the first view's bandwidth.
    loading = [
        f'<link rel="preload" as="fetch" crossorigin href="{attr(scene["panorama"]["base"])}">',
        f'<link rel="stylesheet" href="{attr(viewer + bundle.css)}" media="print" id="hb-css">',
        *(
            f'<link rel="modulepreload" href="{attr(viewer + name)}">'
            for name in bundle.preload + bundle.viewer
        ),
        f'<script type="module" src="{attr(viewer + bundle.entry)}"></script>',
    ]
    image = (
        f'<img id="hb-preview" src="{attr(picture)}" alt="" elementtiming="preview" decoding="sync">'
        if picture
        else ""
    )
    body = [
        '<div id="hb-app">',
        '<div id="hb-stage"></div>',
        image,
        '<section id="hb-cover">',
        f'<img class="hb-cover-image" src="{attr(cover)}" alt="">' if cover else "",
        '<div class="hb-cover-text">',
        f'<h1 class="hb-cover-title">{escape(title)}</h1>',
        f'<p class="hb-cover-subtitle">{escape(subtitle)}</p>' if subtitle else "",
        f'<p class="hb-cover-description">{escape(hall_description)}</p>' if hall_description else "",
        f'<button type="button" id="hb-enter" hidden>{escape(ENTER[family(lang)])}</button>',
        f"<noscript><p>{escape(NOSCRIPT[family(lang)])}</p></noscript>",
        "</div>",
        "</section>",
        "</div>",
        f'<script type="application/json" id="hb-tour">{embedded_json(tour)}</script>',
        *loading,
    ]
    return (
        f'<!doctype html>\n<html lang="{attr(lang)}">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )
