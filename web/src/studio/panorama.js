// The scene's panorama with its hotspots, from the preview's tiles (the real viewer module and the real
// hotspot markers): tap to place, drag to move, keyboard placement at the centre of the view.
import { h } from '../ui/dom.js';
import { markerFor } from '../hotspots.js';
import { wrapDegrees } from '../tour.js';
import { t } from './lang.js';
import { toDegrees } from '../angles.js';

const round = (value) => Math.round(value * 10) / 10;
const NUDGE_REST_MS = 500;

/** A tour.json scene whose tile and image addresses point into the preview (`/preview/…`). */
export function fromPreview(scene, base = '/preview/') {
    const pano = scene.panorama;
    return { ...scene, panorama: { ...pano, tiles: base + pano.tiles, base: base + pano.base } };
}

export class PanoramaEditor extends EventTarget {
    /** `onPlace(yaw, pitch)`, `onMove(index, yaw, pitch)` and `onSelect(index)` save or show the change. */
    constructor({ onPlace, onMove, onSelect }) {
        super();
        this.onPlace = onPlace;
        this.onMove = onMove;
        this.onSelect = onSelect;
        this.placing = false;
        this.stage = h('div', { class: 'st-stage', id: 'st-stage', tabindex: 0, 'aria-label': t('panorama') });
        this.empty = h('p', { class: 'st-stage-empty', text: t('noTiles') });
        this.hint = h('p', { class: 'st-hint', role: 'status' });
        this.element = h('div', { class: 'st-panorama' }, [this.stage, this.empty, this.hint]);
        this.viewer = null;
        this.sceneKey = null;
        this.stage.addEventListener('pointerdown', (event) => this.startDrag(event), true);
    }

    hasPanorama() {
        return Boolean(this.viewer && this.sceneKey);
    }

    /** The view on screen in degrees (hall.yaml's convention), or null without a panorama. */
    currentView() {
        if (!this.hasPanorama()) return null;
        return this.viewerModule.currentView(this.viewer);
    }

    /**
     * Shows `tourScene` (from the preview's tour.json, or null while its tiles are not ready) with the hall.yaml
     * `hotspots` of the scene; keeps the view when only the hotspots changed.
     */
    async show(tourScene, hotspots, markerCtx, selected) {
        this.markerCtx = markerCtx;
        this.hotspots = hotspots;
        this.selected = selected;
        const key = tourScene ? `${tourScene.id}:${tourScene.panorama.hash}` : null;
        this.empty.hidden = Boolean(key);
        this.stage.hidden = !key;
        if (!key) {
            this.sceneKey = null;
            return;
        }
        const scene = fromPreview(tourScene);
        const view = tourScene.view || { yaw: 0, pitch: 0, fov: 75 };
        if (!this.viewer) {
            this.viewerModule = await import('../viewer.js');
            const { viewer, markers } = this.viewerModule.createViewer(this.stage, scene, view, {
                reducedMotion: true,
            });
            this.viewer = viewer;
            this.markers = markers;
            // The arrow keys turn the panorama only while it has the focus, never while typing in a form.
            viewer.addEventListener('key-press', (event) => {
                if (!this.stage.contains(document.activeElement)) event.preventDefault();
            });
            viewer.addEventListener('click', ({ data }) => {
                if (this.placing && !data.marker) this.place(toDegrees(data.yaw), toDegrees(data.pitch));
            });
            this.sceneKey = key;
        } else if (key !== this.sceneKey) {
            const sameScene = this.sceneKey?.split(':')[0] === tourScene.id;
            this.sceneKey = key;
            const at = sameScene ? this.viewerModule.currentView(this.viewer) : view;
            try {
                await this.viewerModule.showScene(this.viewer, scene, at, { reducedMotion: true });
            } catch (error) {
                // The preview was rebuilt while this scene loaded (it was renamed, deleted or re-shot): the
                // studio shows the new one with its next render; only a failure of the current one is news.
                if (this.sceneKey === key) console.warn('studio panorama:', error);
            }
        }
        this.drawMarkers();
    }

