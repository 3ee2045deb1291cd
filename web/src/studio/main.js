// The studio page's entry: PSV's styles (the hotspot editor shows the panorama) and the studio's own.
import '@photo-sphere-viewer/core/index.css';
import '@photo-sphere-viewer/markers-plugin/index.css';
import './studio.css';
import { startStudio } from './studio.js';

startStudio().catch((error) => {
    console.error('hallbuilder studio:', error);
    const note = document.createElement('p');
    note.className = 'st-fatal';
    note.textContent = String(error.message || error);
    document.body.append(note);
});
