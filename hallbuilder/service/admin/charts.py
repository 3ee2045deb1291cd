"""Server-rendered inline SVG bar charts (no CDN, no script): numbers become geometry, labels are escaped."""

from __future__ import annotations

from markupsafe import Markup, escape


def bars(points: list[tuple[str, int]], width: int = 640, height: int = 160, label: str = "") -> Markup:
    """A bar per (label, value); the tallest bar fills the height."""
    if not points:
        return Markup('<p class="muted">No data yet.</p>')
    top = max(value for _, value in points) or 1
    step = width / len(points)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height + 20}" width="100%" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, (name, value) in enumerate(points):
        bar = round(value / top * height, 1)
        x = round(index * step + step * 0.1, 1)
        parts.append(
            f'<rect x="{x}" y="{height - bar}" width="{round(step * 0.8, 1)}" height="{bar}">'
            f"<title>{escape(name)}: {int(value)}</title></rect>"
        )
    parts.append(f'<text x="0" y="{height + 15}">{escape(points[0][0])}</text>')
    parts.append(f'<text x="{width}" y="{height + 15}" text-anchor="end">{escape(points[-1][0])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
