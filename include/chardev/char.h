/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Character devices ("chardevs"): the host side of serial ports and
 * monitors.  A chardev is a QOM object of an abstract type "chardev" living
 * at /chardevs/<label>; its concrete type ("chardev-socket", ...) is the
 * backend.  At most one front end (a device or a monitor, see
 * chardev/char-fe.h) is attached to a chardev, except for the mux backend,
 * which shares one chardev among several front ends.
 *
 * Threading: all of this runs in the main thread with the BQL held (every
 * GSource callback does).  A vCPU thread may write to a front end only
 * while it holds the BQL.
 *
 * See docs/devel/chardev.md.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qom/object.h"

/* Events a backend reports to its front end. */
typedef enum QEMUChrEvent {
    CHR_EVENT_BREAK,    /* serial break (mux C-a b, telnet break) */
    CHR_EVENT_OPENED,   /* the backend is connected (socket client came) */
    CHR_EVENT_MUX_IN,   /* a mux gave this front end the focus */
    CHR_EVENT_MUX_OUT,  /* a mux took the focus away from this front end */
    CHR_EVENT_CLOSED,   /* the backend lost its connection */
} QEMUChrEvent;

/* The most a backend reads from its fd in one go. */
#define CHR_READ_BUF_LEN 4096

typedef struct CharBackend CharBackend;

#define TYPE_CHARDEV "chardev"
#define TYPE_CHARDEV_NULL "chardev-null"
#define TYPE_CHARDEV_FILE "chardev-file"
#define TYPE_CHARDEV_PIPE "chardev-pipe"
#define TYPE_CHARDEV_SOCKET "chardev-socket"
#define TYPE_CHARDEV_STDIO "chardev-stdio"
#define TYPE_CHARDEV_PTY "chardev-pty"
#define TYPE_CHARDEV_RINGBUF "chardev-ringbuf"
#define TYPE_CHARDEV_MEMORY "chardev-memory"
#define TYPE_CHARDEV_MUX "chardev-mux"

OBJECT_DECLARE_TYPE(Chardev, ChardevClass, CHARDEV)

/**
 * struct Chardev: a character device instance
 *
 * @label: the id, also the name under /chardevs
 * @filename: what query-chardev shows ("null", "pty:/dev/pts/3",
 *   "disconnected:unix:/tmp/s,server=on", ...); set by the backend, else
 *   the type name without "chardev-"
 * @be: the attached front end; for a mux, the one that has the focus
 * @be_open: whether the backend is connected (OPENED sent, not CLOSED)
 */
struct Chardev {
    Object parent_obj;
    char *label;
    char *filename;
    CharBackend *be;
    bool be_open;
    /* private: the fd reader installed by qemu_chr_fd_reader_set() */
    GSource *reader;
};

/**
 * struct ChardevClass: backend methods
 *
 * @open: parse @opts (the -chardev options; "backend", "id" and the
 *   common "mux" are already handled) and open the backend.  Clear
 *   *@be_opened when the backend is not connected yet (sockets).
 * @chr_write: write up to @len bytes without blocking; return how many
 *   were taken, or -1 with errno set (EAGAIN: try again later).
 * @chr_write_fd: the fd qemu_chr_write() polls for POLLOUT after EAGAIN
 *   (or -1: then the write gives up).
 * @chr_update_read_handler: the front end's handlers changed.
 * @chr_accept_input: the front end can take input again.
 * @chr_set_echo: terminal echo on/off (stdio).
 * @chr_set_fe_open: the front end opened or closed.
 * @chr_be_event: deliver an event to the front end(s); the default
 *   calls the attached front end's event handler.
 * @chr_add_watch: a GSource for @cond on the output side.
 * @chr_disconnect: drop the current connection (sockets).
 */