    drawMarkers() {
        if (!this.markers) return;
        // A hotspot being moved with the keys keeps its place and the focus while the markers are redrawn.
        const focused = this.stage.contains(document.activeElement) ? document.activeElement.dataset.index : undefined;
        this.markers.clearMarkers();
        this.hotspots.forEach((hotspot, index) => {
            const moving = this.moving?.index === index ? { yaw: this.moving.yaw, pitch: this.moving.pitch } : {};
            const shown = { ...hotspot, ...moving, id: hotspot.id || `#${index + 1}` };
            const marker = markerFor(shown, this.markerCtx, () => this.onSelect(index));
            marker.id = `st-hotspot-${index}`;
            const button = marker.element.querySelector('button');
            button.dataset.index = String(index);
            if (index === this.selected) marker.element.classList.add('st-marker--selected');
            button.addEventListener('keydown', (event) => this.nudge(event, index));
            button.addEventListener('keyup', (event) => this.nudged(event));
            this.markers.addMarker(marker);
        });
        if (focused !== undefined) this.stage.querySelector(`.hb-hotspot[data-index="${focused}"]`)?.focus();
    }

    /** Arrow keys move a focused hotspot by 1° (10° with Shift) on screen; `nudged` saves the move. */
    nudge(event, index) {
        const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[event.key];
        if (!steps) return;
        event.preventDefault();
        event.stopPropagation();
        const size = event.shiftKey ? 10 : 1;
        const hotspot = this.hotspots[index];
        this.moving = {
            index,
            yaw: round(wrapDegrees((this.moving?.yaw ?? hotspot.yaw) + steps[0] * size)),
            pitch: round(Math.max(-90, Math.min(90, (this.moving?.pitch ?? hotspot.pitch) + steps[1] * size))),
        };
        this.markers.updateMarker({
            id: `st-hotspot-${index}`,
            position: { yaw: `${this.moving.yaw}deg`, pitch: `${this.moving.pitch}deg` },
        });
    }

    /** Saves a keyboard move once the arrow keys rest (one save for a run of presses). */
    nudged(event) {
        if (!this.moving || !event.key.startsWith('Arrow')) return;
        clearTimeout(this.nudgeTimer);
        this.nudgeTimer = setTimeout(() => {
            const { index, yaw, pitch } = this.moving;
            this.moving = null;
            // Further presses go on from here, even before the saved project comes back.
            this.hotspots = this.hotspots.map((item, at) => (at === index ? { ...item, yaw, pitch } : item));
            this.onMove(index, yaw, pitch);
        }, NUDGE_REST_MS);
    }

    /** Turns "tap to place" on or off. */
    setPlacing(on) {
        this.placing = on;
        this.element.classList.toggle('st-panorama--placing', on);
        this.hint.textContent = on ? t('placeHint') : '';
    }

    place(yaw, pitch) {
        this.setPlacing(false);
        this.onPlace(round(wrapDegrees(yaw)), round(pitch));
    }

    /** Places a hotspot where the view looks (for the keyboard). */
    placeAtCentre() {
        const view = this.currentView();
        if (view) this.place(view.yaw, view.pitch);
    }

    anglesAt(event) {
        const rect = this.viewer.container.getBoundingClientRect();
        const position = this.viewer.dataHelper.viewerCoordsToSphericalCoords({
            x: event.clientX - rect.left,
            y: event.clientY - rect.top,
        });
        return { yaw: round(wrapDegrees(toDegrees(position.yaw))), pitch: round(toDegrees(position.pitch)) };
    }

    /** Dragging a hotspot moves it; a press without a move is a tap that selects it. */
    startDrag(event) {
        const button = event.target.closest?.('.hb-hotspot');
        if (!button || !this.viewer) return;
        event.stopPropagation();
        const index = Number(button.dataset.index);
        const start = { x: event.clientX, y: event.clientY };
        let moved = null;
        const move = (moveEvent) => {
            if (!moved && Math.hypot(moveEvent.clientX - start.x, moveEvent.clientY - start.y) < 4) return;
            moved = this.anglesAt(moveEvent);
            this.markers.updateMarker({
                id: `st-hotspot-${index}`,
                position: { yaw: `${moved.yaw}deg`, pitch: `${moved.pitch}deg` },
            });
        };
        const stop = () => {
            window.removeEventListener('pointermove', move, true);
            window.removeEventListener('pointerup', stop, true);
            if (moved) this.onMove(index, moved.yaw, moved.pitch);
        };
        window.addEventListener('pointermove', move, true);
        window.addEventListener('pointerup', stop, true);
    }
}

/** What the viewer's hotspot markers need to label hall.yaml hotspots in the studio's language. */
export function markerContext(project, languages) {
    const tour = { hall: { languages }, scenes: project.scenes || [], showcases: project.showcases || [] };
    return { lang: languages[0], tour };
}
