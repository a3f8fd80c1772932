/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The human monitor (HMP): a line editor that redraws the line the way
 * QEMU's readline does, the command line parser, help, and the chardev
 * events (banner, prompt, mux focus changes).
 */
#include "qemu/osdep.h"
#include "config-host.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/qdev-core.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

#define HMP_PROMPT "(qemu) "

enum { ESC_NONE, ESC_ESC, ESC_CSI, ESC_SS3 };

/* Line editor */

static void rl_restart(HmpReadLine *rl)
{
    rl->len = 0;
    rl->pos = 0;
}

static void rl_show_prompt(Monitor *mon)
{
    HmpReadLine *rl = mon->rl;

    monitor_puts(mon, HMP_PROMPT);
    rl->shown_len = 0;
    rl->shown_pos = 0;
    rl->esc_state = ESC_NONE;
}

/* Bring the terminal up to date: redraw the whole line if it changed. */
static void rl_update(Monitor *mon)
{
    HmpReadLine *rl = mon->rl;
    GString *out = g_string_new(NULL);

    if (rl->len != rl->shown_len || memcmp(rl->buf, rl->shown, rl->len)) {
        for (int i = 0; i < rl->shown_pos; i++) {
            g_string_append(out, "\033[D");
        }
        g_string_append_len(out, rl->buf, rl->len);
        g_string_append(out, "\033[K");
        memcpy(rl->shown, rl->buf, rl->len);
        rl->shown_len = rl->len;
        rl->shown_pos = rl->len;
    }
    while (rl->shown_pos < rl->pos) {
        g_string_append(out, "\033[C");
        rl->shown_pos++;
    }
    while (rl->shown_pos > rl->pos) {
        g_string_append(out, "\033[D");
        rl->shown_pos--;
    }
    if (out->len) {
        monitor_puts(mon, out->str);
    }
    g_string_free(out, true);
}

static void rl_insert(HmpReadLine *rl, char ch)
{
    if (rl->len >= HMP_LINE_MAX) {
        return;
    }
    memmove(rl->buf + rl->pos + 1, rl->buf + rl->pos, rl->len - rl->pos);
    rl->buf[rl->pos++] = ch;
    rl->len++;
}

static void rl_delete(HmpReadLine *rl)
{
    if (rl->pos < rl->len) {
        memmove(rl->buf + rl->pos, rl->buf + rl->pos + 1,
                rl->len - rl->pos - 1);
        rl->len--;
    }
}

static void rl_set_line(HmpReadLine *rl, const char *text)
{
    rl->len = MIN(strlen(text), HMP_LINE_MAX);
    memcpy(rl->buf, text, rl->len);
    rl->pos = rl->len;
}

static int rl_history_count(HmpReadLine *rl)
{
    int n = 0;

    while (n < HMP_HISTORY_MAX && rl->history[n]) {
        n++;
    }
    return n;
}

static void rl_history_add(HmpReadLine *rl, const char *line)
{
    int n = rl_history_count(rl);

    rl->hist_cur = -1;
    if (!line[0]) {
        return;
    }
    /* an entry already present moves to the end */
    for (int i = 0; i < n; i++) {
        if (!strcmp(rl->history[i], line)) {
            char *e = rl->history[i];

            memmove(&rl->history[i], &rl->history[i + 1],
                    (n - i - 1) * sizeof(char *));
            rl->history[n - 1] = e;
            return;
        }
    }
    if (n == HMP_HISTORY_MAX) {
        g_free(rl->history[0]);
        memmove(&rl->history[0], &rl->history[1],
                (n - 1) * sizeof(char *));
        n--;
    }
    rl->history[n] = g_strdup(line);
}

static void rl_history_move(HmpReadLine *rl, int dir)
{
    int n = rl_history_count(rl);

    if (dir < 0) {
        if (rl->hist_cur == 0 || n == 0) {
            return;
        }
        rl->hist_cur = rl->hist_cur < 0 ? n - 1 : rl->hist_cur - 1;
        rl_set_line(rl, rl->history[rl->hist_cur]);
    } else {
        if (rl->hist_cur < 0) {
            return;
        }
        if (++rl->hist_cur >= n) {
            rl->hist_cur = -1;
            rl_set_line(rl, "");
        } else {
            rl_set_line(rl, rl->history[rl->hist_cur]);
        }
    }
}

