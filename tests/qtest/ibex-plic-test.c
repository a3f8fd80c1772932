/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ibex-plic through qtest: the 6.1 defaults and window, latching inputs,
 * claim/complete with hidden pending, the output(s), reset, and QEMU's
 * quirks (priority writes one source higher, lowest-bit candidate, stale
 * claim).  Also the direct drive of a CPU's MEIP when the output is not
 * wired, when a RISC-V CPU type is available.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define PLIC_BASE   0x41010000ull
#define PENDING(w)  (PLIC_BASE + 0x000 + 4 * (w))
#define SOURCE(w)   (PLIC_BASE + 0x018 + 4 * (w))
#define PRIO(k)     (PLIC_BASE + 0x030 + 4 * (k))
#define ENABLE(w)   (PLIC_BASE + 0x300 + 4 * (w))
#define THRESHOLD   (PLIC_BASE + 0x318)
#define CLAIM       (PLIC_BASE + 0x31c)
#define MSIP        (PLIC_BASE + 0x320)

static QTestState *plic_start(const char *extra, int num_cpus)
{
    QTestState *qts = qtest_initf("-M none -preconfig %s", extra);

    qtest_qmp_device_add(qts, "ibex-plic", "plic", "{'num-cpus': %d}",
                         num_cpus);
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'plic', 'addr': %"
                             PRIu64 "}}", (uint64_t)PLIC_BASE);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    return qts;
}

/*
 * Give source @src priority @prio.  QUIRK: the write must go to the
 * register of source src - 1.
 */
static void set_prio(QTestState *qts, int src, uint32_t prio)
{
    qtest_writel(qts, PRIO(src - 1), prio);
}

static void set_src(QTestState *qts, int src, int level)
{
    qtest_set_irq_in(qts, "plic", NULL, src, level);
}

static int64_t qom_get_int(QTestState *qts, const char *prop)
{
    JsonObject *r = qtest_qmp_assert_success_ref(qts,
        "{'execute': 'qom-get', 'arguments': {'path': 'plic', "
        "'property': %s}}", prop);
    int64_t v = json_object_get_int_member(r, "return");

    json_object_unref(r);
    return v;
}

static void test_defaults(void)
{
    static const struct {
        const char *name;
        int64_t value;
    } defaults[] = {
        { "num-cpus", 1 }, { "num-sources", 176 },
        { "pending-base", 0x0 }, { "pending-num", 6 },
        { "source-base", 0x18 }, { "source-num", 6 },
        { "priority-base", 0x30 }, { "priority-num", 177 },
        { "enable-base", 0x300 }, { "enable-num", 6 },
        { "threshold-base", 0x318 }, { "claim-base", 0x31c },
    };
    QTestState *qts = plic_start("", 1);
    JsonObject *r;

    for (size_t i = 0; i < G_N_ELEMENTS(defaults); i++) {
        g_assert_cmpint(qom_get_int(qts, defaults[i].name), ==,
                        defaults[i].value);
    }
    /* 176 inputs: 175 is the last one */
    qtest_set_irq_in(qts, "plic", NULL, 175, 1);
    g_assert_cmphex(qtest_readl(qts, PENDING(5)), ==, 1u << 15);
    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': {'path': "
                  "'plic', 'property': 'unnamed-gpio-in[176]'}}");
    g_assert_nonnull(qtest_reply_error_class(r));
    json_object_unref(r);
    /* the window is 0x400 bytes; MSIP and the rest read 0 */
    g_assert_cmphex(qtest_readl(qts, MSIP), ==, 0);
    g_assert_cmphex(qtest_readl(qts, PLIC_BASE + 0x3fc), ==, 0);
    /* source-mode words are not modelled: read 0, writes dropped */
    qtest_writel(qts, SOURCE(0), 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, SOURCE(0)), ==, 0);
    /* 32-bit accesses only: a byte read is refused by the bus */
    g_assert_cmphex(qtest_readb(qts, PENDING(5) + 1), ==, 0);
    qtest_writeb(qts, THRESHOLD, 3);
    g_assert_cmphex(qtest_readl(qts, THRESHOLD), ==, 0);
    qtest_quit(qts);
}

