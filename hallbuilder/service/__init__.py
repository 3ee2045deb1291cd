"""The hall service: comments, messages, announcements, views and likes for published halls, plus admin pages.

`hallbuilder.service.app.create_app(settings)` builds the Flask app; `hallbuilder.service.wsgi:app` is the
gunicorn entry point. Nothing is imported here so that `hallbuilder serve --help` stays fast.
"""
