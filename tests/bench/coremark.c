/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "coremark": a mixed kernel of our own in the spirit of
 * CoreMark: linked-list search and reversal, a small integer matrix
 * multiply, a state machine scanning text for numbers, and a CRC-16
 * folding every result into the checksum.
 */
#include "bench.h"

const char bench_name[] = "coremark";

#define LIST_LEN 64
#define MAT_N 12
#define TEXT_LEN 256

struct node {
    struct node *next;
    int16_t data;
    int16_t idx;
};

static struct node nodes[LIST_LEN];
static int16_t mat_a[MAT_N * MAT_N], mat_b[MAT_N * MAT_N];
static int32_t mat_c[MAT_N * MAT_N];
static char text[TEXT_LEN];

static uint16_t crc16(uint16_t crc, uint32_t v, int bytes)
{
    int i, bit;

    for (i = 0; i < bytes; i++) {
        crc ^= (uint8_t)(v >> (8 * i));
        for (bit = 0; bit < 8; bit++) {
            crc = (crc & 1) ? (crc >> 1) ^ 0xa001 : crc >> 1;
        }
    }
    return crc;
}

static struct node *list_build(uint32_t seed)
{
    int i;

    for (i = 0; i < LIST_LEN; i++) {
        nodes[i].next = i + 1 < LIST_LEN ? &nodes[i + 1] : NULL;
        nodes[i].data = (int16_t)(bench_rand(&seed) >> 20);
        nodes[i].idx = (int16_t)i;
    }
    return &nodes[0];
}

static struct node *list_reverse(struct node *head)
{
    struct node *prev = NULL;

    while (head) {
        struct node *next = head->next;

        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static int list_find(struct node *head, int16_t data)
{
    while (head) {
        if (head->data == data) {
            return head->idx;
        }
        head = head->next;
    }
    return -1;
}

/* one pass of bubbling the largest element to the end, by relinking */
static struct node *list_sort_pass(struct node *head)
{
    struct node **pp = &head;

    while (*pp && (*pp)->next) {
        struct node *a = *pp, *b = a->next;

        if (a->data > b->data) {
            a->next = b->next;
            b->next = a;
            *pp = b;
        }
        pp = &(*pp)->next;
    }
    return head;
}

static uint16_t matrix(uint16_t crc, uint32_t seed)
{
    int i, j, k;

    for (i = 0; i < MAT_N * MAT_N; i++) {
        mat_a[i] = (int16_t)(bench_rand(&seed) >> 22);
        mat_b[i] = (int16_t)(bench_rand(&seed) >> 22) - 512;
    }
    for (i = 0; i < MAT_N; i++) {
        for (j = 0; j < MAT_N; j++) {
            int32_t s = 0;

            for (k = 0; k < MAT_N; k++) {
                s += mat_a[i * MAT_N + k] * mat_b[k * MAT_N + j];
            }
            mat_c[i * MAT_N + j] = s;
        }
    }
    for (i = 0; i < MAT_N * MAT_N; i++) {
        crc = crc16(crc, (uint32_t)mat_c[i], 2);
    }
    return crc;
}

enum state { S_START, S_INT, S_FRAC, S_EXP, S_EXP_SIGN, S_EXP_INT, S_BAD };

static uint16_t scan(uint16_t crc, uint32_t seed)
{
    static const char alphabet[] = "0123456789.e-+ ,x";
    enum state s = S_START;
    uint32_t counts[7] = { 0 };
    int i;

    for (i = 0; i < TEXT_LEN; i++) {
        text[i] = alphabet[(bench_rand(&seed) >> 16) % (sizeof(alphabet) - 1)];
    }
    for (i = 0; i < TEXT_LEN; i++) {
        char c = text[i];

        if (c == ' ' || c == ',') {
            counts[s]++;
            s = S_START;
            continue;
        }
        switch (s) {
        case S_START:
            s = (c >= '0' && c <= '9') ? S_INT
                : (c == '-' || c == '+') ? S_INT : S_BAD;
            break;
        case S_INT:
            s = (c >= '0' && c <= '9') ? S_INT : c == '.' ? S_FRAC
                : c == 'e' ? S_EXP : S_BAD;
            break;
        case S_FRAC:
            s = (c >= '0' && c <= '9') ? S_FRAC : c == 'e' ? S_EXP : S_BAD;
            break;
        case S_EXP:
            s = (c == '-' || c == '+') ? S_EXP_SIGN
                : (c >= '0' && c <= '9') ? S_EXP_INT : S_BAD;
            break;
        case S_EXP_SIGN:
        case S_EXP_INT:
            s = (c >= '0' && c <= '9') ? S_EXP_INT : S_BAD;
            break;
        default:
            break;
        }
    }
    for (i = 0; i < 7; i++) {
        crc = crc16(crc, counts[i], 2);
    }
    return crc;
}

uint32_t bench_run(void)
{
    uint16_t crc = 0;
    uint32_t iter;

    for (iter = 0; iter < SCALE; iter++) {
        struct node *head = list_build(iter + 1);
        int i;

        for (i = 0; i < 8; i++) {
            head = list_sort_pass(head);
        }
        head = list_reverse(head);
        for (i = 0; i < 16; i++) {
            crc = crc16(crc, (uint32_t)list_find(head, nodes[i * 3].data), 2);
        }
        crc = crc16(crc, (uint32_t)head->data, 2);
        crc = matrix(crc, iter * 7 + 3);
        crc = scan(crc, iter * 13 + 5);
    }
    return crc;
}