static void test_priority_quirk(void)
{
    QTestState *qts = plic_start("", 1);

    /* QUIRK: PRIO_3 written, source 4 changed, PRIO_3 reads source 3 */
    qtest_writel(qts, PRIO(3), 0xff);
    g_assert_cmphex(qtest_readl(qts, PRIO(3)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, PRIO(4)), ==, 7);   /* 3 bits */
    /* PRIO_0 reaches source 1; the last register (176) has no 177 */
    qtest_writel(qts, PRIO(0), 5);
    g_assert_cmphex(qtest_readl(qts, PRIO(1)), ==, 5);
    qtest_writel(qts, PRIO(176), 7);
    g_assert_cmphex(qtest_readl(qts, PRIO(176)), ==, 0);
    /* threshold keeps 2 bits */
    qtest_writel(qts, THRESHOLD, 0xff);
    g_assert_cmphex(qtest_readl(qts, THRESHOLD), ==, 3);
    /* enable words are stored whole */
    qtest_writel(qts, ENABLE(5), 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, ENABLE(5)), ==, 0xffffffff);
    qtest_quit(qts);
}

static void test_pending_latch(void)
{
    QTestState *qts = plic_start("", 1);

    set_src(qts, 5, 1);
    set_src(qts, 33, 1);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1u << 5);
    g_assert_cmphex(qtest_readl(qts, PENDING(1)), ==, 1u << 1);
    /* QUIRK: a low level does not clear pending */
    set_src(qts, 5, 0);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1u << 5);
    /* pending is read-only */
    qtest_writel(qts, PENDING(0), 0);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1u << 5);
    qtest_quit(qts);
}

static void test_claim_complete(void)
{
    QTestState *qts = plic_start("", 1);

    qtest_irq_intercept_out(qts, "plic");
    set_prio(qts, 7, 2);
    set_prio(qts, 40, 3);
    qtest_writel(qts, ENABLE(0), 1u << 7);
    qtest_writel(qts, ENABLE(1), 1u << 8);
    g_assert_cmphex(qtest_readl(qts, PRIO(7)), ==, 2);
    g_assert_cmphex(qtest_readl(qts, PRIO(40)), ==, 3);

    set_src(qts, 7, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    set_src(qts, 40, 1);
    /* the higher priority wins */
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 40);
    g_assert_cmphex(qtest_readl(qts, PENDING(1)), ==, 0);
    g_assert_true(qtest_get_irq(qts, 0));   /* 7 is still there */
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 7);
    g_assert_false(qtest_get_irq(qts, 0));
    /* nothing left: 0 (which marks source 0 claimed, a QEMU quirk) */
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 0);

    /* asserted again while claimed: hidden, not pending */
    set_src(qts, 7, 0);
    set_src(qts, 7, 1);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    /* completion brings the hidden level back as pending */
    qtest_writel(qts, CLAIM, 7);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1u << 7);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 7);
    /* dropped before completion: nothing comes back */
    set_src(qts, 7, 1);
    set_src(qts, 7, 0);
    qtest_writel(qts, CLAIM, 7);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    /* completing 40, then a new edge is claimable again */
    qtest_writel(qts, CLAIM, 40);
    set_src(qts, 40, 0);
    set_src(qts, 40, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    /* out-of-range completions are harmless */
    qtest_writel(qts, CLAIM, 0xffffffff);
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 40);
    qtest_quit(qts);
}

static void test_threshold(void)
{
    QTestState *qts = plic_start("", 1);

    qtest_irq_intercept_out(qts, "plic");
    set_prio(qts, 3, 2);
    qtest_writel(qts, ENABLE(0), 1u << 3);
    qtest_writel(qts, THRESHOLD, 2);
    set_src(qts, 3, 1);
    /* the priority must be strictly above the threshold */
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_writel(qts, THRESHOLD, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    /* priority 0 never interrupts */
    set_prio(qts, 3, 0);
    qtest_writel(qts, THRESHOLD, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

static void test_lowest_bit_quirk(void)
{
    QTestState *qts = plic_start("", 1);

    qtest_irq_intercept_out(qts, "plic");
    /* source 2 enabled with priority 3, source 1 not enabled */
    set_prio(qts, 2, 3);
    qtest_writel(qts, ENABLE(0), 1u << 2);
    set_src(qts, 1, 1);
    set_src(qts, 2, 1);
    /* QUIRK: the word's candidate is source 1 (priority 0): no winner */
    g_assert_false(qtest_get_irq(qts, 0));
    /* QUIRK: give source 1 a priority and it wins, though disabled */
    set_prio(qts, 1, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 1);
    /* now source 2 is the lowest pending bit */
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 2);
    qtest_quit(qts);
}

static void test_stale_claim_quirk(void)
{
    QTestState *qts = plic_start("", 1);

    qtest_irq_intercept_out(qts, "plic");
    set_prio(qts, 9, 1);
    qtest_writel(qts, ENABLE(0), 1u << 9);
    set_src(qts, 9, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_writel(qts, ENABLE(0), 0);
    g_assert_false(qtest_get_irq(qts, 0));
    /* QUIRK: the last winner stays latched and is still claimed */
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 9);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 0);
    qtest_quit(qts);
}

static void test_reset(void)
{
    QTestState *qts = plic_start("", 1);

    set_prio(qts, 4, 2);
    qtest_writel(qts, ENABLE(0), 1u << 4);
    qtest_writel(qts, THRESHOLD, 1);
    set_src(qts, 4, 1);
    set_src(qts, 6, 1);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
    /* only threshold and claim are reset */
    g_assert_cmphex(qtest_readl(qts, THRESHOLD), ==, 0);
    g_assert_cmphex(qtest_readl(qts, PRIO(4)), ==, 2);
    g_assert_cmphex(qtest_readl(qts, ENABLE(0)), ==, 1u << 4);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, (1u << 4) | (1u << 6));
    /*
     * QUIRK: reset does not re-evaluate, so the first claim returns the
     * cleared CLAIM (0); its re-evaluation latches source 4.
     */
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 0);
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 4);
    qtest_quit(qts);
}

