/* C tests of the hscodec core, meant to run under AddressSanitizer + UBSan
 * (scripts/test-native.sh). Includes hscodec.c to reach the static CRC paths.
 *   known-answer CRC32C vectors, software vs hardware CRC, float16/bfloat16
 *   conversions (exhaustive float16, hardware F16C as an oracle), round trips of
 *   every scheme and dtype, encoder errors, and a bounded mutation fuzz of
 *   truncated, bit-flipped and re-checksummed hostile buffers. */
#include "../hscodec.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#if HSC_X86_CRC
#include <immintrin.h>
#endif

static int failures = 0;
#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (!(cond)) {                                                     \
            failures++;                                                    \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                  \
            fputc('\n', stderr);                                           \
            if (failures > 20) exit(1);                                    \
        }                                                                  \
    } while (0)

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
static float rnd_normal(void) { /* sum of uniforms: cheap, bell-shaped */
    float s = 0;
    int i;
    for (i = 0; i < 4; i++) s += (float)(rnd() >> 40) / (float)(1 << 24);
    return (s - 2.0f) * 1.7f;
}

static void test_crc(void) {
    uint8_t zeros[32] = {0}, ones[32], inc[32], big[70001];
    size_t i;
    for (i = 0; i < 32; i++) { ones[i] = 0xff; inc[i] = (uint8_t)i; }
    CHECK(hsc_crc32c(0, "123456789", 9) == 0xE3069283u, "check value");
    CHECK(hsc_crc32c(0, zeros, 32) == 0x8A9136AAu, "RFC 3720 zeros");
    CHECK(hsc_crc32c(0, ones, 32) == 0x62A8AB43u, "RFC 3720 ones");
    CHECK(hsc_crc32c(0, inc, 32) == 0x46DD794Eu, "RFC 3720 incrementing");
    CHECK(hsc_crc32c(hsc_crc32c(0, "12345", 5), "6789", 4) == 0xE3069283u, "chaining");
    for (i = 0; i < sizeof big; i++) big[i] = (uint8_t)rnd();
    for (i = 0; i < 300; i++) { /* lengths across the 3x256 and 3x8192 interleaved paths */
        size_t off = rnd() % 64, n = rnd() % (i % 2 ? 5000 : sizeof big - off);
        uint32_t sw = ~crc_sw(~0u, big + off, n);
#if HSC_X86_CRC
        if (hsc_crc32c_hardware()) CHECK(~crc_hw(~0u, big + off, n) == sw, "hw vs sw n=%zu", n);
#endif
        CHECK(hsc_crc32c(0, big + off, n) == sw, "dispatch vs sw");
    }
}

#if HSC_X86_CRC
__attribute__((target("f16c"))) static uint16_t f16c_oracle(float x) {
    return (uint16_t)_cvtss_sh(x, 0); /* round to nearest even */
}
#endif

