// Likes and views of branch showcases through the hall service (absent service: everything still shows).

/**
 * The service's counts for branches. The service lets caches keep its counts for a few seconds: the visitor's
 * own likes and views are merged in here, so a branch just liked ranks with that like at once, and its page
 * says "浏览 1", not "浏览 0", after counting.
 */
export class ShowcaseStats {
    /** `api` is the hall service's client (ui/service.js Api), or null when the tour has no service. */
    constructor(api) {
        this.api = api;
        this.ownLikes = new Map();
        this.ownViews = new Map();
    }

    get available() {
        return Boolean(this.api);
    }

    /** `{branch: {likes, views}}`, or null when there is no service or it cannot be reached. */
    async fetch() {
        if (!this.api) return null;
        let stats;
        try {
            stats = (await this.api.request('GET', 'showcases')).showcases || {};
        } catch {
            return null;
        }
        return mergeOwn(mergeOwn(stats, this.ownLikes, 'likes'), this.ownViews, 'views');
    }

    /** Counts a view of a branch's page; settles (never rejects) once the service has it. */
    countView(branch) {
        if (!this.api) return Promise.resolve();
        return this.api.request('POST', `showcases/${encodeURIComponent(branch)}/views`, {}).then(
            () => this.ownViews.set(branch, (this.ownViews.get(branch) || 0) + 1),
            () => {},
        );
    }

    /** Likes a branch; resolves to `{likes, liked}`. */
    async like(branch) {
        const result = await this.api.request('POST', `showcases/${encodeURIComponent(branch)}/likes`, {});
        this.ownLikes.set(branch, Number(result.likes) || 0);
        return result;
    }
}

/** `stats` with each branch's `key` count raised to at least the visitor's own count of it. */
export function mergeOwn(stats, own, key) {
    const merged = { ...stats };
    for (const [branch, count] of own) {
        const entry = merged[branch] || { likes: 0, views: 0 };
        merged[branch] = { ...entry, [key]: Math.max(Number(entry[key]) || 0, count) };
    }
    return merged;
}
