"""Statistics: views and unique visitors per day and per scene, top scenes, charts, CSV export."""

from __future__ import annotations

from datetime import timedelta

from flask import Response, render_template, request

from hallbuilder.service.admin import blueprint
from hallbuilder.service.admin.auth import login_required
from hallbuilder.service.admin.charts import bars
from hallbuilder.service.admin.common import all_halls, required_hall
from hallbuilder.service.admin.exports import to_csv
from hallbuilder.service.context import service, today
from hallbuilder.service.numbers import number_or_400
from hallbuilder.service.store import views
from hallbuilder.service.store.tables import scenes


def _figures(hall: str, days: int) -> dict:
    since = today() - timedelta(days=days - 1)
    service().flush_views()
    with service().database.read() as connection:
        titles = dict(
            connection.execute(
                scenes.select().with_only_columns(scenes.c.id, scenes.c.title).where(scenes.c.hall_id == hall)
            ).all()
        )
        per_day = views.by_day(connection, hall, since)
        per_scene = views.by_target(connection, hall, since=since)
        total = views.totals(connection, hall, since=since)
    top = sorted(
        ({"id": key, "title": titles.get(key, key), **value} for key, value in per_scene.items()),
        key=lambda row: (-row["views"], row["id"]),
    )
    return {"since": since, "per_day": per_day, "top": top, "total": total}


def _days() -> int:
    """`?days=` from 1 to 366 (larger asks get a year), 30 when absent; 400 when it is not a number."""
    raw = request.args.get("days", "").strip()
    return min(max(number_or_400("days", raw), 1), 366) if raw else 30


@blueprint.route("/stats")
@login_required(role="organiser")
def stats_page():
    hall = required_hall()
    days = _days()
    figures = _figures(hall, days)
    day_points = [(row["day"].isoformat(), row["views"]) for row in figures["per_day"]]
    visitor_points = [(row["day"].isoformat(), row["visitors"]) for row in figures["per_day"]]
    scene_points = [(row["title"], row["views"]) for row in figures["top"][:20]]
    return render_template(
        "admin/stats.html",
        hall=hall,
        halls=all_halls(),
        days=days,
        **figures,
        views_chart=bars(day_points, label="views per day"),
        visitors_chart=bars(visitor_points, label="unique visitors per day"),
        scenes_chart=bars(scene_points, label="views per scene"),
    )


@blueprint.route("/stats.csv")
@login_required(role="organiser")
def stats_csv():
    hall = required_hall()
    figures = _figures(hall, _days())
    rows = [["day", row["day"].isoformat(), "", row["views"], row["visitors"]] for row in figures["per_day"]]
    rows += [["scene", row["id"], row["title"], row["views"], row["visitors"]] for row in figures["top"]]
    body = to_csv(["kind", "key", "title", "views", "visitors"], rows)
    return Response(
        body, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="stats-{hall}.csv"'}
    )
