"""Checks that stand between a visitor and the store: who is asking, how often, and what they wrote.

Each check returns a reason instead of raising, so views decide the HTTP answer in one place.
"""
