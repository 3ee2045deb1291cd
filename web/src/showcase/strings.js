// The showcase hall's UI strings in zh-CN and en (Chinese variants and dialects use zh-CN, the rest en).

const STRINGS = {
    'zh-CN': {
        hall: '分支展厅',
        intro: '各支部的工作成果，相互学习、比学赶超。',
        orderName: '默认',
        orderLikes: '按点赞',
        orderViews: '按浏览',
        order: '排序',
        achievements: '{0} 项成果',
        likes: '赞 {0}',
        views: '浏览 {0}',
        rank: '第 {0} 名',
        like: '点赞',
        liked: '已点赞',
        back: '返回分支展厅',
        timeline: '成果时间线',
        gallery: '照片墙',
        video: '视频',
        room: '参观支部展室：{0}',
        inHall: '在展厅中查看',
        photo: '{0}：图片 {1}',
        enlarge: '放大图片',
        close: '关闭',
        empty: '还没有成果。',
        error: '出错了：{0}',
    },
    en: {
        hall: 'Branch showcases',
        intro: 'What each branch has achieved: learn from each other and spur each other on.',
        orderName: 'Default',
        orderLikes: 'By likes',
        orderViews: 'By views',
        order: 'Order',
        achievements: '{0} achievements',
        likes: '{0} likes',
        views: '{0} views',
        rank: 'No. {0}',
        like: 'Like',
        liked: 'Liked',
        back: 'Back to all branches',
        timeline: 'Achievements',
        gallery: 'Photos',
        video: 'Video',
        room: 'Visit the branch room: {0}',
        inHall: 'See it in the hall',
        photo: '{0}: photo {1}',
        enlarge: 'Enlarge photo',
        close: 'Close',
        empty: 'No achievements yet.',
        error: 'Something went wrong: {0}',
    },
};

/** A showcase UI string in `lang` with {0} placeholders filled. */
export function st(lang, key, ...args) {
    const table = /^(zh|yue|wuu|nan|hak|cmn)\b/.test(lang) ? STRINGS['zh-CN'] : STRINGS.en;
    const text = table[key] ?? STRINGS.en[key] ?? key;
    return text.replace(/\{(\d)\}/g, (_, index) => String(args[Number(index)] ?? ''));
}

export const SHOWCASE_STRINGS = STRINGS;
