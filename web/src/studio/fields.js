// Form fields that know where they write in hall.yaml (`data-path`, a JSON list), so a refused save's message
// lands next to the right one. Every text goes through textContent or .value, never markup.
import { h } from '../ui/dom.js';
import { languageName } from '../i18n.js';
import { t } from './lang.js';
import { textIn, textOp } from './texts.js';

let serial = 0;

/** What was typed in each field (by data-key) and not saved yet: it survives the forms being rebuilt. */
export const typed = new Map();
const remember = (node) => typed.set(node.dataset.key, node.value);
const nextId = () => `st-field-${++serial}`;

/** A labelled input writing `path`; `save(value)` runs on change (Enter or leaving the field). */
export function inputField(label, path, value, save, attrs = {}) {
    const id = nextId();
    const input = h('input', {
        id,
        class: 'st-input',
        value: value ?? '',
        'data-path': JSON.stringify(path),
        'data-key': JSON.stringify(path),
        onchange: () => {
            remember(input);
            save(input.value, input);
        },
        ...attrs,
    });
    input.value = value ?? '';
    return h('div', { class: 'st-field' }, [h('label', { for: id, text: label }), input]);
}

/** A labelled select; options are [value, text] pairs. */
export function selectField(label, path, value, options, save) {
    const id = nextId();
    const select = h(
        'select',
        {
            id,
            class: 'st-input',
            'data-path': JSON.stringify(path),
            'data-key': JSON.stringify(path),
            onchange: () => {
                remember(select);
                save(select.value, select);
            },
        },
        options.map(([optionValue, text]) => h('option', { value: optionValue, text })),
    );
    select.value = value ?? '';
    return h('div', { class: 'st-field' }, [h('label', { for: id, text: label }), select]);
}

/**
 * One field per hall language for a text at `path` ("Title · English", "Title · 简体中文"). A change saves the
 * whole map with `edit([op])`.
 */
export function textFields(label, path, value, languages, edit, { multiline = false } = {}) {
    return h(
        'fieldset',
        { class: 'st-texts', 'data-path': JSON.stringify(path) },
        [h('legend', { text: label })].concat(
            languages.map((lang) => {
                const id = nextId();
                const key = JSON.stringify([...path, lang]);
                const control = h(multiline ? 'textarea' : 'input', {
                    id,
                    class: 'st-input',
                    lang,
                    rows: multiline ? 3 : null,
                    'data-path': key,
                    'data-key': key,
                    onchange: () => {
                        remember(control);
                        edit([textOp(path, value, lang, control.value, languages)]);
                    },
                });
                control.value = textIn(value, lang, languages);
                return h('div', { class: 'st-field st-field--lang' }, [
                    h('label', { for: id, text: `${label} · ${languageName(lang)}` }),
                    control,
                ]);
            }),
        ),
    );
}

/** A file picker that uploads at once: `onFile(file)` gets each chosen file. */
export function fileButton(label, accept, onFile, { multiple = false } = {}) {
    const id = nextId();
    const input = h('input', {
        id,
        type: 'file',
        accept,
        multiple,
        class: 'st-file',
        onchange: () => {
            for (const file of input.files) onFile(file);
            input.value = '';
        },
    });
    return h('div', { class: 'st-field st-upload' }, [h('label', { for: id, class: 'st-button', text: label }), input]);
}

/** A small button. */
export function button(text, onclick, attrs = {}) {
    return h('button', { type: 'button', class: 'st-button', onclick, ...attrs }, [text]);
}

/** Rebuilds `container` with `children`, keeping the focused field (by data-key) and its caret. */
export function rerender(container, children) {
    const active = document.activeElement;
    const key = active && container.contains(active) ? active.dataset.key : null;
    const caret =
        key && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
    // What the user is typing and has not saved yet survives a refresh of the project around it.
    const typing = key && 'value' in active ? active.value : null;
    container.replaceChildren(...[].concat(children).filter(Boolean));
    for (const node of container.querySelectorAll('[data-key]')) {
        if (typed.has(node.dataset.key) && node.type !== 'file') node.value = typed.get(node.dataset.key);
    }
    if (!key) return;
    const again = [...container.querySelectorAll('[data-key]')].find((node) => node.dataset.key === key);
    if (!again) return;
    if (typing !== null && again.type !== 'file') again.value = typing;
    again.focus();
    if (caret) {
        try {
            again.setSelectionRange(...caret);
        } catch {
            // not a text field
        }
    }
}

export { t };
