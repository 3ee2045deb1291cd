"""What the studio says to staff, in the page's language (zh-CN or en), chosen by `?lang=` or Accept-Language.

Messages of the config loader and of the photo checks stay as `hallbuilder check` writes them (staff compare
them with the CLI's); the studio's own sentences are here, each saying what to do next.
"""

from __future__ import annotations

LANGUAGES = ("zh-CN", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "as_is": {"en": "{text}", "zh-CN": "{text}"},  # already worded in the page's language
    "foreign": {
        "en": "Refused: this request did not come from the studio's own page ({reason}). Open the address the "
        "studio printed.",
        "zh-CN": "已拒绝：此请求不是来自工作室自己的页面（{reason}）。请打开工作室启动时显示的地址。",
    },
    "no_token": {
        "en": "Open the studio with the address it printed when it started (it carries the access token).",
        "zh-CN": "请使用工作室启动时显示的地址打开（地址里带有访问令牌）。",
    },
    "login": {
        "en": "Log in with the studio's password first.",
        "zh-CN": "请先用工作室的密码登录。",
    },
    "bad_password": {
        "en": "Wrong password; try again.",
        "zh-CN": "密码不对，请重试。",
    },
    "slow_down": {
        "en": "Too many login attempts; wait {seconds} seconds and try again.",
        "zh-CN": "登录尝试次数过多，请等 {seconds} 秒后再试。",
    },
    "csrf": {
        "en": "This page is out of date; reload it and try again.",
        "zh-CN": "页面已过期，请刷新后重试。",
    },
    "conflict": {
        "en": "hall.yaml was changed elsewhere (another tab or an editor) since this page read it; nothing was "
        "saved. Reload to see the new version, then make your change again.",
        "zh-CN": "hall.yaml 在此页面读取之后已被其他地方修改（另一个标签页或编辑器），本次未保存。请刷新查看新版本后再修改。",
    },
    "refused": {
        "en": "Not saved: the change would break hall.yaml. Fix the field shown and save again; the file is "
        "unchanged.",
        "zh-CN": "未保存：此修改会让 hall.yaml 出错。请修正所标出的字段后再保存，文件未被改动。",
    },
    "bad_request": {
        "en": "The request is not valid: {detail}",
        "zh-CN": "请求无效：{detail}",
    },
    "not_found": {
        "en": "Not found: {what}",
        "zh-CN": "找不到：{what}",
    },
    "no_scene": {
        "en": "There is no scene '{scene}' in hall.yaml; reload the page.",
        "zh-CN": "hall.yaml 中没有场景“{scene}”，请刷新页面。",
    },
    "no_hotspot": {
        "en": "Scene '{scene}' has no hotspot '{hotspot}'; reload the page.",
        "zh-CN": "场景“{scene}”中没有热点“{hotspot}”，请刷新页面。",
    },
    "not_a_link": {
        "en": "Hotspot '{hotspot}' is not a link to another scene, so it has no way back.",
        "zh-CN": "热点“{hotspot}”不是通往其他场景的链接，无法添加返回链接。",
    },
    "id_taken": {
        "en": "The id '{to}' is already used by another scene; choose another one.",
        "zh-CN": "编号“{to}”已被其他场景使用，请换一个。",
    },
    "nothing_to_undo": {
        "en": "There is nothing to undo.",
        "zh-CN": "没有可撤销的操作。",
    },
    "too_large": {
        "en": "'{name}' is larger than {limit} MB; make it smaller and upload it again. Nothing was kept.",
        "zh-CN": "“{name}”超过 {limit} MB，请缩小后重新上传。文件未保存。",
    },
    "request_too_large": {
        "en": "The files sent at once are larger than {limit} MB together; send fewer at a time.",
        "zh-CN": "一次发送的文件合计超过 {limit} MB，请分几次上传。",
    },
    "not_image": {
        "en": "'{name}' is not a photo (JPEG, PNG, TIFF or WebP); nothing was kept.",
        "zh-CN": "“{name}”不是照片（JPEG、PNG、TIFF 或 WebP），文件未保存。",
    },
    "not_media": {
        "en": "'{name}' is neither an image (JPEG, PNG, WebP, GIF) nor a video (MP4, MOV, WebM); nothing was kept.",
        "zh-CN": "“{name}”既不是图片（JPEG、PNG、WebP、GIF）也不是视频（MP4、MOV、WebM），文件未保存。",
    },
    "no_files": {
        "en": "Choose one or more files to upload.",
        "zh-CN": "请选择要上传的文件。",
    },
    "cube_six": {
        "en": "Cube faces come as six files (front, right, back, left, up, down); {count} were given.",
        "zh-CN": "立方体六面图需要六个文件（前、右、后、左、上、下），现在是 {count} 个。",
    },
    "photo_refused": {
        "en": "'{name}' was not added: {reason}",
        "zh-CN": "“{name}”未添加：{reason}",
    },
    "tiling_failed": {
        "en": "Tiling the photo failed: {reason}",
        "zh-CN": "照片切片失败：{reason}",
    },
    "preview_failed": {
        "en": "The preview could not be made: {reason}",
        "zh-CN": "无法生成预览：{reason}",
    },
}


def choose_language(query: str | None, accept_language: str) -> str:
    """`?lang=` first, then the browser's first zh or en; en when nothing fits."""
    if query in LANGUAGES:
        return query
    for part in accept_language.split(","):
        code = part.split(";")[0].strip().lower()
        if code.startswith("zh"):
            return "zh-CN"
        if code.startswith("en"):
            return "en"
    return "en"


def say(key: str, language: str, **values: object) -> str:
    texts = MESSAGES[key]
    return texts.get(language, texts["en"]).format(**values)