static void test_two_cpus(void)
{
    QTestState *qts = plic_start("", 2);

    qtest_irq_intercept_out(qts, "plic");
    set_prio(qts, 1, 1);
    qtest_writel(qts, ENABLE(0), 1u << 1);
    set_src(qts, 1, 1);
    /* one context: both harts see the same level */
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_true(qtest_get_irq(qts, 1));
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 1);
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_false(qtest_get_irq(qts, 1));
    qtest_quit(qts);
}

static void test_realize_errors(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'ibex-plic', 'pending-num': 1000}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "ibex-plic: 'pending-num' must be at most 256");
    json_object_unref(r);
    qtest_quit(qts);
}

/* A CPU type for the direct-drive tests, or NULL while none exists. */
static const char *find_cpu_type(void)
{
    static const char *const types[] = {
        "lowrisc-ibex-riscv-cpu", "rv32-riscv-cpu",
    };
    QTestState *qts = qtest_init("-M none");
    JsonObject *r = qtest_qmp_assert_success_ref(qts,
        "{'execute': 'qom-list-types', 'arguments': {'abstract': false}}");
    JsonArray *list = json_object_get_array_member(r, "return");
    const char *found = NULL;

    for (size_t t = 0; t < G_N_ELEMENTS(types) && !found; t++) {
        for (guint i = 0; i < json_array_get_length(list); i++) {
            JsonObject *o = json_array_get_object_element(list, i);

            if (!strcmp(json_object_get_string_member(o, "name"),
                        types[t])) {
                found = types[t];
                break;
            }
        }
    }
    json_object_unref(r);
    qtest_quit(qts);
    return found;
}

/*
 * The 2021 script does not wire the PLIC's output: the model then drives
 * CPU 0's MEIP (input 11) itself, as QEMU 6.1 did.
 */
static void test_direct_drive(void)
{
    const char *cpu_type = find_cpu_type();
    g_autofree char *cpu_opt = NULL;
    QTestState *qts;

    if (!cpu_type) {
        g_test_skip("no RISC-V CPU type in this build yet");
        return;
    }
    cpu_opt = g_strdup_printf("-cpu %.*s", (int)(strlen(cpu_type) -
                              strlen("-riscv-cpu")), cpu_type);
    qts = plic_start(cpu_opt, 1);
    qtest_irq_intercept_in(qts, "/machine/unattached/device[0]");
    set_prio(qts, 2, 1);
    qtest_writel(qts, ENABLE(0), 1u << 2);
    set_src(qts, 2, 1);
    g_assert_true(qtest_get_irq(qts, 11));
    g_assert_cmpuint(qtest_readl(qts, CLAIM), ==, 2);
    g_assert_false(qtest_get_irq(qts, 11));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("ibex-plic/defaults", test_defaults);
    qtest_add_func("ibex-plic/priority-write-quirk", test_priority_quirk);
    qtest_add_func("ibex-plic/pending-latch", test_pending_latch);
    qtest_add_func("ibex-plic/claim-complete", test_claim_complete);
    qtest_add_func("ibex-plic/threshold", test_threshold);
    qtest_add_func("ibex-plic/lowest-bit-quirk", test_lowest_bit_quirk);
    qtest_add_func("ibex-plic/stale-claim-quirk", test_stale_claim_quirk);
    qtest_add_func("ibex-plic/reset", test_reset);
    qtest_add_func("ibex-plic/two-cpus", test_two_cpus);
    qtest_add_func("ibex-plic/realize-errors", test_realize_errors);
    qtest_add_func("ibex-plic/direct-drive-meip", test_direct_drive);
    return g_test_run();
}
