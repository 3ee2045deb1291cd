"""Admin texts in zh-CN, zh-Hant and en, chosen from the browser's Accept-Language.

Chinese written in Traditional characters (zh-TW, zh-HK, zh-MO, zh-Hant, yue) gets zh-Hant, other Chinese gets
zh-CN, everything else en. Use `t("key", name=value)` in templates and views.
"""

from __future__ import annotations

from flask import has_request_context, request

LANGUAGES = ("zh-CN", "zh-Hant", "en")
TRADITIONAL = ("zh-tw", "zh-hk", "zh-mo", "zh-hant", "yue")

TEXTS: dict[str, dict[str, str]] = {
    "account": {"zh-CN": "账户", "zh-Hant": "帳戶", "en": "Account"},
    "account.title": {"zh-CN": "我的账户", "zh-Hant": "我的帳戶", "en": "My account"},
    "account.signed_in_as": {
        "zh-CN": "已登录为 {username}（{role}）。登录中的浏览器：{count} 个。",
        "zh-Hant": "已登入為 {username}（{role}）。登入中的瀏覽器：{count} 個。",
        "en": "Logged in as {username} ({role}). Browsers logged in: {count}.",
    },
    "account.idle": {
        "zh-CN": "{hours} 小时没有操作会自动退出登录；每次登录最长 7 天。",
        "zh-Hant": "{hours} 小時沒有操作會自動登出；每次登入最長 7 天。",
        "en": "A login ends after {hours} hours without use, and 7 days after it began at the latest.",
    },
    "password.heading": {"zh-CN": "修改密码", "zh-Hant": "變更密碼", "en": "Change the password"},
    "password.current": {"zh-CN": "当前密码", "zh-Hant": "目前密碼", "en": "Current password"},
    "password.new": {
        "zh-CN": "新密码（至少 10 个字符）",
        "zh-Hant": "新密碼（至少 10 個字元）",
        "en": "New password (at least 10 characters)",
    },
    "password.repeat": {
        "zh-CN": "再输入一次新密码",
        "zh-Hant": "再輸入一次新密碼",
        "en": "The new password again",
    },
    "password.save": {"zh-CN": "修改密码", "zh-Hant": "變更密碼", "en": "Change the password"},
    "password.note": {
        "zh-CN": "修改后，其他所有浏览器都会退出登录。",
        "zh-Hant": "變更後，其他所有瀏覽器都會登出。",
        "en": "Every other browser is logged out when the password changes.",
    },
    "password.wrong_current": {
        "zh-CN": "当前密码不对，密码没有修改。请重新输入当前密码。",
        "zh-Hant": "目前密碼不正確，密碼沒有變更。請重新輸入目前密碼。",
        "en": "The current password is wrong, so the password was not changed. Type the current password again.",
    },
    "password.too_short": {
        "zh-CN": "新密码太短：请至少用 10 个字符。",
        "zh-Hant": "新密碼太短：請至少用 10 個字元。",
        "en": "The new password is too short: use at least 10 characters.",
    },
    "password.mismatch": {
        "zh-CN": "两次输入的新密码不一样，请重新输入。",
        "zh-Hant": "兩次輸入的新密碼不一樣，請重新輸入。",
        "en": "The two new passwords differ; type them again.",
    },
    "password.changed": {
        "zh-CN": "密码已修改，其他 {count} 个浏览器已退出登录。",
        "zh-Hant": "密碼已變更，其他 {count} 個瀏覽器已登出。",
        "en": "Password changed; {count} other browser(s) logged out.",
    },
    "everywhere.heading": {
        "zh-CN": "在所有地方退出登录",
        "zh-Hant": "在所有地方登出",
        "en": "Log out everywhere",
    },
    "everywhere.note": {
        "zh-CN": "手机或电脑丢了、或在别人的电脑上登录过时使用：所有浏览器（包括这一个）都会退出登录。",
        "zh-Hant": "手機或電腦遺失、或在別人的電腦上登入過時使用：所有瀏覽器（包括這一個）都會登出。",
        "en": "For a lost phone or a login on someone else's computer: every browser, this one included, is "
        "logged out.",
    },
    "everywhere.button": {
        "zh-CN": "在所有地方退出登录",
        "zh-Hant": "在所有地方登出",
        "en": "Log out everywhere",
    },
    "everywhere.done": {
        "zh-CN": "已在所有地方退出登录（{count} 个浏览器）。请重新登录。",
        "zh-Hant": "已在所有地方登出（{count} 個瀏覽器）。請重新登入。",
        "en": "Logged out everywhere ({count} browser(s)). Log in again to continue.",
    },
    "everyone.heading": {
        "zh-CN": "让所有账户退出登录",
        "zh-Hant": "讓所有帳戶登出",
        "en": "Log every account out",
    },
    "everyone.note": {
        "zh-CN": "主办方专用：所有主办方和分行账户在所有浏览器上都会退出登录（你自己的这个浏览器除外）。",
        "zh-Hant": "主辦方專用：所有主辦方和分行帳戶在所有瀏覽器上都會登出（你自己的這個瀏覽器除外）。",
        "en": "Organisers only: every organiser and branch account is logged out in every browser (except this "
        "browser of yours).",
    },
    "everyone.button": {
        "zh-CN": "让所有账户退出登录",
        "zh-Hant": "讓所有帳戶登出",
        "en": "Log every account out",
    },
    "everyone.done": {
        "zh-CN": "所有账户已退出登录（{count} 个浏览器）。",
        "zh-Hant": "所有帳戶已登出（{count} 個瀏覽器）。",
        "en": "Every account logged out ({count} browser(s)).",
    },
    "login.wrong": {
        "zh-CN": "用户名或密码不对。",
        "zh-Hant": "使用者名稱或密碼不正確。",
        "en": "Wrong username or password.",
    },
    "login.wait_address": {
        "zh-CN": "从你的网络输入错误密码的次数太多：请等 {wait} 再试。",
        "zh-Hant": "從你的網路輸入錯誤密碼的次數太多：請等 {wait} 再試。",
        "en": "Too many wrong passwords from your network: wait {wait} and try again.",
    },
    "login.wait_account": {
        "zh-CN": "这个账户最近输错密码的次数太多：请等 {wait} 再试，或用以前登录过的浏览器登录。",
        "zh-Hant": "這個帳戶最近輸錯密碼的次數太多：請等 {wait} 再試，或用以前登入過的瀏覽器登入。",
        "en": "Too many wrong passwords for this account lately: wait {wait}, or log in from a browser "
        "you have logged in with before.",
    },
    "login.wait_browser": {
        "zh-CN": "这个浏览器输错密码的次数太多：请等 {wait} 再试。",
        "zh-Hant": "這個瀏覽器輸錯密碼的次數太多：請等 {wait} 再試。",
        "en": "Too many wrong passwords from this browser: wait {wait} and try again.",
    },
    "seconds": {"zh-CN": "{n} 秒", "zh-Hant": "{n} 秒", "en": "{n} seconds"},
    "minutes": {"zh-CN": "{n} 分钟", "zh-Hant": "{n} 分鐘", "en": "{n} minutes"},
}


def language() -> str:
    """The admin language of this request (en outside a request)."""
    if not has_request_context():
        return "en"
    for value, _quality in request.accept_languages:
        tag = value.lower()
        if tag.startswith(TRADITIONAL):
            return "zh-Hant"
        if tag == "zh" or tag.startswith("zh-"):
            return "zh-CN"
        if tag == "en" or tag.startswith("en-"):
            return "en"
    return "en"


def t(key: str, **values: object) -> str:
    """The text `key` in this request's language, with `{name}` filled from `values`."""
    return TEXTS[key][language()].format(**values)


def duration(seconds: int) -> str:
    """`45 seconds` or `3 minutes` (rounded up), in this request's language."""
    if seconds < 120:
        return t("seconds", n=seconds)
    return t("minutes", n=-(-seconds // 60))
