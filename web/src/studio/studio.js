// The studio page: wires the project store, the panels, the panorama editor and the preview. Each panel is
// rebuilt from the project after every save; what a refused save was about stays on screen with its message.
import { h } from '../ui/dom.js';
import { get, setCsrf } from './api.js';
import { button, rerender, typed } from './fields.js';
import { HistoryPanel } from './history.js';
import { hallPanel } from './hall-panel.js';
import { hotspotPanel, newHotspot } from './hotspot-form.js';
import { JobWatch } from './jobs.js';
import { setUiLanguage, startLanguage, t, UI_LANGUAGES, uiLanguage } from './lang.js';
import { PanoramaEditor, markerContext } from './panorama.js';
import { Preview, PreviewTourEvent } from './preview.js';
import { clearProblems, problemLine, showProblems } from './problems.js';
import { sceneForm } from './scene-form.js';
import { sceneList } from './scenes-panel.js';
import { ConflictEvent, ProjectEvent, ProjectStore, SavingEvent } from './store.js';
import { PhotoUploads, uploadMedia } from './uploads.js';
import { zonesPanel } from './zones-panel.js';

export async function startStudio() {
    setUiLanguage(startLanguage());
    const session = await get('/api/session');
    setCsrf(session.csrf);
    const studio = new Studio(session);
    document.body.append(studio.element);
    await studio.store.load();
    studio.store.watch();
    studio.preview.start();
    studio.jobs.start();
    window.hallbuilderStudio = studio; // for the browser tests and the curious
}

class Studio {
    constructor(session) {
        this.session = session;
        this.store = new ProjectStore();
        this.state = { tab: 'scenes', scene: null, hotspot: null, newType: 'link' };
        this.preview = new Preview();
        this.history = new HistoryPanel((id) => this.run(`/api/history/${encodeURIComponent(id)}/restore`));
        // An upload saves hall.yaml too: its version is the studio's own, not an outside edit.
        this.uploads = new PhotoUploads((answer) => this.store.adopt(answer?.version));
        this.jobs = new JobWatch(
            () => this.store.project?.scenes || [],
            () => this.store.load(),
        );
        this.editor = new PanoramaEditor({
            onPlace: (yaw, pitch) => this.placeHotspot(yaw, pitch),
            onMove: (index, yaw, pitch) => this.moveHotspot(index, yaw, pitch),
            onSelect: (index) => this.selectHotspot(index),
        });
        this.build();
        this.store.addEventListener(ProjectEvent.type, ({ outside }) => {
            if (outside) this.notice(t('outsideEdit'), 'st-outside');
            this.render();
        });
        this.store.addEventListener(ConflictEvent.type, () => this.showConflict());
        this.store.addEventListener(SavingEvent.type, ({ state }) => {
            this.saving.textContent = state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : '';
        });
        this.preview.addEventListener(PreviewTourEvent.type, () => this.showPanorama());
    }

    build() {
        this.saving = h('span', { class: 'st-saving', role: 'status' });
        const langPicker = h(
            'select',
            {
                class: 'st-input',
                id: 'st-ui-lang',
                'aria-label': t('language'),
                onchange: () => this.switchLanguage(langPicker.value),
            },
            UI_LANGUAGES.map((code) => h('option', { value: code, text: code === 'en' ? 'English' : '简体中文' })),
        );
        langPicker.value = uiLanguage();
        this.tabs = h(
            'div',
            { class: 'st-tabs', role: 'tablist' },
            ['hall', 'scenes', 'zones'].map((tab) =>
                h(
                    'button',
                    {
                        type: 'button',
                        role: 'tab',
                        class: 'st-tab',
                        id: `st-tab-${tab}`,
                        'data-tab': tab,
                        onclick: () => this.showTab(tab),
                    },
                    [t(tab)],
                ),
            ),
        );
        this.side = h('div', { class: 'st-side-body', role: 'tabpanel' });
        this.notices = h('div', { class: 'st-notices' });
        this.problems = h('div', { class: 'st-check-problems', role: 'status' });
        this.work = h('div', { class: 'st-work-forms' });
        this.element = h('div', { id: 'st-app', class: 'st-app' }, [
            h('header', { class: 'st-header' }, [
                h('h1', {}, [
                    h('span', { text: `hallbuilder ${t('studio')}` }),
                    h('small', { text: ` ${this.session.project || ''}` }),
                ]),
                this.saving,
                button(t('undo'), () => this.run('/api/undo'), { id: 'st-undo' }),
                button(t('history'), () => this.history.open(), { id: 'st-history-open' }),
                langPicker,
            ]),
            this.notices,
            h('main', { class: 'st-main' }, [
                h('nav', { class: 'st-side', 'aria-label': t('studio') }, [this.tabs, this.problems, this.side]),
                h('div', { class: 'st-work' }, [this.editor.element, this.work]),
                this.preview.element,
            ]),
            this.history.element,
        ]);
    }

