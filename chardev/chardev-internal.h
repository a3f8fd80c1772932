/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to chardev/: the mux chardev's state, which the front-end code in
 * char-fe.c needs to attach several front ends to one chardev.
 */
#ifndef CHARDEV_INTERNAL_H
#define CHARDEV_INTERNAL_H

#include "chardev/char-fe.h"

/* The most front ends one mux serves (QEMU's limit). */
#define MAX_MUX 4
/* Input held per front end while it cannot take it; a power of two. */
#define MUX_BUFFER_SIZE 32

typedef struct MuxChardev MuxChardev;
DECLARE_INSTANCE_CHECKER(MuxChardev, MUX_CHARDEV, TYPE_CHARDEV_MUX)

struct MuxChardev {
    Chardev parent_obj;

    CharBackend *backends[MAX_MUX];
    CharBackend chr;            /* our own front end on the base chardev */
    int focus;                  /* index into backends, or -1 */
    bool term_got_escape;
    /* input that arrived while the front end in focus could not take it */
    uint8_t buffer[MAX_MUX][MUX_BUFFER_SIZE];
    unsigned int prod[MAX_MUX];
    unsigned int cons[MAX_MUX];
    bool timestamps;
    bool linestart;
    int64_t timestamps_start;
};

/* char-mux.c */
bool mux_chr_attach_frontend(MuxChardev *d, CharBackend *be, Error **errp);
void mux_chr_detach_frontend(MuxChardev *d, CharBackend *be);
void mux_set_focus(Chardev *chr, int focus);
bool mux_chr_is_busy(MuxChardev *d);

/* char.c: whether an option name is one -chardev knows */
bool qemu_chr_opt_name_valid(const char *name);
/* char.c: a GIOChannel watch on @fd, for ChardevClass::chr_add_watch */
GSource *qemu_chr_fd_create_watch(int fd, GIOCondition cond);

#endif