static void test_floats(void) {
    uint32_t i;
    /* every float16 survives f16 -> f32 -> f16 (NaNs come back quiet) */
    for (i = 0; i < 65536u; i++) {
        uint16_t h = (uint16_t)i, back = hsc_f32_to_f16(hsc_f16_to_f32(h));
        int nan = (h & 0x7c00u) == 0x7c00u && (h & 0x3ffu);
        CHECK(back == (nan ? (uint16_t)(h | 0x200u) : h), "f16 %04x -> %04x", h, back);
    }
    CHECK(hsc_f32_to_f16(65504.0f) == 0x7bffu, "max");
    CHECK(hsc_f32_to_f16(65519.99f) == 0x7bffu, "below overflow tie");
    CHECK(hsc_f32_to_f16(65520.0f) == 0x7c00u, "tie rounds to inf");
    CHECK(hsc_f32_to_f16(ldexpf(1.0f, -24)) == 0x0001u, "smallest subnormal");
    CHECK(hsc_f32_to_f16(ldexpf(1.0f, -25)) == 0x0000u, "tie to even zero");
    CHECK(hsc_f32_to_f16(ldexpf(3.0f, -25)) == 0x0002u, "tie to even two");
    CHECK(hsc_f32_to_f16(1.0f + ldexpf(1.0f, -11)) == 0x3c00u, "tie down");
    CHECK(hsc_f32_to_f16(1.0f + ldexpf(3.0f, -11)) == 0x3c02u, "tie up");
    CHECK(hsc_f32_to_f16(-0.0f) == 0x8000u, "negative zero");
    CHECK(hsc_f32_to_bf16(1.0f + ldexpf(1.0f, -8)) == 0x3f80u, "bf16 tie down");
    CHECK(hsc_f32_to_bf16(1.0f + ldexpf(3.0f, -8)) == 0x3f82u, "bf16 tie up");
    CHECK(hsc_f32_to_bf16(bits_f32(0x7f800001u)) == 0x7fc0u, "bf16 sNaN made quiet");
    CHECK(hsc_f32_to_bf16(bits_f32(0x7f7fffffu)) == 0x7f80u, "bf16 overflow to inf");
    { /* the array conversion (F16C or branch-free loop) equals the scalar rule */
        static float src[3001];
        static uint8_t dst[2 * 3001];
        int round;
        for (round = 0; round < 200; round++) {
            for (i = 0; i < 3001u; i++) {
                uint32_t u = (uint32_t)rnd();
                if (i % 3 == 0) u = (u & 0x807fffffu) | 0x7f800000u; /* Inf and NaNs */
                if (i % 3 == 1) u = (u & 0x80000000u) | (0x33000000u + u % 0x14800000u);
                src[i] = bits_f32(u);
            }
            f32_to_f16_n(src, dst, 3001);
            for (i = 0; i < 3001u; i++)
                CHECK(rd16(dst + 2 * i) == hsc_f32_to_f16(src[i]), "array %08x: %04x vs %04x",
                      f32_bits(src[i]), rd16(dst + 2 * i), hsc_f32_to_f16(src[i]));
        }
    }
#if HSC_X86_CRC
    if (__builtin_cpu_supports("f16c")) {
        for (i = 0; i < 2000000u; i++) {
            uint32_t u = (uint32_t)rnd();
            if (i & 1u) u = (u & 0x80000000u) | (0x33000000u + u % 0x14800000u); /* f16 range */
            {
                uint16_t a = hsc_f32_to_f16(bits_f32(u)), b = f16c_oracle(bits_f32(u));
                CHECK(a == b, "f32 %08x: %04x vs F16C %04x", u, a, b);
            }
        }
    }
#endif
}

static const unsigned schemes[] = {HSC_SCHEME_F32, HSC_SCHEME_F16, HSC_SCHEME_BF16,
                                   HSC_SCHEME_INT8, HSC_SCHEME_INT4};

/* Encodes n random values; returns a malloc'ed message (caller frees). */
static uint8_t *make_message(unsigned scheme, unsigned dtype, size_t n, unsigned group,
                             size_t *len, float **values) {
    hsc_header h;
    uint64_t size;
    float *x = malloc((n ? n : 1) * sizeof *x);
    uint16_t *x16 = malloc((n ? n : 1) * sizeof *x16);
    uint8_t *out;
    size_t i;
    int rc;
    memset(&h, 0, sizeof h);
    h.scheme = (uint8_t)scheme;
    h.dtype = (uint8_t)dtype;
    h.rank = 2;
    h.shape[0] = n % 3 == 0 ? 3 : 1;
    h.shape[1] = n / h.shape[0];
    h.param = (uint16_t)(scheme == HSC_SCHEME_INT8 || scheme == HSC_SCHEME_INT4 ? group : 0);
    for (i = 0; i < n; i++) {
        x[i] = rnd_normal() * (i % 97 == 0 ? 40.0f : 1.0f);
        x16[i] = hsc_f32_to_f16(x[i]);
        if (dtype == HSC_DTYPE_F16) x[i] = hsc_f16_to_f32(x16[i]);
    }
    rc = hsc_encoded_size(&h, &size);
    CHECK(rc == HSC_OK, "encoded_size %s", hsc_strerror(rc));
    out = malloc((size_t)size);
    CHECK(hsc_encode(&h, out, out, 10, len) == HSC_E_ARGUMENT || size <= 10, "small buffer");
    rc = hsc_encode(&h, dtype == HSC_DTYPE_F32 ? (void *)x : (void *)x16, out, (size_t)size, len);
    CHECK(rc == HSC_OK && *len == size, "encode scheme %u: %s", scheme, hsc_strerror(rc));
    free(x16);
    *values = x;
    return out;
}

