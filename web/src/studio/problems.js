// Where a refused save's problems are shown: each next to the field whose path is the longest prefix of the
// problem's path (["scenes", 1, "title", "en"] finds the English title field of the second scene).

/** The index in `paths` (each a JSON list) of the field closest to `problemPath`, or -1. */
export function closestField(paths, problemPath) {
    let best = -1;
    let bestLength = 0;
    paths.forEach((path, index) => {
        if (path.length > problemPath.length || path.length < bestLength || path.length === 0) return;
        if (path.every((part, at) => String(part) === String(problemPath[at])) && path.length > bestLength) {
            best = index;
            bestLength = path.length;
        }
    });
    return best;
}

/** A problem as one line: "hall.yaml:12 scenes[1].title: message" (the key and line added when the message lacks them). */
export function problemLine(problem) {
    if (problem.key && String(problem.message).includes(problem.key)) return problem.message;
    const where = [problem.line ? `hall.yaml:${problem.line}` : '', problem.key || ''].filter(Boolean).join(' ');
    return where ? `${where}: ${problem.message}` : problem.message;
}

/**
 * Shows each problem of a refused save next to its field inside `root` (marked aria-invalid) and returns the
 * problems that have no field there, for the page's message line.
 */
export function showProblems(root, problems) {
    clearProblems(root);
    const fields = [...root.querySelectorAll('[data-path]')];
    const paths = fields.map((node) => JSON.parse(node.dataset.path));
    const unplaced = [];
    for (const problem of problems) {
        const at = Array.isArray(problem.path) ? closestField(paths, problem.path) : -1;
        if (at < 0) {
            unplaced.push(problem);
            continue;
        }
        const field = fields[at];
        const holder = field.closest('.st-field') || field;
        const note = document.createElement('p');
        note.className = 'st-problem';
        note.setAttribute('role', 'alert');
        note.textContent = problem.message;
        holder.after(note);
        field.setAttribute('aria-invalid', 'true');
    }
    return unplaced;
}

/** Removes the messages of an earlier refused save. */
export function clearProblems(root) {
    for (const node of root.querySelectorAll('.st-problem')) node.remove();
    for (const node of root.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}
