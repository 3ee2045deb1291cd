"""Integrated loudness (ITU-R BS.1770-4, as in EBU R128) measured chunk by chunk.

Narration can be long; measuring while decoding keeps memory flat instead of holding the whole file.
`pyloudnorm` measures the same thing on a whole array; the tests use it to check this meter and the outputs.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import lfilter

RATE = 48000
STEP = RATE // 10  # 100 ms: gating blocks are 400 ms long and overlap by 75 %

# K-weighting at 48 kHz, the coefficients printed in BS.1770-4: a high shelf, then a high pass.
SHELF = (
    np.array([1.53512485958697, -2.69169618940638, 1.19839281085285]),
    np.array([1.0, -1.69065929318241, 0.73248077421585]),
)
HIGH_PASS = (np.array([1.0, -2.0, 1.0]), np.array([1.0, -1.99004745483398, 0.99007225036621]))
ABSOLUTE_GATE = -70.0
RELATIVE_GATE = -10.0


class LoudnessMeter:
    """Feed mono 48 kHz float samples with `feed`; read `integrated()` in LUFS (None when too short or silent)."""

    def __init__(self) -> None:
        self._shelf_state = np.zeros(2)
        self._pass_state = np.zeros(2)
        self._pending = np.zeros(0)
        self._steps: list[np.ndarray] = []

    def feed(self, samples: np.ndarray) -> None:
        """K-weight a chunk and keep the mean square of every complete 100 ms step."""
        weighted, self._shelf_state = lfilter(*SHELF, samples.astype(np.float64), zi=self._shelf_state)
        weighted, self._pass_state = lfilter(*HIGH_PASS, weighted, zi=self._pass_state)
        data = np.concatenate([self._pending, weighted])
        count = len(data) // STEP
        self._steps.append((data[: count * STEP].reshape(count, STEP) ** 2).mean(axis=1))
        self._pending = data[count * STEP :]

    def integrated(self) -> float | None:
        """Gated loudness of everything fed so far; None below one 400 ms block or when silent."""
        steps = np.concatenate(self._steps) if self._steps else np.zeros(0)
        if len(steps) < 4:
            return None
        blocks = np.convolve(steps, np.full(4, 0.25), mode="valid")
        with np.errstate(divide="ignore"):
            loudness = -0.691 + 10 * np.log10(blocks)
        audible = blocks[loudness > ABSOLUTE_GATE]
        if not len(audible):
            return None
        relative = -0.691 + 10 * np.log10(audible.mean()) + RELATIVE_GATE
        gated = blocks[(loudness > ABSOLUTE_GATE) & (loudness > relative)]
        return float(-0.691 + 10 * np.log10(gated.mean()))
