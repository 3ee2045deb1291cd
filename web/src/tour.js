// Reading the tour that index.html embeds (the same data as tour.json).

/** The tour embedded in index.html, or fetched from tour.json when the page has none. */
export async function loadTour() {
    const embedded = document.getElementById('hb-tour');
    if (embedded?.textContent.trim()) return JSON.parse(embedded.textContent);
    const response = await fetch('tour.json', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`tour.json: HTTP ${response.status}`);
    return response.json();
}

/** Index of scenes by id. */
export function sceneIndex(tour) {
    return new Map(tour.scenes.map((scene) => [scene.id, scene]));
}

/** The scenes in order, with their zone (null zone last). */
export function scenesByZone(tour) {
    const groups = tour.zones.map((zone) => ({ zone, scenes: [] }));
    const byId = new Map(groups.map((group) => [group.zone.id, group]));
    const other = { zone: null, scenes: [] };
    for (const scene of tour.scenes) (byId.get(scene.zone) || other).scenes.push(scene);
    return [...groups, other].filter((group) => group.scenes.length);
}

/** Wraps an angle in degrees into [-180, 180). */
export function wrapDegrees(value) {
    return ((((value + 180) % 360) + 360) % 360) - 180;
}
