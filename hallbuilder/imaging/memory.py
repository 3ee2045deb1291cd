"""glibc malloc settings for a tiling process: reuse freed buffers instead of handing them back to the kernel.

The tiler allocates and frees band, tile and JPEG buffers of 1–5 MB hundreds of times. By default glibc
serves many of them from a fresh mmap, or trims them back to the kernel when freed, so they are faulted
in again page by page, which is dear on a virtual machine (an 8K build: about 55 000 page faults, 39 000
with these settings). Called by the `build` command and `python -m hallbuilder.imaging`, never on import:
it changes the whole process.
"""

from __future__ import annotations

import ctypes

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 << 20  # glibc's largest: buffers up to 32 MB come from the heap, and are reused
TRIM_THRESHOLD = 1 << 30  # freed memory stays in the process (it ends with the build)


def keep_freed_memory() -> bool:
    """Apply the settings; False where the C library is not glibc (nothing changes there)."""
    try:  # the process's own symbols, libc's among them (find_library would run ldconfig: ~10 ms)
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
