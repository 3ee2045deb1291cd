// Edit mode for staff previewing on `hallbuilder serve` (offered only when the page carries tour.edit): the yaw and pitch under the pointer, place or drag a hotspot,
// and copy the matching hall.yaml lines. Staff never guess angles.
import { toDegrees } from '../angles.js';
import { t } from '../i18n.js';
import { wrapDegrees } from '../tour.js';
import { SceneChangedEvent } from '../tour-state.js';
import { h, icon } from './dom.js';

const round = (value) => Math.round(value * 10) / 10;

/** The hall.yaml lines for a hotspot at yaw/pitch (degrees), indented to sit under `hotspots:`. */
export function yamlSnippet({ id, type, target, yaw, pitch }) {
    const lines = [`      - type: ${type}`];
    if (id) lines.push(`        id: ${id}`);
    if (type === 'link') lines.push(`        target: ${target || 'SCENE-ID'}`);
    lines.push(`        yaw: ${round(yaw)}`, `        pitch: ${round(pitch)}`);
    if (type === 'info') lines.push('        title: {zh-CN: 标题, en: Title}');
    return lines.join('\n');
}

/** Whether the markers plugin has a marker (its public getMarker throws for an unknown id). */
function hasMarker(markers, id) {
    try {
        return Boolean(markers.getMarker(id));
    } catch {
        return false;
    }
}

/**
 * The staff tools over PSV's `viewer` and its `markers`: shown in `app`, following pointers on `surface` (the
 * panorama's element); stops `autorotate` (absent under reduced motion) while on.
 */
export class EditMode {
    constructor({ tour, state, viewer, markers, autorotate = null, app, surface }) {
        Object.assign(this, { state, viewer, markers, autorotate, app });
        this.active = false;
        this.draft = null;
        this.readout = h('output', { class: 'hb-edit-readout' });
        this.snippet = h('textarea', { class: 'hb-edit-snippet', readonly: true, rows: 6, 'aria-label': 'hall.yaml' });
        this.status = h('p', { class: 'hb-status', role: 'status' });
        this.copyButton = h('button', { type: 'button', class: 'hb-button', onclick: () => this.copy() });
        // `hallbuilder serve` adds tour.edit when it knows the project: then the hotspot can go straight into hall.yaml.
        this.saveTo = tour.edit?.save ? tour.edit : null;
        this.saveButton = h('button', {
            type: 'button',
            class: 'hb-button hb-button--primary hb-edit-save',
            hidden: !this.saveTo,
            onclick: () => this.save(),
        });
        this.closeButton = h('button', { type: 'button', class: 'hb-panel-close', onclick: () => this.toggle(false) }, [
            icon('close'),
        ]);
        this.box = h('aside', { class: 'hb-edit', hidden: true }, [
            h('div', { class: 'hb-edit-head' }, [h('strong', { class: 'hb-edit-title' }), this.closeButton]),
            h('p', { class: 'hb-edit-hint' }),
            this.readout,
            this.snippet,
            this.copyButton,
            this.saveButton,
            this.status,
        ]);
        app.append(this.box);
        surface.addEventListener('pointermove', (event) => this.active && this.pointer(event));
        surface.addEventListener('pointerdown', (event) => this.startDrag(event), true);
        viewer.addEventListener(
            'click',
            ({ data }) => this.active && !data.marker && this.place(toDegrees(data.yaw), toDegrees(data.pitch)),
        );
        state.addEventListener(SceneChangedEvent.type, () => this.sceneChanged());
    }

    /** The More menu's entry (see Toolbar.addMenuItems). */
    menuItems() {
        const label = (lang) => t(lang, 'edit');
        return [{ name: 'edit', order: 90, label, pressed: () => this.active, action: () => this.toggle() }];
    }

