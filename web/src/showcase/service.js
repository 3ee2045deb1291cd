// Likes and views of branch showcases through the hall service (absent service: everything still shows).

// The service lets caches keep its counts for a few seconds: the visitor's own likes are merged in here,
// so a branch just liked ranks with that like at once.
const ownLikes = new Map();
const ownViews = new Map();

/** `{branch: {likes, views}}`, or null when there is no service or it cannot be reached. */
export async function fetchStats(ctx) {
    if (!ctx.service) return null;
    let stats;
    try {
        stats = (await ctx.service.api.request('GET', 'showcases')).showcases || {};
    } catch {
        return null;
    }
    for (const [branch, likes] of ownLikes) {
        const entry = stats[branch] || { likes: 0, views: 0 };
        stats[branch] = { ...entry, likes: Math.max(Number(entry.likes) || 0, likes) };
    }
    // Likewise the views this visitor just made (the branch page says "浏览 1", not "浏览 0", after counting).
    for (const [branch, views] of ownViews) {
        const entry = stats[branch] || { likes: 0, views: 0 };
        stats[branch] = { ...entry, views: Math.max(Number(entry.views) || 0, views) };
    }
    return stats;
}

/** Counts a view of a branch's page; settles (never rejects) once the service has it. */
export function countView(ctx, branch) {
    if (!ctx.service) return Promise.resolve();
    return ctx.service.api.request('POST', `showcases/${encodeURIComponent(branch)}/views`, {}).then(
        () => ownViews.set(branch, (ownViews.get(branch) || 0) + 1),
        () => {},
    );
}

/** Likes a branch; resolves to `{likes, liked}`. */
export async function like(ctx, branch) {
    const result = await ctx.service.api.request('POST', `showcases/${encodeURIComponent(branch)}/likes`, {});
    ownLikes.set(branch, Number(result.likes) || 0);
    return result;
}