    /** What the panels are given: the project, the studio's state and the actions they may take. */
    get ctx() {
        const studio = this;
        return {
            project: this.store.project,
            state: this.state,
            languages: () => this.store.project?.hall?.languages || ['zh-CN'],
            edit: (ops) => this.edit(ops),
            run: (path, body, method) => this.run(path, body, method),
            select: (id) => this.select(id),
            selectHotspot: (index) => this.selectHotspot(index),
            focus: (selector) => studio.focus(selector),
            message: (text) => this.notice(text, 'st-message'),
            currentView: () => this.editor.currentView(),
            hasPanorama: () => this.editor.hasPanorama(),
            startPlacing: () => this.editor.setPlacing(true),
            placeAtCentre: () => this.editor.placeAtCentre(),
            wayBack: (scene, hotspot) => this.wayBack(scene, hotspot),
            renameScene: (from, to) => this.renameScene(from, to),
            uploadMedia: (file) => this.uploadMedia(file),
        };
    }

    render() {
        const { project } = this.store;
        if (!project) return;
        if (this.state.scene && !(project.scenes || []).some((scene) => scene.id === this.state.scene))
            this.state.scene = null;
        if (!this.state.scene && project.scenes?.length) this.state.scene = project.scenes[0].id;
        const ctx = this.ctx;
        for (const tab of this.tabs.children)
            tab.setAttribute('aria-selected', String(tab.dataset.tab === this.state.tab));
        const side = {
            hall: () => hallPanel(ctx),
            zones: () => zonesPanel(ctx),
            scenes: () => [this.uploads.element, sceneList(ctx)],
        }[this.state.tab]();
        rerender(this.side, side);
        const lines = (project.problems || []).map(problemLine);
        this.problems.replaceChildren(
            ...(lines.length
                ? [
                      h('p', { text: t('problems') }),
                      h(
                          'ul',
                          {},
                          lines.map((line) => h('li', { text: line })),
                      ),
                  ]
                : []),
        );
        const index = (project.scenes || []).findIndex((scene) => scene.id === this.state.scene);
        const scene = project.scenes?.[index];
        if (scene && this.state.hotspot !== null && !(scene.hotspots || [])[this.state.hotspot])
            this.state.hotspot = null;
        rerender(
            this.work,
            scene
                ? [sceneForm(ctx, scene, index), hotspotPanel(ctx, scene, index)]
                : [h('p', { class: 'st-hint', text: t('selectScene') })],
        );
        this.showRefusal();
        this.showPanorama();
    }

    async showPanorama() {
        const scene = (this.store.project?.scenes || []).find((item) => item.id === this.state.scene);
        const ctx = markerContext(this.store.project, this.ctx.languages());
        await this.editor.show(
            scene ? this.preview.scene(scene.id) : null,
            scene?.hotspots || [],
            ctx,
            this.state.hotspot,
        );
        // The buttons that need the panorama work once it is there (without rebuilding the forms around them).
        for (const node of this.element.querySelectorAll('[data-needs-panorama]'))
            node.disabled = !this.editor.hasPanorama();
    }

    showTab(tab) {
        this.state.tab = tab;
        this.render();
        this.focus(`#st-tab-${tab}`);
    }

    select(id) {
        this.state.scene = id;
        this.state.hotspot = null;
        this.render();
        if (id) this.preview.goTo(id);
    }

    selectHotspot(index) {
        this.state.hotspot = index;
        this.render();
        if (index !== null) this.focus('.st-hotspot-form select');
    }

    /** Saves ops; a refusal shows its messages by the fields and keeps what was typed. Resolves to true on success. */
    async edit(ops) {
        return this.run('/api/edit', { ops });
    }

