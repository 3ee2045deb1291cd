// Photos dropped or chosen: each uploaded on its own (a progress bar each, two at a time, the page stays
// usable), checked by the studio with `hallbuilder check`'s messages, then tiled in the background.
import { h } from '../ui/dom.js';
import { upload } from './api.js';
import { t } from './lang.js';

const AT_ONCE = 2;

/** Uploads an image or video into media/ and returns its project path (POST /api/media). */
export async function uploadMedia(file) {
    const form = new FormData();
    form.append('file', file, file.name);
    const answer = await upload('/api/media', form);
    return answer.path;
}

/** The messages of the refused photos in an upload answer (`refused: [{name, message}]`), or []. */
export function refusals(answer) {
    return (answer?.refused || []).map((item) => (item.name ? `${item.name}: ${item.message}` : item.message));
}

export class PhotoUploads {
    /** `onSaved()` runs after each accepted upload (to read the project again). */
    constructor(onSaved) {
        this.onSaved = onSaved;
        this.queue = [];
        this.running = 0;
        this.list = h('ul', { class: 'st-uploads', 'aria-live': 'polite' });
        this.cube = h('input', { type: 'checkbox', id: 'st-cube' });
        const input = h('input', {
            type: 'file',
            id: 'st-photos',
            class: 'st-file',
            multiple: true,
            accept: 'image/jpeg,image/png,image/tiff,image/webp',
            onchange: () => {
                this.add([...input.files]);
                input.value = '';
            },
        });
        this.zone = h('div', { class: 'st-drop', id: 'st-drop' }, [
            h('p', { text: t('dropPhotos') }),
            h('label', { for: 'st-photos', class: 'st-button st-button--primary', text: t('choosePhotos') }),
            input,
            h('label', { class: 'st-check' }, [this.cube, ` ${t('cubeFaces')}`]),
        ]);
        this.zone.addEventListener('dragover', (event) => {
            event.preventDefault();
            this.zone.classList.add('st-drop--over');
        });
        this.zone.addEventListener('dragleave', () => this.zone.classList.remove('st-drop--over'));
        this.zone.addEventListener('drop', (event) => {
            event.preventDefault();
            this.zone.classList.remove('st-drop--over');
            this.add([...event.dataTransfer.files]);
        });
        this.element = h('div', { class: 'st-photos' }, [this.zone, this.list]);
    }

    /** Queues files: six with "cube faces" ticked are one scene, else each file is a scene. */
    add(files) {
        if (!files.length) return;
        if (this.cube.checked && files.length === 6) this.enqueue(files, true);
        else for (const file of files) this.enqueue([file], false);
        this.next();
    }

    enqueue(files, cube) {
        const bar = h('progress', { max: 1, value: 0, 'aria-label': files[0].name });
        const state = h('span', { class: 'st-upload-state', text: t('uploading', 0) });
        const row = h('li', { class: 'st-upload', 'data-file': files[0].name }, [
            h('span', { class: 'st-upload-name', text: files.map((file) => file.name).join(', ') }),
            bar,
            state,
        ]);
        this.list.append(row);
        this.queue.push({ files, cube, row, bar, state });
    }

    next() {
        while (this.running < AT_ONCE && this.queue.length) {
            const item = this.queue.shift();
            this.running++;
            this.send(item).finally(() => {
                this.running--;
                this.next();
            });
        }
    }

    async send({ files, cube, row, bar, state }) {
        const form = new FormData();
        for (const file of files) form.append('files', file, file.name);
        if (cube) form.append('cube', '1');
        try {
            const answer = await upload('/api/photos', form, (part) => {
                bar.value = part;
                state.textContent = t('uploading', Math.round(part * 100));
            });
            const refused = refusals(answer);
            if (refused.length) return this.refuse(row, bar, state, refused);
            bar.value = 1;
            row.classList.add('st-upload--done');
            state.textContent = t('saved');
            row.remove();
            await this.onSaved(answer);
        } catch (error) {
            const messages = error.problems?.length
                ? error.problems.map((problem) => problem.message)
                : [error.message];
            this.refuse(row, bar, state, messages);
        }
    }

    refuse(row, bar, state, messages) {
        bar.remove();
        row.classList.add('st-upload--refused');
        state.textContent = t('refused', '');
        row.append(
            h(
                'ul',
                { class: 'st-problem', role: 'alert' },
                messages.map((text) => h('li', { text })),
            ),
        );
    }
}
