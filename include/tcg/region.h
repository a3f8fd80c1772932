/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The code buffer of the native code generator: one executable mapping,
 * filled from the start and emptied whole when the translation cache is
 * flushed.  Used by the vCPU thread only.
 */
#ifndef TCG_REGION_H
#define TCG_REGION_H

/* Bytes one translation block may need at most (checked by the backend). */
#define TCG_MAX_BLOCK_CODE (64 * 1024)

/* The default size of the buffer (-accel tcg,tb-size=MiB changes it). */
#define TCG_REGION_DEFAULT_SIZE (64 * 1024 * 1024)

/*
 * Map a buffer of @size bytes (replacing one of another size, with all
 * its code); false (with errno) if the host refuses an executable
 * mapping.
 */
bool tcg_region_init(size_t size);
/* Drop every translation's code, keeping the first @keep bytes. */
void tcg_region_reset(size_t keep);
/* Whether another block fits (TCG_MAX_BLOCK_CODE bytes). */
bool tcg_region_has_room(void);
/* Where the next code goes, and the start and end of the buffer. */
uint8_t *tcg_region_ptr(void);
uint8_t *tcg_region_start(void);
uint8_t *tcg_region_end(void);
/* The next code ends at @p (aligned to 16 bytes for the one after). */
void tcg_region_commit(uint8_t *p);
/* Unmap (at exit). */
void tcg_region_cleanup(void);

#endif