    async run(path, body = {}, method = 'POST') {
        clearProblems(this.element);
        this.refusal = null;
        for (const node of this.notices.querySelectorAll('.st-message')) node.remove();
        try {
            const result = await this.store.post(path, body, method);
            typed.clear();
            this.render();
            return result || true;
        } catch (error) {
            this.refused(error);
            return false;
        }
    }

    refused(error) {
        if (error.code === 'conflict') return;
        if (error.code === 'network') return this.notice(t('networkError'), 'st-message');
        const unplaced = showProblems(this.element, error.problems || []);
        // What was typed in the fields at fault stays there, with their messages, until the next save.
        const values = new Map(
            [...this.element.querySelectorAll('[aria-invalid="true"][data-key]')].map((node) => [
                node.dataset.key,
                node.value,
            ]),
        );
        this.refusal = { problems: error.problems || [], values };
        if (unplaced.length || !(error.problems || []).length) {
            const detail = unplaced.length ? unplaced.map(problemLine).join('; ') : error.message;
            this.notice(t('refusedSave', detail), 'st-message');
        }
    }

    /** Puts a refused save's typed values and messages back after the forms were rebuilt. */
    showRefusal() {
        if (!this.refusal) return;
        for (const node of this.element.querySelectorAll('[data-key]')) {
            if (this.refusal.values.has(node.dataset.key)) node.value = this.refusal.values.get(node.dataset.key);
        }
        showProblems(this.element, this.refusal.problems);
    }

    showConflict() {
        this.notices.querySelector('.st-conflict')?.remove();
        const box = h('div', { class: 'st-notice st-conflict', role: 'alert' }, [
            h('span', { text: t('conflict') }),
            button(
                t('reload'),
                async () => {
                    box.remove();
                    typed.clear();
                    await this.store.load();
                },
                { id: 'st-reload' },
            ),
        ]);
        this.notices.append(box);
    }

    notice(text, kind) {
        this.notices.querySelector(`.${kind}`)?.remove();
        const box = h('div', { class: `st-notice ${kind}`, role: kind === 'st-message' ? 'alert' : 'status' }, [
            h('span', { text }),
            button('×', () => box.remove(), { 'aria-label': t('close'), class: 'st-button st-button--small' }),
        ]);
        this.notices.append(box);
    }

    focus(selector) {
        requestAnimationFrame(() => this.element.querySelector(selector)?.focus());
    }

    currentScene() {
        const scenes = this.store.project?.scenes || [];
        const index = scenes.findIndex((scene) => scene.id === this.state.scene);
        return { scene: scenes[index], index };
    }

    async placeHotspot(yaw, pitch) {
        const { scene, index } = this.currentScene();
        if (!scene) return;
        const hotspot = newHotspot(
            scene,
            this.state.newType || 'link',
            yaw,
            pitch,
            this.store.project,
            this.ctx.languages(),
        );
        const list = scene.hotspots || [];
        const ops = scene.hotspots
            ? [{ op: 'insert', path: ['scenes', index, 'hotspots'], index: list.length, value: hotspot }]
            : [{ op: 'set', path: ['scenes', index, 'hotspots'], value: [hotspot] }];
        if (await this.edit(ops)) this.selectHotspot(list.length);
    }

    async moveHotspot(hotspot, yaw, pitch) {
        const { index } = this.currentScene();
        const path = ['scenes', index, 'hotspots', hotspot];
        const saved = await this.edit([
            { op: 'set', path: [...path, 'yaw'], value: yaw },
            { op: 'set', path: [...path, 'pitch'], value: pitch },
        ]);
        if (saved) this.focus(`.hb-hotspot[data-index="${hotspot}"]`);
    }

    async wayBack(sceneId, hotspot) {
        const { scene } = this.currentScene();
        const at = (scene.hotspots || []).indexOf(hotspot);
        const id = hotspot.id || `${sceneId}-${at}`;
        const path = `/api/scenes/${encodeURIComponent(sceneId)}/hotspots/${encodeURIComponent(id)}/way-back`;
        if (await this.run(path)) this.notice(t('wayBackDone', hotspot.target), 'st-done');
    }

    async renameScene(from, to) {
        if (await this.run(`/api/scenes/${encodeURIComponent(from)}/rename`, { to })) this.select(to);
    }

    async uploadMedia(file) {
        try {
            return await uploadMedia(file);
        } catch (error) {
            this.refused(error);
            return null;
        }
    }

    switchLanguage(lang) {
        setUiLanguage(lang);
        location.reload();
    }
}
