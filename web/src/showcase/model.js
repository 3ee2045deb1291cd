// The showcase hall's data: tour.json's showcases plus likes and views from the service, ranked.

export const ORDERS = ['name', 'likes', 'views'];

/** Showcases in the order chosen: as in tour.json ('name'), or by likes or views (most first, ties keep order). */
export function ranked(showcases, stats, order) {
    const list = showcases.map((showcase, index) => ({ showcase, index, ...countsOf(stats, showcase.id) }));
    if (order === 'likes' || order === 'views') list.sort((a, b) => b[order] - a[order] || a.index - b.index);
    return list;
}

/** {likes, views} of a branch from `GET <api>/halls/<hall>/showcases` (zeros when unknown). */
export function countsOf(stats, branch) {
    const entry = stats?.[branch] || {};
    return { likes: Number(entry.likes) || 0, views: Number(entry.views) || 0 };
}

/** Every photo of a showcase's achievements, each with the achievement it belongs to. */
export function galleryOf(showcase) {
    return (showcase.achievements || []).flatMap((achievement) =>
        (achievement.photos || []).map((image) => ({ image, achievement })),
    );
}

const LIKED_KEY = 'hallbuilder:liked';

/** Whether this visitor liked the branch today (the service counts one like per visitor per day anyway). */
export function likedToday(hall, branch) {
    try {
        return localStorage.getItem(`${LIKED_KEY}:${hall}:${branch}`) === today();
    } catch {
        return false;
    }
}

export function rememberLike(hall, branch) {
    try {
        localStorage.setItem(`${LIKED_KEY}:${hall}:${branch}`, today());
    } catch {
        // storage blocked: the button simply stays available
    }
}

function today() {
    return new Date().toISOString().slice(0, 10);
}
