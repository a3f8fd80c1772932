/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * split-irq and or-irq through qtest: a splitter's input drives all its
 * outputs; an OR gate's output follows the OR of its inputs; the two
 * wired together over QMP (qom-set of the output links) in -preconfig.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static void test_split(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "split-irq", "split", "{'num-lines': 4}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "split");
    qtest_set_irq_in(qts, "split", NULL, 0, 1);
    for (int i = 0; i < 4; i++) {
        g_assert_true(qtest_get_irq(qts, i));
    }
    g_assert_false(qtest_get_irq(qts, 4));
    qtest_set_irq_in(qts, "split", NULL, 0, 0);
    for (int i = 0; i < 4; i++) {
        g_assert_false(qtest_get_irq(qts, i));
    }
    qtest_quit(qts);
}

static void test_or(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "or-irq", "or", "{'num-lines': 3}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "or");
    qtest_set_irq_in(qts, "or", NULL, 2, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_set_irq_in(qts, "or", NULL, 0, 1);
    qtest_set_irq_in(qts, "or", NULL, 2, 0);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_set_irq_in(qts, "or", NULL, 0, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

/* split -> (or input 0, or input 1); watch the or's inputs. */
static void test_wired(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    g_autofree char *line = NULL;

    qtest_qmp_device_add(qts, "split-irq", "split", "{'num-lines': 2}");
    qtest_qmp_device_add(qts, "or-irq", "or", "{'num-lines': 2}");
    qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments': "
                             "{'path': 'split', 'property': "
                             "'unnamed-gpio-out[0]', 'value': "
                             "'or/unnamed-gpio-in[0]'}}");
    qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments': "
                             "{'path': 'split', 'property': "
                             "'unnamed-gpio-out[1]', 'value': "
                             "'or/unnamed-gpio-in[1]'}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_in(qts, "or");
    line = qtest_raw_cmd(qts, "set_irq_in split unnamed-gpio-in 0 1");
    g_assert_cmpstr(line, ==, "IRQ raise 0\nIRQ raise 1\nOK");
    g_free(line);
    line = qtest_raw_cmd(qts, "set_irq_in split unnamed-gpio-in 0 0");
    g_assert_cmpstr(line, ==, "IRQ lower 0\nIRQ lower 1\nOK");
    qtest_quit(qts);
}

static void test_errors(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'split-irq', 'num-lines': 16}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "IRQ splitter number of lines 16 is not between 1 "
                    "and 16");
    json_object_unref(r);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("irq/split", test_split);
    qtest_add_func("irq/or", test_or);
    qtest_add_func("irq/split-to-or", test_wired);
    qtest_add_func("irq/errors", test_errors);
    return g_test_run();
}