static void hmp_line_done(Monitor *mon)
{
    HmpReadLine *rl = mon->rl;
    char *line = g_strndup(rl->buf, rl->len);

    rl_history_add(rl, line);
    monitor_puts(mon, "\n");
    rl_restart(rl);
    rl->shown_len = 0;
    rl->shown_pos = 0;
    /* no input, and no prompt, while the command runs */
    monitor_suspend(mon);
    hmp_handle_command(mon, line);
    monitor_resume(mon);
    g_free(line);
}

static void rl_handle_byte(Monitor *mon, uint8_t ch)
{
    HmpReadLine *rl = mon->rl;

    switch (rl->esc_state) {
    case ESC_NONE:
        switch (ch) {
        case 1:         /* ^A */
            rl->pos = 0;
            break;
        case 4:         /* ^D */
            rl_delete(rl);
            break;
        case 5:         /* ^E */
            rl->pos = rl->len;
            break;
        case '\n':
        case '\r':
            hmp_line_done(mon);
            return;
        case 27:
            rl->esc_state = ESC_ESC;
            break;
        case 8:
        case 127:
            if (rl->pos > 0) {
                rl->pos--;
                rl_delete(rl);
            }
            break;
        default:
            if (ch >= 32) {
                rl_insert(rl, ch);
            }
            break;
        }
        break;
    case ESC_ESC:
        rl->esc_param = 0;
        rl->esc_state = ch == '[' ? ESC_CSI : ch == 'O' ? ESC_SS3 : ESC_NONE;
        break;
    case ESC_CSI:
        if (ch >= '0' && ch <= '9') {
            rl->esc_param = rl->esc_param * 10 + (ch - '0');
            break;
        }
        rl->esc_state = ESC_NONE;
        switch (ch) {
        case 'A':
            rl_history_move(rl, -1);
            break;
        case 'B':
            rl_history_move(rl, 1);
            break;
        case 'C':
            if (rl->pos < rl->len) {
                rl->pos++;
            }
            break;
        case 'D':
            if (rl->pos > 0) {
                rl->pos--;
            }
            break;
        case '~':
            if (rl->esc_param == 1) {
                rl->pos = 0;
            } else if (rl->esc_param == 3) {
                rl_delete(rl);
            } else if (rl->esc_param == 4) {
                rl->pos = rl->len;
            }
            break;
        }
        break;
    case ESC_SS3:
        rl->esc_state = ESC_NONE;
        if (ch == 'H') {
            rl->pos = 0;
        } else if (ch == 'F') {
            rl->pos = rl->len;
        }
        break;
    }
    rl_update(mon);
}

/* Command line parsing */

static bool cmd_name_matches(const char *name, const char *table_name)
{
    g_auto(GStrv) names = g_strsplit(table_name, "|", -1);

    for (int i = 0; names[i]; i++) {
        if (!strcmp(name, names[i])) {
            return true;
        }
    }
    return false;
}

/* Does @cmd exist in this binary (its QMP command is in the schema)? */
static bool cmd_available(const HMPCommand *cmd)
{
    return !cmd->qmp || qmp_find_command(qmp_commands, cmd->qmp);
}

static const HMPCommand *find_cmd(const HMPCommand *table, const char *name)
{
    for (const HMPCommand *c = table; c->name; c++) {
        if (cmd_name_matches(name, c->name) && cmd_available(c)) {
            return c;
        }
    }
    return NULL;
}

/* The command name at *@p (up to a space or '/'); NULL when empty. */
static char *get_command_name(const char **p)
{
    const char *s = *p;
    const char *start;

    while (g_ascii_isspace(*s)) {
        s++;
    }
    start = s;
    while (*s && *s != '/' && !g_ascii_isspace(*s)) {
        s++;
    }
    *p = s;
    return s > start ? g_strndup(start, s - start) : NULL;
}

