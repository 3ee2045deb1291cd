// The pinned comments' own texts, in the tour's three languages.
const TEXTS = {
    'zh-CN': {
        pinHere: '把留言钉在我正在看的地方',
        pinsOn: '显示画面中的留言',
        pinsOff: '隐藏画面中的留言',
        pinnedAt: '钉在画面中',
    },
    'zh-Hant': {
        pinHere: '把留言釘在我正在看的地方',
        pinsOn: '顯示畫面中的留言',
        pinsOff: '隱藏畫面中的留言',
        pinnedAt: '釘在畫面中',
    },
    en: {
        pinHere: 'Pin my comment where I am looking',
        pinsOn: 'Show comments in the view',
        pinsOff: 'Hide comments in the view',
        pinnedAt: 'pinned in the view',
    },
};

export function pinText(lang, key) {
    return (TEXTS[lang] || TEXTS.en)[key];
}