static void test_round_trips(void) {
    static const size_t sizes[] = {0, 1, 15, 16, 17, 33, 4095, 4096, 4097, 9001};
    size_t si, ci, i;
    unsigned dtype, group;
    for (dtype = HSC_DTYPE_F32; dtype <= HSC_DTYPE_F16; dtype++)
        for (ci = 0; ci < sizeof schemes / sizeof *schemes; ci++)
            for (si = 0; si < sizeof sizes / sizeof *sizes; si++)
                for (group = 16; group <= 1024; group *= 4) {
                    unsigned scheme = schemes[ci];
                    size_t n = sizes[si], len, isz = hsc_dtype_size(dtype);
                    float *x, tol = 0, maxabs = 0;
                    uint8_t *msg = make_message(scheme, dtype, n, group, &len, &x);
                    const uint8_t *payload = NULL;
                    hsc_header h;
                    uint8_t *y = malloc(n * isz + 1);
                    int rc = hsc_open(msg, len, &h, &payload);
                    CHECK(rc == HSC_OK, "open: %s", hsc_strerror(rc));
                    rc = hsc_decode_payload(&h, payload, y, n * isz);
                    CHECK(rc == HSC_OK, "decode: %s", hsc_strerror(rc));
                    for (i = 0; i < n; i++) maxabs = fabsf(x[i]) > maxabs ? fabsf(x[i]) : maxabs;
                    if (scheme == HSC_SCHEME_INT8) tol = maxabs / 127.0f * 0.502f;
                    /* int4 rotates full groups: the error of one element is bounded by the
                     * group's L2 error, at most group * step / 2 */
                    if (scheme == HSC_SCHEME_INT4) tol = maxabs / 7.0f * 0.502f * (float)group;
                    if (scheme == HSC_SCHEME_F16 || dtype == HSC_DTYPE_F16) tol += maxabs * 1e-3f;
                    if (scheme == HSC_SCHEME_BF16) tol += maxabs * 8e-3f;
                    for (i = 0; i < n; i++) {
                        float v;
                        if (dtype == HSC_DTYPE_F32) memcpy(&v, y + 4 * i, 4);
                        else v = hsc_f16_to_f32(rd16(y + 2 * i));
                        CHECK(fabsf(v - x[i]) <= tol, "scheme %u dtype %u n %zu i %zu: %g vs %g",
                              scheme, dtype, n, i, (double)v, (double)x[i]);
                    }
                    free(y);
                    free(x);
                    free(msg);
                    if (scheme < HSC_SCHEME_INT8) break; /* group size is irrelevant */
                }
}

static void test_encode_errors(void) {
    hsc_header h;
    float x[40];
    uint8_t out[512];
    size_t len, i;
    memset(&h, 0, sizeof h);
    for (i = 0; i < 40; i++) x[i] = (float)i;
    h.scheme = HSC_SCHEME_INT8;
    h.dtype = HSC_DTYPE_F32;
    h.rank = 1;
    h.shape[0] = 40;
    h.param = 16;
    x[20] = NAN;
    CHECK(hsc_encode(&h, x, out, sizeof out, &len) == HSC_E_NONFINITE, "NaN");
    x[20] = 1e30f;
    CHECK(hsc_encode(&h, x, out, sizeof out, &len) == HSC_E_RANGE, "range");
    x[20] = 1.0f;
    h.param = 48;
    CHECK(hsc_encode(&h, x, out, sizeof out, &len) == HSC_E_PARAM, "group 48");
    h.param = 16;
    h.rank = 9;
    CHECK(hsc_encode(&h, x, out, sizeof out, &len) == HSC_E_RANK, "rank 9");
    h.rank = 1;
    h.flags = HSC_FLAG_CHUNK;
    h.chunk_count = 2;
    h.chunk_index = 2;
    h.total_rows = 40;
    CHECK(hsc_encode(&h, x, out, sizeof out, &len) == HSC_E_CHUNK, "chunk index");
    h.chunk_index = 1;
    CHECK(hsc_encode(&h, x, out, sizeof out, &len) == HSC_OK, "valid chunk");
    CHECK(hsc_open(out, len, &h, NULL) == HSC_OK, "reopen chunk");
    CHECK(hsc_open(out, len - 1, &h, NULL) == HSC_E_TRUNCATED, "truncated");
    out[len - 1] ^= 1;
    CHECK(hsc_open(out, len, &h, NULL) == HSC_E_CHECKSUM, "checksum");
}

static void test_shuffle(void) {
    uint8_t a[4 * 37], b[4 * 37], c[4 * 37];
    size_t i, k;
    for (i = 0; i < sizeof a; i++) a[i] = (uint8_t)rnd();
    for (k = 2; k <= 4; k += 2) {
        hsc_shuffle(a, 37, k, b);
        CHECK(b[1] == a[k], "plane layout");
        hsc_unshuffle(b, 37, k, c);
        CHECK(memcmp(a, c, 37 * k) == 0, "shuffle round trip");
    }
}

/* Decodes whatever hsc_open accepts, both ways: hsc_decode must give the same
 * result and output as hsc_open + hsc_decode_payload, and the same error for what
 * hsc_open refuses. The sanitizers catch any stray access. */