/* A word or a double-quoted string; NULL on error or at the end. */
static char *get_str(const char **p)
{
    const char *s = *p;
    GString *out = g_string_new(NULL);

    while (g_ascii_isspace(*s)) {
        s++;
    }
    if (!*s) {
        g_string_free(out, true);
        return NULL;
    }
    if (*s == '"') {
        s++;
        while (*s && *s != '"') {
            if (*s == '\\') {
                s++;
                switch (*s) {
                case 'n':
                    g_string_append_c(out, '\n');
                    break;
                case 'r':
                    g_string_append_c(out, '\r');
                    break;
                case '\\':
                case '\'':
                case '"':
                    g_string_append_c(out, *s);
                    break;
                default:
                    g_string_free(out, true);
                    return NULL;
                }
                s++;
            } else {
                g_string_append_c(out, *s++);
            }
        }
        if (*s != '"') {
            g_string_free(out, true);
            return NULL;
        }
        s++;
    } else {
        while (*s && !g_ascii_isspace(*s)) {
            g_string_append_c(out, *s++);
        }
    }
    *p = s;
    return g_string_free(out, false);
}

/* Is -@c one of the flags among @specs[@from...]? */
static bool later_flag(char **specs, int from, char c)
{
    for (int i = from; specs[i]; i++) {
        const char *type = strchr(specs[i], ':');

        if (type && type[1] == '-' && type[2] == c) {
            return true;
        }
    }
    return false;
}

/*
 * A "/fmt" argument (memory dumps): "/" then an optional count, then
 * format letters (x d u o c i) and size letters (b h w g) in any order.
 * Stored as it was written, without the slash, once every letter is
 * known.
 */
static bool parse_format(Monitor *mon, const char **p, JsonObject *args,
                         const char *name)
{
    const char *s = *p + 1;
    const char *start = s;

    while (g_ascii_isdigit(*s)) {
        s++;
    }
    while (*s && !g_ascii_isspace(*s)) {
        if (!strchr("xduocibhwg", *s)) {
            monitor_printf(mon, "invalid char in format: '%c'\n", *s);
            *p = s;
            return false;
        }
        s++;
    }
    g_autofree char *fmt = g_strndup(start, s - start);

    json_object_set_string_member(args, name, fmt);
    *p = s;
    return true;
}

/*
 * An address expression: numbers (0x hex, 0 octal, decimal) joined by
 * "+" and "-".
 */
static bool parse_expression(Monitor *mon, const char **p, uint64_t *val)
{
    const char *s = *p;
    uint64_t sum = 0;
    int sign = 1;

    for (;;) {
        char *end;
        uint64_t n;

        while (g_ascii_isspace(*s)) {
            s++;
        }
        if (!*s) {
            monitor_printf(mon, "unexpected end of expression\n");
            return false;
        }
        errno = 0;
        n = g_ascii_strtoull(s, &end, 0);
        if (end == s || errno) {
            monitor_printf(mon, "invalid char in expression\n");
            return false;
        }
        sum = sign > 0 ? sum + n : sum - n;
        s = end;
        while (g_ascii_isspace(*s)) {
            s++;
        }
        if (*s != '+' && *s != '-') {
            break;
        }
        sign = *s == '+' ? 1 : -1;
        s++;
    }
    *val = sum;
    *p = s;
    return true;
}

