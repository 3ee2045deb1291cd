// UI strings in zh-CN and en, the language choice (remembered), and texts from tour.json in that language.

const STRINGS = {
    'zh-CN': {
        enter: '进入展厅',
        loading: '正在加载全景…',
        scenes: '场景列表',
        guide: '一键导览',
        guidePause: '暂停导览',
        guideResume: '继续导览',
        guideSkip: '下一个场景',
        guideStop: '结束导览',
        narration: '讲解',
        play: '播放讲解',
        pause: '暂停讲解',
        transcript: '讲解文稿',
        noNarration: '本场景没有讲解',
        language: '语言',
        share: '分享',
        shareCopied: '链接已复制',
        shareCopyFailed: '无法复制，请手动复制链接',
        shareQr: '用手机扫码打开当前场景',
        copyLink: '复制链接',
        more: '更多',
        close: '关闭',
        hotspots: '本场景的热点',
        noHotspots: '本场景没有热点',
        goTo: '前往：{0}',
        gyroscope: '陀螺仪',
        stereo: 'VR 眼镜模式',
        fullscreen: '全屏',
        announcements: '公告',
        dismiss: '关闭公告',
        showcase: '展示',
        showcaseSoon: '该展示的完整内容即将上线。',
        likes: '赞 {0}',
        like: '点赞',
        enlarge: '放大图片',
        photo: '图片 {0}',
        video: '视频',
        map: '平面图',
        youAreHere: '当前位置',
        ungrouped: '其他',
        comments: '留言',
        commentsEmpty: '还没有留言。',
        nickname: '昵称',
        commentText: '留言内容',
        send: '发送',
        sent: '已提交，审核后显示。',
        published: '已发布。',
        message: '给我们写信',
        name: '姓名',
        contact: '联系方式（选填）',
        messageText: '内容',
        messageSent: '已收到，谢谢！',
        views: '浏览 {0} 次',
        error: '出错了：{0}',
        retryAfter: '操作太频繁，请 {0} 秒后再试。',
        edit: '编辑模式',
        editHint: '点击全景放置热点，拖动热点调整位置。',
        editCopy: '复制 hall.yaml 片段',
        editCopied: '已复制 hall.yaml 片段',
        editSave: '保存到 hall.yaml',
        editSaved: '已保存到 hall.yaml',
        pointer: '指针位置',
        skipToContent: '跳到控制栏',
        webglMissing: '此浏览器无法显示全景（需要 WebGL）。',
    },
    en: {
        enter: 'Enter',
        loading: 'Loading the panorama…',
        scenes: 'Scenes',
        guide: 'Guided tour',
        guidePause: 'Pause the tour',
        guideResume: 'Resume the tour',
        guideSkip: 'Next scene',
        guideStop: 'End the tour',
        narration: 'Narration',
        play: 'Play narration',
        pause: 'Pause narration',
        transcript: 'Transcript',
        noNarration: 'No narration in this scene',
        language: 'Language',
        share: 'Share',
        shareCopied: 'Link copied',
        shareCopyFailed: 'Could not copy: please copy the link by hand',
        shareQr: 'Scan to open this scene on a phone',
        copyLink: 'Copy link',
        more: 'More',
        close: 'Close',
        hotspots: 'Hotspots in this scene',
        noHotspots: 'No hotspots in this scene',
        goTo: 'Go to: {0}',
        gyroscope: 'Gyroscope',
        stereo: 'VR headset mode',
        fullscreen: 'Fullscreen',
        announcements: 'Announcements',
        dismiss: 'Dismiss announcement',
        showcase: 'Showcase',
        showcaseSoon: 'The full showcase is coming soon.',
        likes: '{0} likes',
        like: 'Like',
        enlarge: 'Enlarge photo',
        photo: 'Photo {0}',
        video: 'Video',
        map: 'Floor plan',
        youAreHere: 'You are here',
        ungrouped: 'Other',
        comments: 'Comments',
        commentsEmpty: 'No comments yet.',
        nickname: 'Nickname',
        commentText: 'Comment',
        send: 'Send',
        sent: 'Sent: it appears once approved.',
        published: 'Published.',
        message: 'Write to us',
        name: 'Name',
        contact: 'Contact (optional)',
        messageText: 'Message',
        messageSent: 'Received, thank you!',
        views: '{0} views',
        error: 'Something went wrong: {0}',
        retryAfter: 'Too many requests: try again in {0} s.',
        edit: 'Edit mode',
        editHint: 'Tap the panorama to place a hotspot; drag a hotspot to move it.',
        editCopy: 'Copy hall.yaml snippet',
        editCopied: 'hall.yaml snippet copied',
        editSave: 'Save to hall.yaml',
        editSaved: 'Saved to hall.yaml',
        pointer: 'Pointer',
        skipToContent: 'Skip to the controls',
        webglMissing: 'This browser cannot show the panorama (WebGL is needed).',
    },
};

const NAMES = {
    zh: { 'zh-CN': '简体中文', zh: '中文', 'zh-TW': '繁體中文', 'zh-HK': '繁體中文（香港）', en: 'English', yue: '粤语', wuu: '吴语', nan: '闽南语', hak: '客家话', ja: '日本語', ko: '한국어', fr: 'Français', de: 'Deutsch', es: 'Español', ru: 'Русский' },
};

const STORAGE_KEY = 'hallbuilder:lang';

/** The UI string table for a tour language: Chinese variants and dialects use zh-CN, the rest en. */
export function uiStrings(lang) {
    return /^(zh|yue|wuu|nan|hak|cmn)\b/.test(lang) ? STRINGS['zh-CN'] : STRINGS.en;
}

/** A translated UI string with {0} placeholders filled. */
export function t(lang, key, ...args) {
    const text = uiStrings(lang)[key] ?? STRINGS.en[key] ?? key;
    return text.replace(/\{(\d)\}/g, (_, index) => String(args[Number(index)] ?? ''));
}

/** The name of a language in its own script (dialects such as `yue` by name, not code). */
export function languageName(code) {
    if (NAMES.zh[code]) return NAMES.zh[code];
    try {
        const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
        if (name && name !== code) return name;
    } catch {
        // an unknown code: show it as it is
    }
    return code;
}

/** A text map {lang: text} in `lang`, falling back to the hall's first language, then any. */
export function pick(map, lang, languages) {
    if (!map || typeof map !== 'object') return '';
    if (map[lang]) return map[lang];
    const base = lang.split('-')[0];
    for (const key of [base, ...languages]) {
        if (map[key]) return map[key];
    }
    const any = Object.values(map).find(Boolean);
    return any || '';
}

/** The language to start with: the remembered one, else the browser's if the hall has it, else the first. */
export function initialLanguage(languages) {
    let saved = null;
    try {
        saved = localStorage.getItem(STORAGE_KEY);
    } catch {
        // storage blocked (private mode): not remembered
    }
    if (saved && languages.includes(saved)) return saved;
    for (const wanted of navigator.languages || [navigator.language]) {
        const exact = languages.find((code) => code.toLowerCase() === String(wanted).toLowerCase());
        if (exact) return exact;
        const base = String(wanted).split('-')[0];
        const close = languages.find((code) => code.split('-')[0] === base);
        if (close) return close;
    }
    return languages[0];
}

/** Remembers the visitor's language. */
export function rememberLanguage(lang) {
    try {
        localStorage.setItem(STORAGE_KEY, lang);
    } catch {
        // storage blocked: the choice lasts for this visit
    }
}
