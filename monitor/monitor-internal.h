/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private state shared by the monitor's files: the Monitor object (one
 * struct for both kinds), the list of live monitors, and the entry points
 * of the QMP (qmp.c) and HMP (hmp.c) halves.
 */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

#include "chardev/char-fe.h"
#include "monitor/monitor.h"
#include "qobject/json.h"

/* HMP's line editor limits. */
#define HMP_LINE_MAX 4096
#define HMP_HISTORY_MAX 64

/* The line editor of a human monitor. */
typedef struct HmpReadLine {
    char buf[HMP_LINE_MAX + 1];
    int len;            /* bytes in buf */
    int pos;            /* cursor position */
    int shown_pos;      /* cursor position on the terminal */
    char shown[HMP_LINE_MAX + 1];
    int shown_len;      /* what the terminal shows */
    int esc_state;      /* escape sequence parser state */
    int esc_param;
    char *history[HMP_HISTORY_MAX];
    int hist_cur;       /* history entry being edited, -1: none */
} HmpReadLine;

struct Monitor {
    bool is_qmp;
    bool pretty;        /* QMP: indented output */
    /*
     * A monitor without chardev (human-monitor-command's): output collects
     * in outbuf and stays there.
     */
    bool has_chr;
    CharBackend chr;
    /* Output not yet written (held back while a mux hides us). */
    GString *outbuf;
    bool mux_out;       /* a mux gave the focus to another front end */
    int suspend_cnt;    /* input is taken only while 0 */
    bool reset_seen;    /* the chardev has been opened once */

    /* QMP */
    JSONMessageParser *parser;
    bool negotiated;    /* qmp_capabilities done: all commands, events */
    bool oob_offered;
    bool oob_enabled;
    bool in_feed;       /* inside json_message_parser_feed() */
    bool drop_input;    /* the connection closed during a feed */

    /* HMP */
    HmpReadLine *rl;
    int cur_cpu;        /* the CPU "info registers" shows by default */
};

/* All monitors with a chardev, in creation order. */
extern GPtrArray *monitors;

/* monitor.c */
Monitor *monitor_set_cur(Monitor *mon);
void monitor_puts(Monitor *mon, const char *str);
void monitor_flush(Monitor *mon);
void monitor_suspend(Monitor *mon);
void monitor_resume(Monitor *mon);

/* qmp.c */
void monitor_qmp_setup(Monitor *mon);
void monitor_qmp_destroy(Monitor *mon);
/* Send {"timestamp": ..., "event": @name, "data"?: @data} to @mon. */
void monitor_qmp_send_event(Monitor *mon, JsonNode *event);
void monitor_qmp_caps_init(void);
void monitor_qmp_caps_cleanup(void);
/* The QMP monitor running a command (for qmp_capabilities), or NULL. */
Monitor *monitor_qmp_cur(void);
/* Commands the monitor accepts now (the negotiation list until then). */
void monitor_qmp_set_negotiated(Monitor *mon, bool oob);

/* hmp.c */
void monitor_hmp_setup(Monitor *mon);
void monitor_hmp_destroy(Monitor *mon);
/* Input resumed: show the prompt again. */
void monitor_hmp_resumed(Monitor *mon);
/* Run one HMP command line on @mon (its output goes to @mon). */
void hmp_handle_command(Monitor *mon, const char *cmdline);

/* xp /fmt addr (monitor/hmp-memory.c) */
void hmp_xp(Monitor *mon, JsonObject *args);

#endif