static void try_decode(const uint8_t *buf, size_t len) {
    hsc_header h, h2;
    const uint8_t *payload = NULL;
    uint64_t numel;
    int open_rc = hsc_open(buf, len, &h, &payload);
    if (open_rc != HSC_OK) {
        CHECK(hsc_decode(buf, len, &h2, NULL, 0) == open_rc, "fused decode error differs");
        return;
    }
    if (h.scheme == HSC_SCHEME_LOSSLESS) return;
    if (hsc_numel(&h, &numel) != HSC_OK || numel > (1u << 22)) return;
    {
        size_t cap = (size_t)numel * hsc_dtype_size(h.dtype);
        uint8_t *dst = malloc(cap ? cap : 1), *dst2 = malloc(cap ? cap : 1);
        int rc = hsc_decode_payload(&h, payload, dst, cap);
        CHECK(hsc_decode(buf, len, &h2, dst2, cap) == rc, "fused decode result differs");
        CHECK(rc != HSC_OK || memcmp(dst, dst2, cap) == 0, "fused decode output differs");
        free(dst);
        free(dst2);
    }
}

static void fix_crc(uint8_t *buf, size_t len) {
    if (len >= 4) wr32(buf + len - 4, hsc_crc32c(0, buf, len - 4));
}

static void test_fuzz(void) {
    int iter;
    for (iter = 0; iter < 3000; iter++) {
        unsigned scheme = schemes[rnd() % 5], dtype = 1 + (unsigned)(rnd() % 2);
        size_t n = rnd() % 300, len, cut, m, k;
        float *x;
        uint8_t *msg = make_message(scheme, dtype, n, 16u << (rnd() % 3), &len, &x);
        uint8_t *copy = malloc(len);
        hsc_header h;
        free(x);
        /* truncations: never OK below the full length */
        for (k = 0; k < 4; k++) {
            cut = (size_t)(rnd() % len);
            uint8_t *part = malloc(cut ? cut : 1);
            memcpy(part, msg, cut);
            CHECK(hsc_open(part, cut, &h, NULL) != HSC_OK, "truncated at %zu accepted", cut);
            try_decode(part, cut);
            free(part);
        }
        /* bit flips, then the same with a valid checksum recomputed */
        for (k = 0; k < 8; k++) {
            memcpy(copy, msg, len);
            for (m = 1 + rnd() % 3; m > 0; m--) copy[rnd() % len] ^= (uint8_t)(1u << (rnd() % 8));
            try_decode(copy, len);
            fix_crc(copy, len);
            try_decode(copy, len);
        }
        /* random header fields over the real payload, valid checksum */
        memcpy(copy, msg, len);
        for (m = 4; m < 48 && m < len; m++)
            if (rnd() % 6 == 0) copy[m] = (uint8_t)rnd();
        fix_crc(copy, len);
        try_decode(copy, len);
        free(copy);
        free(msg);
    }
    /* random buffers with the magic and version in place */
    for (iter = 0; iter < 20000; iter++) {
        size_t len = 48 + rnd() % 200, i;
        uint8_t *buf = malloc(len);
        for (i = 0; i < len; i++) buf[i] = (uint8_t)rnd();
        memcpy(buf, "EKHS\x01", 5);
        buf[5] = (uint8_t)(1 + rnd() % 6);
        buf[6] = (uint8_t)(1 + rnd() % 2);
        buf[7] = (uint8_t)(rnd() % 4);
        memset(buf + 8, 0, 2);
        memset(buf + 12, 0, 28);
        if (rnd() % 2) { buf[10] = 16; buf[11] = 0; }
        for (i = 48; i + 8 <= len && i < 48 + 8u * buf[7]; i += 8) {
            memset(buf + i, 0, 8);
            buf[i] = (uint8_t)(rnd() % 20);
        }
        {
            hsc_header h;
            if (hsc_parse_header(buf, len, &h) == HSC_OK && rnd() % 2) {
                /* make the lengths agree so the payload decoder runs */
                uint64_t want = hsc_header_size(h.rank) + h.payload_len + 4;
                if (want <= len) len = (size_t)want;
            }
        }
        fix_crc(buf, len);
        try_decode(buf, len);
        free(buf);
    }
}

int main(void) {
    test_crc();
    test_floats();
    test_round_trips();
    test_encode_errors();
    test_shuffle();
    test_fuzz();
    if (failures) {
        fprintf(stderr, "hscodec tests: %d failure(s)\n", failures);
        return 1;
    }
    printf("hscodec tests: ok (crc32c %s)\n", hsc_crc32c_hardware() ? "sse4.2" : "table");
    return 0;
}