struct ChardevClass {
    ObjectClass parent_class;
    /* Not creatable by name from -chardev/chardev-add. */
    bool internal;
    void (*open)(Chardev *chr, QemuOpts *opts, bool *be_opened,
                 Error **errp);
    int (*chr_write)(Chardev *chr, const uint8_t *buf, int len);
    int (*chr_write_fd)(Chardev *chr);
    void (*chr_update_read_handler)(Chardev *chr);
    void (*chr_accept_input)(Chardev *chr);
    void (*chr_set_echo)(Chardev *chr, bool echo);
    void (*chr_set_fe_open)(Chardev *chr, int fe_open);
    void (*chr_be_event)(Chardev *chr, QEMUChrEvent event);
    GSource *(*chr_add_watch)(Chardev *chr, GIOCondition cond);
    void (*chr_disconnect)(Chardev *chr);
};

/* Creation, lookup, removal */

/* The container "/chardevs", created on first use. */
Object *get_chardevs_root(void);

/* The chardev labelled @label, or NULL. */
Chardev *qemu_chr_find(const char *label);

/**
 * qemu_chr_new_from_opts: create a chardev from -chardev options
 * @opts: parsed with implied key "backend" ("socket,id=s,path=/tmp/s")
 *
 * With mux=on, the backend is created as "<id>-base" and a mux chardev
 * "<id>" over it is returned.  Errors (QEMU's texts): "chardev: no id
 * specified", "Duplicate ID 'a' for chardev", "'bogus' is not a valid
 * char driver name", "chardev: \"a\" missing backend", and the backend's
 * own ("Failed to connect to '/tmp/x.sock': No such file or directory",
 * "Unable to parse FD number ", "cannot use stdio by multiple character
 * devices", "size of ringbuf chardev must be power of two", ...).
 * A "backend=help" request is not handled here (see
 * qemu_chr_print_backends()).
 */
Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp);

/**
 * qemu_chr_parse_compat: turn a -serial/-qmp/-monitor spec into -chardev
 * options labelled @label
 *
 * "stdio", "null", "pty", "file:PATH", "pipe:PATH", "unix:PATH[,opts]",
 * "tcp:[HOST]:PORT[,opts]", "telnet:HOST:PORT[,opts]", "mon:DEV" (adds
 * mux=on, and signal=off for mon:stdio).  Anything else: "'SPEC' is not a
 * valid char driver".  "chardev:ID" is not handled here.
 */
QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                Error **errp);

/**
 * qemu_chr_new: create chardev @label from a -serial/-qmp style spec
 *
 * "chardev:ID" returns the existing chardev ID (error "Chardev 'ID' not
 * found" when there is none; callers usually print their own message).
 * "mon:DEV" returns a mux "@label" over "@label-base"; the caller then
 * attaches the human monitor to it (qemu_chr_is_mux() tells).
 */
Chardev *qemu_chr_new(const char *label, const char *filename,
                      Error **errp);

/**
 * qemu_chardev_new: create a chardev of type @typename named @id from
 * @opts (which may be NULL: no options) and add it under /chardevs.
 * Fails with "Duplicate ID 'ID' for chardev" when @id is taken.
 */
Chardev *qemu_chardev_new(const char *id, const char *typename,
                          QemuOpts *opts, Error **errp);

/**
 * qemu_chr_add_qmp: chardev-add
 * @backend: the "backend" argument, {"type": T, "data": {...}} (QMP's
 *   ChardevBackend: file out/append, socket addr/server/wait/nodelay/
 *   reconnect, ringbuf and memory size, stdio signal, mux chardev,
 *   pipe device, and logfile/logappend for all)
 * @pty: set to the new pty's path ("/dev/pts/N") for a pty, else NULL
 *
 * QMP's defaults apply (a socket is a server unless "server": false, and
 * does not wait).  Errors: "Chardev with id 'ID' already exists",
 * "Parameter 'type' does not accept value 'T'", and the backend's errors
 * prefixed with "Failed to add chardev 'ID': ".
 */
Chardev *qemu_chr_add_qmp(const char *id, JsonObject *backend, char **pty,
                          Error **errp);

/* Whether a front end is attached (to a mux: any front end). */
bool qemu_chr_is_busy(Chardev *chr);
bool qemu_chr_is_mux(Chardev *chr);

/**
 * qemu_chr_remove: chardev-remove
 *
 * Errors: "Chardev 'ID' not found", "Chardev 'ID' is busy".
 */