/* Parse the arguments of @cmd at *@p; prints the error and fails. */
static JsonObject *parse_arguments(Monitor *mon, const HMPCommand *cmd,
                                   const char **p)
{
    JsonObject *args = json_object_new();
    g_auto(GStrv) specs = g_strsplit(cmd->args_type ? cmd->args_type : "",
                                     ",", -1);
    const char *s = *p;

    for (int i = 0; specs[i]; i++) {
        char *colon = strchr(specs[i], ':');
        const char *type;
        bool optional;

        if (!colon) {
            continue;
        }
        *colon = '\0';
        type = colon + 1;
        optional = type[0] && type[strlen(type) - 1] == '?';
        while (g_ascii_isspace(*s)) {
            s++;
        }
        if (type[0] == '-') {
            if (*s == '-' && s[1] == type[1]) {
                s += 2;
                json_object_set_boolean_member(args, specs[i], true);
            } else if (*s == '-' && !later_flag(specs, i + 1, s[1])) {
                monitor_printf(mon, "%s: unsupported option -%c\n",
                               cmd->name, s[1]);
                goto fail;
            }
        } else if (type[0] == '/') {
            if (*s == '/' && !parse_format(mon, &s, args, specs[i])) {
                goto fail;
            }
        } else if (type[0] == 'l') {
            uint64_t val;

            if (!parse_expression(mon, &s, &val)) {
                goto fail;
            }
            json_object_set_int_member(args, specs[i], (int64_t)val);
        } else if (type[0] == 'S') {
            if (!*s) {
                if (optional) {
                    continue;
                }
                monitor_printf(mon, "%s: string expected\n", cmd->name);
                goto fail;
            }
            json_object_set_string_member(args, specs[i], s);
            s += strlen(s);
        } else {
            char *str;

            if (!*s && optional) {
                continue;
            }
            str = get_str(&s);
            if (!str) {
                monitor_printf(mon, "%s: string expected\n", cmd->name);
                goto fail;
            }
            json_object_set_string_member(args, specs[i], str);
            g_free(str);
        }
    }
    while (g_ascii_isspace(*s)) {
        s++;
    }
    if (*s) {
        monitor_printf(mon, "%s: extraneous characters at the end of line\n",
                       cmd->name);
        goto fail;
    }
    *p = s;
    return args;

fail:
    *p = s;
    json_object_unref(args);
    return NULL;
}

static void hmp_error_sink(void *opaque, const char *text)
{
    monitor_puts(opaque, text);
}

void hmp_handle_command(Monitor *mon, const char *cmdline)
{
    const HMPCommand *table = hmp_cmds;
    const HMPCommand *cmd = NULL;
    const char *p = cmdline;
    const char *start = cmdline;
    const char *args_start;
    JsonObject *args;
    Monitor *old_mon;
    ErrorSinkState old_sink;

    /* Find the command, descending into sub-tables ("info version"). */
    for (;;) {
        char *name = get_command_name(&p);

        if (!name) {
            if (!cmd) {
                return;     /* empty line */
            }
            break;
        }
        cmd = find_cmd(table, name);
        g_free(name);
        if (!cmd) {
            monitor_printf(mon, "unknown command: '%.*s'\n",
                           (int)(p - start), start);
            return;
        }
        if (!phase_check(PHASE_MACHINE_READY) && !cmd->preconfig) {
            monitor_printf(mon, "Command '%.*s' not available until "
                           "machine initialization has completed.\n",
                           (int)(p - start), start);
            return;
        }
        if (!cmd->sub_table) {
            break;
        }
        /* "info" alone runs info's own handler */
        args_start = p;
        while (g_ascii_isspace(*args_start)) {
            args_start++;
        }
        if (!*args_start) {
            break;
        }
        table = cmd->sub_table;
    }

    args_start = p;
    args = parse_arguments(mon, cmd, &p);
    if (!args) {
        const char *end = args_start;

        while (end > start && g_ascii_isspace(end[-1])) {
            end--;
        }
        while (start < end && g_ascii_isspace(*start)) {
            start++;
        }
        monitor_printf(mon, "Try \"help %.*s\" for more information\n",
                       (int)(end - start), start);
        return;
    }

    old_mon = monitor_set_cur(mon);
    old_sink = error_printf_set_sink(hmp_error_sink, mon);
    cmd->cmd(mon, args);
    error_printf_set_sink(old_sink.fn, old_sink.opaque);
    monitor_set_cur(old_mon);
    json_object_unref(args);
}

/* help */

static gint cmd_compare(gconstpointer a, gconstpointer b)
{
    const HMPCommand *ca = *(const HMPCommand *const *)a;
    const HMPCommand *cb = *(const HMPCommand *const *)b;

    return strcmp(ca->name, cb->name);
}

static void help_dump_table(Monitor *mon, const HMPCommand *table,
                            const char *prefix)
{
    GPtrArray *list = g_ptr_array_new();

    for (const HMPCommand *c = table; c->name; c++) {
        if (cmd_available(c)) {
            g_ptr_array_add(list, (gpointer)c);
        }
    }
    g_ptr_array_sort(list, cmd_compare);
    for (guint i = 0; i < list->len; i++) {
        const HMPCommand *c = g_ptr_array_index(list, i);

        monitor_printf(mon, "%s%s %s -- %s\n", prefix, c->name, c->params,
                       c->help);
    }
    g_ptr_array_free(list, true);
}