    /** Yaw and pitch (degrees, hall.yaml convention) under a pointer event. */
    anglesAt(event) {
        const rect = this.viewer.container.getBoundingClientRect();
        const position = this.viewer.dataHelper.viewerCoordsToSphericalCoords({
            x: event.clientX - rect.left,
            y: event.clientY - rect.top,
        });
        return { yaw: wrapDegrees(toDegrees(position.yaw)), pitch: toDegrees(position.pitch) };
    }

    pointer(event) {
        const { yaw, pitch } = this.anglesAt(event);
        this.readout.textContent = `${t(this.state.lang, 'pointer')}: yaw ${round(yaw)}°  pitch ${round(pitch)}°`;
    }

    place(yaw, pitch) {
        yaw = wrapDegrees(yaw);
        this.draft = { type: 'info', yaw, pitch };
        const markers = this.markers;
        const marker = {
            id: 'edit-draft',
            position: { yaw: `${yaw}deg`, pitch: `${pitch}deg` },
            element: h('span', { class: 'hb-edit-draft' }),
            anchor: 'center center',
        };
        if (hasMarker(markers, 'edit-draft')) markers.updateMarker(marker);
        else markers.addMarker(marker);
        this.show(this.draft);
    }

    startDrag(event) {
        const button = event.target.closest?.('.hb-hotspot');
        if (!this.active || !button) return;
        event.stopPropagation();
        event.preventDefault();
        const hotspot = this.state.scene.hotspots.find((item) => item.id === button.dataset.hotspot);
        if (!hotspot) return;
        const move = (moveEvent) => {
            const { yaw, pitch } = this.anglesAt(moveEvent);
            hotspot.yaw = round(yaw);
            hotspot.pitch = round(pitch);
            this.markers.updateMarker({
                id: `hotspot-${hotspot.id}`,
                position: { yaw: `${yaw}deg`, pitch: `${pitch}deg` },
            });
            this.show(hotspot);
        };
        const stop = () => {
            window.removeEventListener('pointermove', move, true);
            window.removeEventListener('pointerup', stop, true);
        };
        window.addEventListener('pointermove', move, true);
        window.addEventListener('pointerup', stop, true);
        this.show(hotspot);
    }

    /** Shows the hall.yaml lines of a hotspot (a new draft or one being dragged) and remembers it for saving. */
    show(hotspot) {
        this.current = hotspot;
        this.snippet.value = yamlSnippet(hotspot);
        this.status.textContent = '';
    }

    async save() {
        const item = this.current;
        if (!item || !this.saveTo) return;
        const body = {
            scene: this.state.sceneId,
            id: item.id || null,
            type: item.type,
            target: item.target || null,
            yaw: item.yaw,
            pitch: item.pitch,
        };
        try {
            const response = await fetch(this.saveTo.save, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-Hallbuilder-Edit': this.saveTo.token },
                body: JSON.stringify(body),
            });
            const answer = await response.json();
            this.status.textContent = response.ok
                ? `${t(this.state.lang, 'editSaved')}: ${answer.message}`
                : answer.message;
        } catch (error) {
            this.status.textContent = String(error);
        }
    }

    async copy() {
        try {
            await navigator.clipboard.writeText(this.snippet.value);
        } catch {
            this.snippet.select();
            document.execCommand('copy');
        }
        this.status.textContent = t(this.state.lang, 'editCopied');
    }

    sceneChanged() {
        this.draft = null;
        this.current = null;
        this.snippet.value = '';
    }

    toggle(on = !this.active) {
        const { lang } = this.state;
        this.active = on;
        this.box.hidden = !on;
        this.box.querySelector('.hb-edit-title').textContent = t(lang, 'edit');
        this.box.querySelector('.hb-edit-hint').textContent = t(lang, 'editHint');
        this.copyButton.textContent = t(lang, 'editCopy');
        this.saveButton.textContent = t(lang, 'editSave');
        this.closeButton.setAttribute('aria-label', t(lang, 'close'));
        this.app.classList.toggle('hb-editing', on);
        this.autorotate?.stop();
        if (!on && hasMarker(this.markers, 'edit-draft')) this.markers.removeMarker('edit-draft');
    }
}
