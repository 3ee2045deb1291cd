// Likes and views of branch showcases through the hall service (absent service: everything still shows).

/** `{branch: {likes, views}}`, or null when there is no service or it cannot be reached. */
export async function fetchStats(ctx) {
    if (!ctx.service) return null;
    try {
        return (await ctx.service.api.request('GET', 'showcases')).showcases || {};
    } catch {
        return null;
    }
}

/** Counts a view of a branch's page (fire and forget). */
export function countView(ctx, branch) {
    ctx.service?.api.request('POST', `showcases/${encodeURIComponent(branch)}/views`, {}).catch(() => {});
}

/** Likes a branch; resolves to `{likes, liked}`. */
export function like(ctx, branch) {
    return ctx.service.api.request('POST', `showcases/${encodeURIComponent(branch)}/likes`, {});
}