void hmp_help_cmd(Monitor *mon, const char *name)
{
    g_auto(GStrv) words = g_strsplit_set(name ? name : "", " \t", -1);
    const HMPCommand *table = hmp_cmds;
    const HMPCommand *cmd;
    GString *prefix = g_string_new(NULL);
    int n = 0;

    for (int i = 0; words[i]; i++) {
        if (words[i][0]) {
            words[n++] = words[i];
        } else {
            g_free(words[i]);
        }
    }
    words[n] = NULL;

    if (n == 0) {
        help_dump_table(mon, hmp_cmds, "");
        g_string_free(prefix, true);
        return;
    }
    for (int i = 0; i < n; i++) {
        cmd = find_cmd(table, words[i]);
        if (!cmd) {
            monitor_printf(mon, "unknown command: '");
            for (int j = 0; j <= i; j++) {
                monitor_printf(mon, "%s%s", words[j], j == i ? "'\n" : " ");
            }
            break;
        }
        if (i + 1 == n) {
            if (cmd->sub_table) {
                g_string_append_printf(prefix, "%s ", words[i]);
                help_dump_table(mon, cmd->sub_table, prefix->str);
            } else {
                monitor_printf(mon, "%s%s %s -- %s\n", prefix->str,
                               cmd->name, cmd->params, cmd->help);
            }
            break;
        }
        if (!cmd->sub_table) {
            monitor_printf(mon, "%s%s %s -- %s\n", prefix->str, cmd->name,
                           cmd->params, cmd->help);
            break;
        }
        g_string_append_printf(prefix, "%s ", words[i]);
        table = cmd->sub_table;
    }
    g_string_free(prefix, true);
}

/* The chardev side */

static int hmp_can_read(void *opaque)
{
    Monitor *mon = opaque;

    /* a byte at a time, so that nothing is left over when we suspend */
    return mon->suspend_cnt ? 0 : 1;
}

static void hmp_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;

    for (int i = 0; i < size; i++) {
        rl_handle_byte(mon, buf[i]);
    }
}

void monitor_hmp_resumed(Monitor *mon)
{
    if (mon->reset_seen && mon->rl) {
        rl_show_prompt(mon);
    }
}

static void hmp_event(void *opaque, QEMUChrEvent event)
{
    Monitor *mon = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        monitor_printf(mon, "QEMU %s monitor - type 'help' for more "
                       "information\n", QEMU_VERSION);
        if (!mon->mux_out) {
            rl_restart(mon->rl);
            rl_show_prompt(mon);
        }
        mon->reset_seen = true;
        break;
    case CHR_EVENT_CLOSED:
        break;
    case CHR_EVENT_MUX_IN:
        mon->mux_out = false;
        if (mon->reset_seen) {
            rl_restart(mon->rl);
            monitor_resume(mon);
            monitor_flush(mon);
        } else {
            mon->suspend_cnt = 0;
        }
        break;
    case CHR_EVENT_MUX_OUT:
        if (mon->reset_seen) {
            if (mon->suspend_cnt == 0) {
                monitor_puts(mon, "\n");
            }
            monitor_flush(mon);
            monitor_suspend(mon);
        } else {
            mon->suspend_cnt++;
        }
        mon->mux_out = true;
        break;
    case CHR_EVENT_BREAK:
        break;
    }
}

void monitor_hmp_setup(Monitor *mon)
{
    mon->rl = g_new0(HmpReadLine, 1);
    mon->rl->hist_cur = -1;
    qemu_chr_fe_set_echo(&mon->chr, true);
    qemu_chr_fe_set_handlers(&mon->chr, hmp_can_read, hmp_read, hmp_event,
                             mon);
}

void monitor_hmp_destroy(Monitor *mon)
{
    if (mon->rl) {
        for (int i = 0; i < HMP_HISTORY_MAX; i++) {
            g_free(mon->rl->history[i]);
        }
        g_free(mon->rl);
        mon->rl = NULL;
    }
}
