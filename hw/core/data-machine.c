/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Boards as data: one machine type per embedded boards/NAME.qmp file,
 * built by replaying that file through QMP.  See hw/core/data-machine.h.
 */
#include "qemu/osdep.h"
#include "chardev/char.h"
#include "hw/boards.h"
#include "hw/core/data-machine.h"
#include "hw/qdev-core.h"
#include "monitor/monitor.h"
#include "qapi/error.h"
#include "qapi/qmp/qmp-script.h"
#include "qemu/cutils.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "sysemu/sysemu.h"

#define TYPE_DATA_MACHINE "data-machine"
OBJECT_DECLARE_TYPE(DataMachineState, DataMachineClass, DATA_MACHINE)

/* A board file's directives, read once when its type is registered */
typedef struct DataBoard {
    const DataBoardSource *src;
    char *desc;
    char *ram_id;
    uint64_t ram_addr;
    uint64_t ram_size;
    unsigned serials;
} DataBoard;

struct DataMachineState {
    MachineState parent_obj;
};

struct DataMachineClass {
    MachineClass parent_class;
    const DataBoard *board;
};

/*
 * A malformed directive in an embedded file is a build mistake; the
 * functional tests run every board, so it cannot ship.
 */
static G_NORETURN void bad_directive(const DataBoardSource *src, int line,
                                     const char *what)
{
    fprintf(stderr, "%s:%d: bad board directive: %s\n", src->file, line,
            what);
    abort();
}

static void parse_ram(DataBoard *b, const char *val, int line)
{
    g_auto(GStrv) f = g_strsplit_set(val, " \t", -1);
    g_autoptr(GPtrArray) words = g_ptr_array_new();
    guint i;

    for (i = 0; f[i]; i++) {
        if (*f[i]) {
            g_ptr_array_add(words, f[i]);
        }
    }
    if (words->len != 3 ||
        qemu_strtou64(g_ptr_array_index(words, 1), NULL, 0,
                      &b->ram_addr) < 0 ||
        qemu_strtosz(g_ptr_array_index(words, 2), NULL, &b->ram_size) < 0) {
        bad_directive(b->src, line, "@ram: NAME ADDRESS SIZE");
    }
    b->ram_id = g_strdup(g_ptr_array_index(words, 0));
}

/* The "# @key: value" lines of the leading comment block */
static DataBoard *data_board_parse(const DataBoardSource *src)
{
    DataBoard *b = g_new0(DataBoard, 1);
    g_auto(GStrv) lines = g_strsplit(src->text, "\n", -1);
    int i;

    b->src = src;
    for (i = 0; lines[i]; i++) {
        const char *l = g_strstrip(lines[i]);
        const char *colon;
        g_autofree char *key = NULL;

        if (!*l) {
            continue;
        }
        if (*l != '#') {
            break;
        }
        l = g_strchug((char *)l + 1);
        if (*l != '@') {
            continue;
        }
        colon = strchr(l, ':');
        if (!colon) {
            bad_directive(src, i + 1, l);
        }
        key = g_strndup(l + 1, colon - l - 1);
        if (!strcmp(key, "desc")) {
            b->desc = g_strdup(g_strstrip((char *)colon + 1));
        } else if (!strcmp(key, "ram")) {
            parse_ram(b, colon + 1, i + 1);
        } else if (!strcmp(key, "serials")) {
            if (qemu_strtoui(colon + 1, NULL, 10, &b->serials) < 0) {
                bad_directive(src, i + 1, "@serials: COUNT");
            }
        } else {
            bad_directive(src, i + 1, l);
        }
    }
    return b;
}

static void data_machine_init(MachineState *ms)
{
    /* everything is made by the script, in data_machine_populate() */
}

/*
 * "chardev=serialN" in a board means the Nth -serial port.  A port given
 * as -serial chardev:ID is the chardev ID, not one labelled serialN, so
 * the script's reference is rewritten to that label.
 */
static gboolean serial_port_label(const GMatchInfo *m, GString *out,
                                  gpointer opaque)
{
    g_autofree char *all = g_match_info_fetch(m, 0);
    g_autofree char *num = g_match_info_fetch(m, 1);
    Chardev *chr = serial_hd(atoi(num));

    if (chr && chr->label) {
        g_string_append_printf(out, "chardev=%s", chr->label);
    } else {
        g_string_append(out, all);
    }
    return FALSE;
}

static char *data_board_text(const DataBoard *b)
{
    g_autoptr(GRegex) re = g_regex_new("chardev=serial([0-9]+)(?=\\s|$)",
                                       G_REGEX_MULTILINE, 0, NULL);

    return g_regex_replace_eval(re, b->src->text, -1, 0, 0,
                                serial_port_label, NULL, NULL);
}

static bool data_machine_populate(MachineState *ms, Error **errp)
{
    const DataBoard *b = DATA_MACHINE_GET_CLASS(ms)->board;
    g_autofree char *text = NULL;
    unsigned i;

    if (ms->ram_size != b->ram_size) {
        g_autofree char *sz = size_to_str(b->ram_size);

        error_setg(errp, "Invalid RAM size, should be %s", sz);
        return false;
    }
    /* QEMU leaves a UART without -serial unconnected; ours gets "null" */
    for (i = 0; i < b->serials; i++) {
        g_autofree char *label = g_strdup_printf("serial%u", i);

        if (!serial_hd(i) && !qemu_chr_find(label) &&
            !qemu_chr_new(label, "null", errp)) {
            return false;
        }
    }
    text = data_board_text(b);
    return qmp_script_run(qmp_commands, b->src->file, text, errp);
}

static void data_machine_instance_init(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    ms->ram_addr = DATA_MACHINE_GET_CLASS(obj)->board->ram_addr;
}

static void data_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    DataMachineClass *dmc = DATA_MACHINE_CLASS(oc);
    const DataBoard *b = data;

    dmc->board = b;
    mc->desc = b->desc;
    mc->max_cpus = 1;
    mc->default_ram_id = b->ram_id;
    mc->default_ram_size = b->ram_size;
    mc->init = data_machine_init;
    mc->populate = data_machine_populate;
}

static const TypeInfo data_machine_info = {
    .name = TYPE_DATA_MACHINE,
    .parent = TYPE_MACHINE,
    .abstract = true,
    .instance_size = sizeof(DataMachineState),
    .class_size = sizeof(DataMachineClass),
};

static void data_machine_register_types(void)
{
    const DataBoardSource *src;

    type_register_static(&data_machine_info);
    for (src = data_board_sources; src->name; src++) {
        g_autofree char *tname = g_strconcat(src->name, TYPE_MACHINE_SUFFIX,
                                             NULL);
        TypeInfo ti = {
            .name = tname,
            .parent = TYPE_DATA_MACHINE,
            .instance_init = data_machine_instance_init,
            .class_init = data_machine_class_init,
            /* lives as long as the type: for the process */
            .class_data = data_board_parse(src),
        };

        type_register(&ti);
    }
}

type_init(data_machine_register_types)