bool qemu_chr_remove(const char *id, Error **errp);

/* Remove every chardev (at exit); unix socket files are unlinked. */
void qemu_chr_cleanup(void);

/**
 * qemu_chr_query: query-chardev's return value, a new array node of
 * {"frontend-open": bool, "filename": str, "label": str}.
 */
JsonNode *qemu_chr_query(void);

/* query-chardev-backends: a new array node of {"name": str}. */
JsonNode *qemu_chr_query_backends(void);

/*
 * "-chardev help" output: "Available chardev backend types: " then each
 * backend name on its own line, indented by two spaces.  Caller frees.
 */
char *qemu_chr_backends_help(void);

/* Backend side: called by backends to talk to their front end */

/* How many bytes the front end accepts now (0 when none attached). */
int qemu_chr_be_can_write(Chardev *chr);
/* Deliver input to the front end (no more than can_write said). */
void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len);
/* Report an event; tracks be_open for OPENED/CLOSED. */
void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event);

/**
 * qemu_chr_write: write to the backend (output towards the host)
 * @write_all: keep going until all is written, waiting for the fd to
 *   become writable on EAGAIN; otherwise return after one attempt
 *
 * Returns the bytes written, or -1 when nothing could be written (e.g. a
 * socket with no client: the data is dropped).
 */
int qemu_chr_write(Chardev *chr, const uint8_t *buf, int len,
                   bool write_all);
#define qemu_chr_write_all(chr, buf, len) qemu_chr_write(chr, buf, len, true)

/**
 * qemu_chr_fd_reader_set: read @fd into the front end, with flow control
 *
 * Installs a GSource on the main context that polls @fd for input only
 * while qemu_chr_be_can_write() is positive, reads at most that many bytes
 * (and at most CHR_READ_BUF_LEN) and passes them on.  When the read
 * returns 0 or fails (not EAGAIN), or when @watch_hup is set and the fd
 * reports HUP/ERR, @on_eof is called (from the dispatch; it may call
 * qemu_chr_fd_reader_clear()).  Replaces any previous reader.
 */
typedef void ChardevEofFunc(Chardev *chr);
void qemu_chr_fd_reader_set(Chardev *chr, int fd, bool watch_hup,
                            ChardevEofFunc *on_eof);
void qemu_chr_fd_reader_clear(Chardev *chr);
/*
 * qemu_chr_fd_reader_kick: read the data already waiting on the reader's
 * fd into the front end now, as far as it has room (without blocking).
 */
void qemu_chr_fd_reader_kick(Chardev *chr);

/* Write to a non-blocking fd: qemu_chr_write()'s helper for fd backends. */
int qemu_chr_fd_write(int fd, const uint8_t *buf, int len);

/* Mux open events */

/*
 * suspend_mux_open: hold back the OPENED events of mux chardevs created
 * from now on (call before processing the command line), so that the
 * front ends do not print banners before the machine is complete.
 * resume_mux_open: send the held events (call when the machine is ready).
 */
void suspend_mux_open(void);
void resume_mux_open(void);

/* The mux escape character (default 0x01, Ctrl-a; -echr changes it). */
extern int term_escape_char;

/* Ring buffer */

/**
 * qemu_chr_ringbuf_write: ringbuf-write: append @len bytes to ring buffer
 * chardev @device, overwriting the oldest bytes when full
 *
 * Errors: "Device 'X' not found", "X is not a ringbuf device".
 */
bool qemu_chr_ringbuf_write(const char *device, const uint8_t *data,
                            size_t len, Error **errp);

/**
 * qemu_chr_ringbuf_read: ringbuf-read: take up to @size of the oldest
 * bytes out of ring buffer chardev @device
 *
 * Returns a new buffer of *@len bytes plus a terminating NUL, or NULL on
 * error: "Device 'X' not found", "X is not a ringbuf device", "size must
 * be greater than zero".
 */
uint8_t *qemu_chr_ringbuf_read(const char *device, int64_t size,
                               size_t *len, Error **errp);

#endif
