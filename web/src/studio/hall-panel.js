// The hall form: titles per language, the hall's languages (dialects by name), cover, start scene, url.
import { h } from '../ui/dom.js';
import { languageName } from '../i18n.js';
import { button, fileButton, inputField, selectField, t, textFields } from './fields.js';
import { anyText } from './texts.js';
import { uiLanguage } from './lang.js';

// Offered by name; any other BCP 47 code can be typed.
const COMMON_LANGUAGES = [
    'zh-CN',
    'zh-Hant',
    'zh-HK',
    'zh-TW',
    'en',
    'yue',
    'hak',
    'wuu',
    'nan',
    'ja',
    'ko',
    'fr',
    'de',
    'es',
    'ru',
];

export function hallPanel(ctx) {
    const { project } = ctx;
    const hall = project.hall || {};
    const languages = ctx.languages();
    const edit = (ops) => ctx.edit(ops);
    const set = (key) => (value) =>
        edit([
            value.trim()
                ? { op: 'set', path: ['hall', key], value: value.trim() }
                : { op: 'delete', path: ['hall', key] },
        ]);
    return h('section', { class: 'st-panel', 'aria-labelledby': 'st-hall-head' }, [
        h('h2', { id: 'st-hall-head', text: t('hall') }),
        inputField(t('hallId'), ['hall', 'id'], hall.id, set('id')),
        textFields(t('title'), ['hall', 'title'], hall.title, languages, edit),
        textFields(t('subtitle'), ['hall', 'subtitle'], hall.subtitle, languages, edit),
        textFields(t('description'), ['hall', 'description'], hall.description, languages, edit, { multiline: true }),
        languagesField(languages, edit),
        coverField(hall.cover, edit, ctx),
        selectField(
            t('start'),
            ['hall', 'start'],
            hall.start ?? '',
            [
                ['', t('firstScene')],
                ...(project.scenes || []).map((scene) => [
                    scene.id,
                    `${anyText(scene.title, uiLanguage())} (${scene.id})`,
                ]),
            ],
            set('start'),
        ),
        inputField(t('url'), ['hall', 'url'], hall.url, set('url'), { type: 'url', placeholder: 'https://' }),
    ]);
}

function languagesField(languages, edit) {
    const write = (list) => edit([{ op: 'set', path: ['hall', 'languages'], value: list }]);
    const chips = languages.map((code) =>
        h('li', { class: 'st-chip', lang: code }, [
            h('span', { text: `${languageName(code)} (${code})` }),
            languages.length > 1
                ? button('×', () => write(languages.filter((item) => item !== code)), {
                      'aria-label': t('remove', languageName(code)),
                      class: 'st-button st-button--small',
                  })
                : null,
        ]),
    );
    const choices = COMMON_LANGUAGES.filter((code) => !languages.includes(code));
    const select = h('select', { class: 'st-input', 'aria-label': t('addLanguage'), 'data-key': '"add-language"' }, [
        h('option', { value: '', text: t('addLanguage') }),
        ...choices.map((code) => h('option', { value: code, text: `${languageName(code)} (${code})` })),
    ]);
    select.addEventListener('change', () => select.value && write([...languages, select.value]));
    const other = h('input', {
        class: 'st-input',
        'aria-label': t('otherLanguage'),
        placeholder: t('otherLanguage'),
        'data-key': '"other-language"',
    });
    const addOther = button(t('add'), () => {
        const code = other.value.trim();
        if (code && !languages.includes(code)) write([...languages, code]);
    });
    return h('fieldset', { class: 'st-texts', 'data-path': JSON.stringify(['hall', 'languages']) }, [
        h('legend', { text: t('languages') }),
        h('ul', { class: 'st-chips' }, chips),
        h('div', { class: 'st-row' }, [select, other, addOther]),
    ]);
}

function coverField(cover, edit, ctx) {
    return h('div', { class: 'st-field', 'data-path': JSON.stringify(['hall', 'cover']) }, [
        h('span', { class: 'st-label', text: `${t('cover')}: ${cover || '—'}` }),
        fileButton(t('uploadCover'), 'image/*', async (file) => {
            const path = await ctx.uploadMedia(file);
            if (path) edit([{ op: 'set', path: ['hall', 'cover'], value: path }]);
        }),
    ]);
}
