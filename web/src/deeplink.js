// Deep links: #scene=<id>&yaw=<deg>&pitch=<deg>&fov=<deg> (plus #edit=1 for staff).

/** Parses the hash into {scene, yaw, pitch, fov, edit}; missing or invalid numbers are null. */
export function parseHash(hash) {
    const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
    const number = (key) => {
        const raw = params.get(key);
        if (raw === null || raw.trim() === '') return null;
        const value = Number(raw);
        return Number.isFinite(value) ? value : null;
    };
    return {
        scene: params.get('scene'),
        yaw: number('yaw'),
        pitch: number('pitch'),
        fov: number('fov'),
        edit: params.get('edit') === '1',
    };
}

/** Formats a view as a hash: angles in degrees with one decimal. */
export function formatHash({ scene, yaw, pitch, fov, edit }) {
    const round = (value) => String(Math.round(value * 10) / 10);
    const parts = [`scene=${encodeURIComponent(scene)}`];
    if (yaw !== null && yaw !== undefined) parts.push(`yaw=${round(yaw)}`);
    if (pitch !== null && pitch !== undefined) parts.push(`pitch=${round(pitch)}`);
    if (fov !== null && fov !== undefined) parts.push(`fov=${round(fov)}`);
    if (edit) parts.push('edit=1');
    return `#${parts.join('&')}`;
}

/** The absolute link to a view of this page. */
export function linkTo(view) {
    return `${location.origin}${location.pathname}${location.search}${formatHash(view)}`;
}
