/* hscodec: the EdgeKit tensor wire format, plain C99 (see hscodec.h, docs/codec.md).
 *
 * Rounding is specified exactly so that the numpy reference produces the same bytes:
 *   scale16 = f16_rne(maxabs_f32 / qmax)        (f32 division, then RNE to float16)
 *   inv     = scale16 > 0 ? 1.0f / f32(scale16) : 0
 *   q       = rint_half_even(clip(x * inv, -qmax, qmax))
 * Loops are written so that GCC/Clang vectorize them at -O3 without -ffast-math;
 * the build adds -ffp-contract=off so no multiply-add is fused on any target.
 */
#include "hscodec.h"

#include <string.h>

#include "hscodec_crc_tables.h"

#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#error "hscodec assumes a little-endian host"
#endif

#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
#define HSC_X86_CRC 1
#include <immintrin.h>
#else
#define HSC_X86_CRC 0
#endif

/* Hot block loops are compiled twice, for AVX2 and for the baseline, and the loader
 * picks one (GCC function multiversioning); both round identically (no FMA). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__) && \
    !defined(HSC_NO_CLONES)
#define HSC_HOT __attribute__((target_clones("avx2", "default")))
#define HSC_INLINE __attribute__((always_inline)) inline
#else
#define HSC_HOT
#define HSC_INLINE inline
#endif

/* Elements processed per block: a multiple of every allowed group size. */
#define HSC_BLOCK 4096u
/* Groups in a block at the smallest group size. */
#define HSC_GROUPS (HSC_BLOCK / HSC_MIN_GROUP)

static const uint8_t HSC_MAGIC[4] = {'E', 'K', 'H', 'S'};

/* ---------------------------------------------------------------- status */

const char *hsc_strerror(int status) {
    switch (status) {
    case HSC_OK: return "ok";
    case HSC_E_ARGUMENT: return "invalid argument or output buffer too small";
    case HSC_E_TRUNCATED: return "truncated message";
    case HSC_E_MAGIC: return "not an EdgeKit tensor (bad magic)";
    case HSC_E_VERSION: return "unsupported format version";
    case HSC_E_SCHEME: return "unknown scheme id";
    case HSC_E_DTYPE: return "unknown source dtype id";
    case HSC_E_RANK: return "rank above 8";
    case HSC_E_RESERVED: return "reserved header bits are set";
    case HSC_E_PARAM: return "invalid scheme parameter";
    case HSC_E_SHAPE: return "shape has too many elements";
    case HSC_E_CHUNK: return "inconsistent chunk fields";
    case HSC_E_LENGTH: return "payload length does not match scheme and shape";
    case HSC_E_TRAILING: return "trailing bytes after the message";
    case HSC_E_CHECKSUM: return "checksum mismatch";
    case HSC_E_PAYLOAD: return "invalid group scale in payload";
    case HSC_E_NONFINITE: return "NaN or infinity cannot be quantized";
    case HSC_E_RANGE: return "values too large for float16 group scales";
    default: return "unknown error";
    }
}

/* ---------------------------------------------------------------- bytes */

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t rd32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}
static uint64_t rd64(const uint8_t *p) { return (uint64_t)rd32(p) | ((uint64_t)rd32(p + 4) << 32); }
static void wr16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void wr32(uint8_t *p, uint32_t v) { wr16(p, (uint16_t)v); wr16(p + 2, (uint16_t)(v >> 16)); }
static void wr64(uint8_t *p, uint64_t v) { wr32(p, (uint32_t)v); wr32(p + 4, (uint32_t)(v >> 32)); }

static uint32_t f32_bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float bits_f32(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/* ---------------------------------------------------------------- CRC32C */

static uint32_t crc_sw(uint32_t crc, const uint8_t *p, size_t n) {
    while (n && ((uintptr_t)p & 7u)) { crc = hsc_crc_table[0][(crc ^ *p++) & 0xffu] ^ (crc >> 8); n--; }
    while (n >= 8) {
        uint32_t lo = crc ^ rd32(p), hi = rd32(p + 4);
        crc = hsc_crc_table[7][lo & 0xffu] ^ hsc_crc_table[6][(lo >> 8) & 0xffu] ^
              hsc_crc_table[5][(lo >> 16) & 0xffu] ^ hsc_crc_table[4][lo >> 24] ^
              hsc_crc_table[3][hi & 0xffu] ^ hsc_crc_table[2][(hi >> 8) & 0xffu] ^
              hsc_crc_table[1][(hi >> 16) & 0xffu] ^ hsc_crc_table[0][hi >> 24];
        p += 8; n -= 8;
    }
    while (n--) crc = hsc_crc_table[0][(crc ^ *p++) & 0xffu] ^ (crc >> 8);
    return crc;
}

#if HSC_X86_CRC
static uint32_t crc_shift(const uint32_t table[4][256], uint32_t crc) {
    return table[0][crc & 0xffu] ^ table[1][(crc >> 8) & 0xffu] ^ table[2][(crc >> 16) & 0xffu] ^
           table[3][crc >> 24];
}

/* Three independent streams hide the instruction's 3-cycle latency; their registers
 * are joined by advancing over the zeros the later streams stand for. */
__attribute__((target("sse4.2"))) static uint32_t crc_hw(uint32_t crc, const uint8_t *p, size_t n) {
    uint64_t c0 = crc, c1, c2, v;
    const uint8_t *end;
    while (n && ((uintptr_t)p & 7u)) { c0 = _mm_crc32_u8((uint32_t)c0, *p++); n--; }
    while (n >= 3 * HSC_CRC_LONG) {
        c1 = c2 = 0;
        for (end = p + HSC_CRC_LONG; p < end; p += 8) {
            memcpy(&v, p, 8); c0 = _mm_crc32_u64(c0, v);
            memcpy(&v, p + HSC_CRC_LONG, 8); c1 = _mm_crc32_u64(c1, v);
            memcpy(&v, p + 2 * HSC_CRC_LONG, 8); c2 = _mm_crc32_u64(c2, v);
        }
        c0 = crc_shift(hsc_crc_long, (uint32_t)c0) ^ (uint32_t)c1;
        c0 = crc_shift(hsc_crc_long, (uint32_t)c0) ^ (uint32_t)c2;
        p += 2 * HSC_CRC_LONG;
        n -= 3 * HSC_CRC_LONG;
    }
    while (n >= 3 * HSC_CRC_SHORT) {
        c1 = c2 = 0;
        for (end = p + HSC_CRC_SHORT; p < end; p += 8) {
            memcpy(&v, p, 8); c0 = _mm_crc32_u64(c0, v);
            memcpy(&v, p + HSC_CRC_SHORT, 8); c1 = _mm_crc32_u64(c1, v);
            memcpy(&v, p + 2 * HSC_CRC_SHORT, 8); c2 = _mm_crc32_u64(c2, v);
        }
        c0 = crc_shift(hsc_crc_short, (uint32_t)c0) ^ (uint32_t)c1;
        c0 = crc_shift(hsc_crc_short, (uint32_t)c0) ^ (uint32_t)c2;
        p += 2 * HSC_CRC_SHORT;
        n -= 3 * HSC_CRC_SHORT;
    }
    for (; n >= 8; p += 8, n -= 8) { memcpy(&v, p, 8); c0 = _mm_crc32_u64(c0, v); }
    while (n--) c0 = _mm_crc32_u8((uint32_t)c0, *p++);
    return (uint32_t)c0;
}
#endif

int hsc_crc32c_hardware(void) {
#if HSC_X86_CRC
    return __builtin_cpu_supports("sse4.2") ? 1 : 0;
#else
    return 0;
#endif
}

uint32_t hsc_crc32c(uint32_t crc, const void *data, size_t len) {
    const uint8_t *p = (const uint8_t *)data;
    crc = ~crc;
#if HSC_X86_CRC
    if (hsc_crc32c_hardware()) return ~crc_hw(crc, p, len);
#endif
    return ~crc_sw(crc, p, len);
}

/* ---------------------------------------------------------------- floats */

static uint16_t f32_to_f16(float x) {
    uint32_t f = f32_bits(x);
    uint32_t sign = (f >> 16) & 0x8000u;
    uint32_t a = f & 0x7fffffffu;
    uint32_t o;
    if (a >= 0x47800000u) {                      /* >= 65536, Inf or NaN */
        o = a > 0x7f800000u ? (0x7e00u | ((a >> 13) & 0x3ffu)) : 0x7c00u;
    } else if (a < 0x38800000u) {                /* below 2^-14: subnormal or zero */
        o = f32_bits(bits_f32(a) + 0.5f) - 0x3f000000u; /* FP add rounds to even */
    } else {                                     /* normal: rebias and round to even */
        o = (a + 0xc8000fffu + ((a >> 13) & 1u)) >> 13;
    }
    return (uint16_t)(o | sign);
}

static float f16_to_f32(uint16_t h) {
    uint32_t sign = ((uint32_t)h & 0x8000u) << 16;
    uint32_t e = ((uint32_t)h >> 10) & 0x1fu, m = (uint32_t)h & 0x3ffu;
    uint32_t o;
    if (e == 0x1fu) {
        o = 0x7f800000u | (m << 13) | (m ? 0x00400000u : 0u); /* Inf, quiet NaN */
    } else if (e == 0) {
        o = f32_bits((float)m * (1.0f / 16777216.0f)); /* m * 2^-24, exact */
    } else {
        o = ((e + 112u) << 23) | (m << 13);
    }
    return bits_f32(o | sign);
}

static uint16_t f32_to_bf16(float x) {
    uint32_t u = f32_bits(x);
    if ((u & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((u >> 16) | 0x0040u);
    return (uint16_t)((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}

static float bf16_to_f32(uint16_t b) { return bits_f32((uint32_t)b << 16); }

/* Exported wrappers; the codec itself calls the static versions (inlinable in a
 * shared object). */
uint16_t hsc_f32_to_f16(float x) { return f32_to_f16(x); }
float hsc_f16_to_f32(uint16_t h) { return f16_to_f32(h); }
uint16_t hsc_f32_to_bf16(float x) { return f32_to_bf16(x); }
float hsc_bf16_to_f32(uint16_t b) { return bf16_to_f32(b); }

/* The same as hsc_f16_to_f32, branch-free so that it vectorizes. */
HSC_HOT static void f16_to_f32_n(const uint8_t *restrict src, float *restrict dst, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        uint32_t h = rd16(src + 2 * i), e = (h >> 10) & 0x1fu, m = h & 0x3ffu;
        uint32_t is_special = 0u - (uint32_t)(e == 0x1fu), is_sub = 0u - (uint32_t)(e == 0);
        uint32_t special = 0x7f800000u | (m << 13) | ((0u - (uint32_t)(m != 0)) & 0x00400000u);
        uint32_t normal = ((e + 112u) << 23) | (m << 13), sub, o;
        float sf = (float)(int32_t)m * (1.0f / 16777216.0f); /* m * 2^-24, exact */
        memcpy(&sub, &sf, 4);
        o = (is_special & special) | (~is_special & ((is_sub & sub) | (~is_sub & normal)));
        o |= (h & 0x8000u) << 16;
        memcpy(dst + i, &o, 4);
    }
}

#if HSC_X86_CRC
/* The F16C instruction rounds to nearest even and turns a NaN into a quiet NaN with
 * the top payload bits: exactly the format's rule, so it is used when present. */
__attribute__((target("avx,f16c"))) static void f32_to_f16_f16c(const float *src, uint8_t *dst,
                                                               size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m128i h = _mm256_cvtps_ph(_mm256_loadu_ps(src + i), _MM_FROUND_TO_NEAREST_INT);
        _mm_storeu_si128((__m128i *)(void *)(dst + 2 * i), h);
    }
    for (; i < n; i++) wr16(dst + 2 * i, f32_to_f16(src[i]));
}
#endif

/* The same rounding as hsc_f32_to_f16, branch-free so that it vectorizes. */
HSC_HOT static void f32_to_f16_n(const float *restrict src, uint8_t *restrict dst, size_t n) {
    uint16_t out[HSC_BLOCK];
    size_t i, done;
#if HSC_X86_CRC
    if (__builtin_cpu_supports("avx") && __builtin_cpu_supports("f16c")) {
        f32_to_f16_f16c(src, dst, n);
        return;
    }
#endif
    for (done = 0; done < n; done += HSC_BLOCK) {
        size_t m = n - done < HSC_BLOCK ? n - done : HSC_BLOCK;
        for (i = 0; i < m; i++) {
            int32_t f, a, sign, special, sub, norm, o;
            float af;
            memcpy(&f, src + done + i, 4);
            a = f & 0x7fffffff;
            sign = (f >> 16) & 0x8000;
            int32_t is_nan = -(int32_t)(a > 0x7f800000), is_big = -(int32_t)(a >= 0x47800000);
            int32_t is_small = -(int32_t)(a < 0x38800000);
            special = 0x7c00 | (is_nan & (0x0200 | ((a >> 13) & 0x3ff)));
            memcpy(&af, &a, 4);
            af += 0.5f;
            memcpy(&sub, &af, 4);
            sub -= 0x3f000000;
            norm = (int32_t)(((uint32_t)a + 0xc8000fffu + (((uint32_t)a >> 13) & 1u)) >> 13);
            o = (is_big & special) | (~is_big & ((is_small & sub) | (~is_small & norm)));
            out[i] = (uint16_t)(o | sign);
        }
        memcpy(dst + 2 * done, out, m * 2); /* little-endian host */
    }
}

/* ---------------------------------------------------------------- sizes */

size_t hsc_dtype_size(unsigned dtype) {
    return dtype == HSC_DTYPE_F32 ? 4u : dtype == HSC_DTYPE_F16 ? 2u : 0u;
}

size_t hsc_header_size(unsigned rank) { return HSC_FIXED_HEADER + 8u * (size_t)rank; }

int hsc_numel(const hsc_header *h, uint64_t *numel) {
    uint64_t n = 1;
    unsigned i;
    if (h->rank > HSC_MAX_RANK) return HSC_E_RANK;
    for (i = 0; i < h->rank; i++) {
        uint64_t d = h->shape[i];
        if (d > HSC_MAX_NUMEL) return HSC_E_SHAPE;
        if (d == 0) { n = 0; continue; }
        if (n > HSC_MAX_NUMEL / d) n = HSC_MAX_NUMEL + 1; /* sticky overflow, a 0 may still follow */
        else n *= d;
    }
    if (n > HSC_MAX_NUMEL) return HSC_E_SHAPE;
    *numel = n;
    return HSC_OK;
}

static int group_ok(unsigned g) {
    return g >= HSC_MIN_GROUP && g <= HSC_MAX_GROUP && (g & (g - 1u)) == 0;
}

int hsc_payload_size(unsigned scheme, unsigned dtype, uint64_t numel, unsigned group,
                     uint64_t *size) {
    uint64_t groups;
    if (numel > HSC_MAX_NUMEL || hsc_dtype_size(dtype) == 0) return HSC_E_ARGUMENT;
    switch (scheme) {
    case HSC_SCHEME_F32: *size = numel * 4u; return HSC_OK;
    case HSC_SCHEME_F16:
    case HSC_SCHEME_BF16: *size = numel * 2u; return HSC_OK;
    case HSC_SCHEME_INT8:
    case HSC_SCHEME_INT4:
        if (!group_ok(group)) return HSC_E_PARAM;
        groups = (numel + group - 1u) / group;
        *size = 2u * groups + (scheme == HSC_SCHEME_INT8 ? numel : (numel + 1u) / 2u);
        return HSC_OK;
    default: return HSC_E_SCHEME;
    }
}

/* ---------------------------------------------------------------- header */

static int check_param(const hsc_header *h) {
    switch (h->scheme) {
    case HSC_SCHEME_INT8:
    case HSC_SCHEME_INT4: return group_ok(h->param) ? HSC_OK : HSC_E_PARAM;
    case HSC_SCHEME_LOSSLESS:
        return h->param == HSC_COMPRESSOR_ZSTD || h->param == HSC_COMPRESSOR_ZLIB ? HSC_OK
                                                                                   : HSC_E_PARAM;
    default: return h->param == 0 ? HSC_OK : HSC_E_PARAM;
    }
}

static int check_chunk(const hsc_header *h) {
    if (!(h->flags & HSC_FLAG_CHUNK)) {
        return h->chunk_index == 0 && h->chunk_count == 0 && h->row_offset == 0 &&
                       h->total_rows == 0
                   ? HSC_OK
                   : HSC_E_CHUNK;
    }
    if (h->rank == 0 || h->chunk_count == 0 || h->chunk_index >= h->chunk_count) return HSC_E_CHUNK;
    if (h->row_offset > h->total_rows || h->shape[0] > h->total_rows - h->row_offset)
        return HSC_E_CHUNK;
    return HSC_OK;
}

/* Checks in a fixed order; the numpy reference mirrors it exactly. */
static int check_header(hsc_header *h, uint32_t reserved, size_t len, const uint8_t *buf) {
    uint64_t numel, expect;
    unsigned i;
    int rc;
    if (h->version != HSC_VERSION) return HSC_E_VERSION;
    if (h->scheme < HSC_SCHEME_F32 || h->scheme > HSC_SCHEME_LOSSLESS) return HSC_E_SCHEME;
    if (hsc_dtype_size(h->dtype) == 0) return HSC_E_DTYPE;
    if (h->rank > HSC_MAX_RANK) return HSC_E_RANK;
    if ((h->flags & ~HSC_FLAG_CHUNK) != 0 || reserved != 0) return HSC_E_RESERVED;
    if ((rc = check_param(h)) != HSC_OK) return rc;
    if (buf != NULL) {
        if (len < hsc_header_size(h->rank)) return HSC_E_TRUNCATED;
        for (i = 0; i < h->rank; i++) h->shape[i] = rd64(buf + HSC_FIXED_HEADER + 8u * i);
    }
    for (i = h->rank; i < HSC_MAX_RANK; i++) h->shape[i] = 0;
    if ((rc = hsc_numel(h, &numel)) != HSC_OK) return rc;
    if ((rc = check_chunk(h)) != HSC_OK) return rc;
    if (h->scheme == HSC_SCHEME_LOSSLESS) {
        if (h->payload_len > HSC_MAX_NUMEL) return HSC_E_LENGTH;
    } else {
        if ((rc = hsc_payload_size(h->scheme, h->dtype, numel, h->param, &expect)) != HSC_OK)
            return rc;
        if (h->payload_len != expect) return HSC_E_LENGTH;
    }
    return HSC_OK;
}

int hsc_parse_header(const uint8_t *buf, size_t len, hsc_header *h) {
    if (buf == NULL || h == NULL) return HSC_E_ARGUMENT;
    if (len < HSC_FIXED_HEADER) return HSC_E_TRUNCATED;
    if (memcmp(buf, HSC_MAGIC, 4) != 0) return HSC_E_MAGIC;
    h->version = buf[4];
    h->scheme = buf[5];
    h->dtype = buf[6];
    h->rank = buf[7];
    h->flags = rd16(buf + 8);
    h->param = rd16(buf + 10);
    h->chunk_index = rd32(buf + 12);
    h->chunk_count = rd32(buf + 16);
    h->row_offset = rd64(buf + 24);
    h->total_rows = rd64(buf + 32);
    h->payload_len = rd64(buf + 40);
    return check_header(h, rd32(buf + 20), len, buf);
}

int hsc_message_size(const hsc_header *h, uint64_t *size) {
    /* payload_len <= 2^48 after validation, so this cannot overflow. */
    if (h->rank > HSC_MAX_RANK || h->payload_len > ((uint64_t)1 << 60)) return HSC_E_LENGTH;
    *size = hsc_header_size(h->rank) + h->payload_len + HSC_CRC_SIZE;
    return HSC_OK;
}

/* Header parsed and the message exactly as long as it says (before any checksum). */
static int check_frame(const uint8_t *buf, size_t len, hsc_header *h) {
    uint64_t size;
    int rc = hsc_parse_header(buf, len, h);
    if (rc != HSC_OK) return rc;
    if ((rc = hsc_message_size(h, &size)) != HSC_OK) return rc;
    if ((uint64_t)len < size) return HSC_E_TRUNCATED;
    if ((uint64_t)len > size) return HSC_E_TRAILING;
    return HSC_OK;
}

int hsc_open(const uint8_t *buf, size_t len, hsc_header *h, const uint8_t **payload) {
    size_t body;
    int rc = check_frame(buf, len, h);
    if (rc != HSC_OK) return rc;
    body = len - HSC_CRC_SIZE;
    if (hsc_crc32c(0, buf, body) != rd32(buf + body)) return HSC_E_CHECKSUM;
    if (payload) *payload = buf + hsc_header_size(h->rank);
    return HSC_OK;
}

static void write_header(const hsc_header *h, uint8_t *out) {
    unsigned i;
    memcpy(out, HSC_MAGIC, 4);
    out[4] = (uint8_t)HSC_VERSION;
    out[5] = h->scheme;
    out[6] = h->dtype;
    out[7] = h->rank;
    wr16(out + 8, h->flags);
    wr16(out + 10, h->param);
    wr32(out + 12, h->chunk_index);
    wr32(out + 16, h->chunk_count);
    wr32(out + 20, 0);
    wr64(out + 24, h->row_offset);
    wr64(out + 32, h->total_rows);
    wr64(out + 40, h->payload_len);
    for (i = 0; i < h->rank; i++) wr64(out + HSC_FIXED_HEADER + 8u * i, h->shape[i]);
}

/* Validates a caller-built header the same way a reader would. */
static int prepare(hsc_header *h, uint64_t payload_len, uint64_t *msg_size) {
    h->version = HSC_VERSION;
    h->payload_len = payload_len;
    {
        int rc = check_header(h, 0, 0, NULL);
        if (rc != HSC_OK) return rc;
    }
    return hsc_message_size(h, msg_size);
}

int hsc_encoded_size(const hsc_header *h, uint64_t *size) {
    hsc_header t = *h;
    uint64_t numel, payload;
    int rc;
    if (t.rank > HSC_MAX_RANK) return HSC_E_RANK;
    if ((rc = hsc_numel(&t, &numel)) != HSC_OK) return rc;
    if ((rc = hsc_payload_size(t.scheme, t.dtype, numel, t.param, &payload)) != HSC_OK) return rc;
    return prepare(&t, payload, size);
}

/* ---------------------------------------------------------------- quantization */

/* Unnormalized fast Walsh-Hadamard transform of every group of g values (g a power of
 * two) in v[0..n), n a multiple of g, in place. The butterfly order is part of the
 * format (docs/codec.md): stage h pairs v[j] and v[j+h] inside aligned blocks of 2h.
 * Stages never cross a group, so the block-wide loops equal one transform per group;
 * the h = 1 and h = 2 stages are unrolled so that they vectorize. */
static HSC_INLINE void fwht(float *restrict v, size_t n, size_t g) {
    size_t h, i, j;
    for (i = 0; i < n; i += 2) {
        float a = v[i], b = v[i + 1];
        v[i] = a + b;
        v[i + 1] = a - b;
    }
    for (i = 0; g >= 4 && i < n; i += 4) {
        float a0 = v[i], a1 = v[i + 1], b0 = v[i + 2], b1 = v[i + 3];
        v[i] = a0 + b0;
        v[i + 1] = a1 + b1;
        v[i + 2] = a0 - b0;
        v[i + 3] = a1 - b1;
    }
    for (h = 4; h < g; h *= 2)
        for (i = 0; i < n; i += 2 * h)
            for (j = i; j < i + h; j++) {
                float a = v[j], b = v[j + h];
                v[j] = a + b;
                v[j + h] = a - b;
            }
}

/* Largest |x| as bits (|x| bits order like the floats; Inf/NaN compare above every
 * finite value). A plain max reduction: the compiler vectorizes it and reduces the
 * lanes with a few shuffles. */
static HSC_INLINE uint32_t maxabs_bits(const float *restrict x, size_t n) {
    int32_t m = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        int32_t u;
        memcpy(&u, x + i, 4);
        u &= 0x7fffffff;
        m = u > m ? u : m;
    }
    return (uint32_t)m;
}

static HSC_INLINE void quantize(const float *restrict x, size_t n, float inv, float qmax,
                     int8_t *restrict q) {
    static const float magic = 12582912.0f; /* 1.5 * 2^23: v + magic - magic == rint(v) */
    size_t i;
    for (i = 0; i < n; i++) {
        float v = x[i] * inv;
        v = v < -qmax ? -qmax : v;
        v = v > qmax ? qmax : v;
        q[i] = (int8_t)(int32_t)((v + magic) - magic);
    }
}

#if HSC_X86_CRC
/* int8 codes of n values, 32 at a time with AVX2; the rest as quantize() does.
 * Same codes as quantize(..., 127): the product is the same single rounding,
 * cvtps2dq rounds half to even as rint does (MXCSR default), and clamping the
 * integer to +-127 equals rounding the clamped float (rint is monotone and
 * keeps integers). The packs saturate only values that the clamp would cut. */
__attribute__((target("avx2"))) static void quantize_i8_avx2(const float *x, size_t n, float inv,
                                                             int8_t *q) {
    const __m256 vinv = _mm256_set1_ps(inv);
    const __m256i lo = _mm256_set1_epi32(-127);
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256i a = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i), vinv));
        __m256i b = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 8), vinv));
        __m256i c = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 16), vinv));
        __m256i d = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 24), vinv));
        __m256i ab = _mm256_packs_epi32(_mm256_max_epi32(a, lo), _mm256_max_epi32(b, lo));
        __m256i cd = _mm256_packs_epi32(_mm256_max_epi32(c, lo), _mm256_max_epi32(d, lo));
        __m256i abcd = _mm256_permutevar8x32_epi32(_mm256_packs_epi16(ab, cd), order);
        _mm256_storeu_si256((__m256i *)(void *)(q + i), abcd);
    }
    if (i < n) quantize(x + i, n - i, inv, 127.0f, q + i);
}

static int hsc_has_avx2(void) { return __builtin_cpu_supports("avx2") ? 1 : 0; }
#else
static int hsc_has_avx2(void) { return 0; }
#endif

/* One group's codes from its values (for int4, full groups: the Hadamard-rotated
 * group H x / n, which spreads a massive-activation outlier over the group, so its
 * neighbours are not all rounded to zero) and the inverse of its scale. */
static HSC_INLINE void quant_codes(const float *x, size_t n, float inv, float qmax, int nibbles,
                                   int avx2, uint8_t *out) {
    int8_t q[HSC_MAX_GROUP];
    size_t i;
    if (!nibbles) { /* int8_t aliases the byte buffer */
#if HSC_X86_CRC
        if (avx2) {
            quantize_i8_avx2(x, n, inv, (int8_t *)out);
            return;
        }
#endif
        (void)avx2;
        quantize(x, n, inv, qmax, (int8_t *)out);
        return;
    }
    quantize(x, n, inv, qmax, q);
    for (i = 0; i < n / 2; i++)
        out[i] = (uint8_t)((uint8_t)(q[2 * i] + 8) | (uint8_t)((q[2 * i + 1] + 8) << 4));
    if (n & 1u) out[n / 2] = (uint8_t)(q[n - 1] + 8);
}

static HSC_INLINE void dequant_group(const uint8_t *codes, size_t n, float s, int nibbles,
                                      float *y) {
    size_t i;
    if (!nibbles) {
        const int8_t *q = (const int8_t *)codes;
        for (i = 0; i < n; i++) y[i] = (float)q[i] * s;
        return;
    }
    for (i = 0; i < n / 2; i++) {
        int b = codes[i];
        y[2 * i] = (float)((b & 0x0f) - 8) * s;
        y[2 * i + 1] = (float)((b >> 4) - 8) * s;
    }
    if (n & 1u) y[n - 1] = (float)((int)(codes[n / 2] & 0x0fu) - 8) * s;
}

static size_t codes_bytes(size_t n, int nibbles) { return nibbles ? (n + 1u) / 2u : n; }

/* ---------------------------------------------------------------- encode */

/* Encodes `n` f32 values (one block) of a fixed scheme into out; returns bytes written. */
HSC_HOT static int encode_block(const hsc_header *h, const float *x, const uint8_t *raw, size_t n,
                        uint8_t *out, size_t *written) {
    size_t i, g, pos = 0;
    switch (h->scheme) {
    case HSC_SCHEME_F32:
        memcpy(out, x, n * 4u);
        *written = n * 4u;
        return HSC_OK;
    case HSC_SCHEME_F16:
        if (raw != NULL) memcpy(out, raw, n * 2u); /* f16 source: bit-exact copy */
        else f32_to_f16_n(x, out, n);
        *written = n * 2u;
        return HSC_OK;
    case HSC_SCHEME_BF16: {
        uint16_t b[HSC_BLOCK];
        for (i = 0; i < n; i++) {
            int32_t u, a, r;
            memcpy(&u, x + i, 4);
            a = u & 0x7fffffff;
            r = (int32_t)(((uint32_t)u + 0x7fffu + (((uint32_t)u >> 16) & 1u)) >> 16);
            b[i] = (uint16_t)(a > 0x7f800000 ? (int32_t)(((uint32_t)u >> 16) | 0x40u) : r);
        }
        memcpy(out, b, n * 2u); /* little-endian host */
        *written = n * 2u;
        return HSC_OK;
    }
    default: { /* int8 / int4 */
        /* sv is zeroed only because GCC cannot see that ng >= 1 */
        float r[HSC_BLOCK], sv[HSC_GROUPS] = {0}, sf[HSC_GROUPS];
        uint32_t mx[HSC_GROUPS];
        uint8_t nonfinite[HSC_GROUPS], sh[2 * HSC_GROUPS];
        int nib = h->scheme == HSC_SCHEME_INT4;
        float qmax = nib ? 7.0f : 127.0f;
        size_t full, ng, j;
        int avx2;
        g = h->param;
        full = nib ? n / g * g : 0; /* int4 rotates its full groups */
        if (full) {
            float norm = 1.0f / (float)g; /* a power of two: exact */
            memcpy(r, x, full * sizeof *r);
            fwht(r, full, g);
            for (i = 0; i < full; i++) r[i] *= norm;
        }
        ng = (n + g - 1) / g;
        /* Group maxima; NaN/Inf are refused on x, before the rotation. */
        for (j = 0; j < ng; j++) {
            size_t i0 = j * g, m = n - i0 < g ? n - i0 : g;
            uint32_t mx_x = maxabs_bits(x + i0, m);
            nonfinite[j] = mx_x >= 0x7f800000u;
            /* rotated maxima may be Inf/NaN after overflow: caught as a range error */
            mx[j] = i0 < full ? maxabs_bits(r + i0, m) : mx_x;
        }
        /* Every scale of the block at once, so that the conversions vectorize. */
        for (j = 0; j < ng; j++) sv[j] = bits_f32(mx[j]) / qmax;
        f32_to_f16_n(sv, sh, ng);
        f16_to_f32_n(sh, sf, ng);
        for (j = 0; j < ng; j++) sv[j] = sf[j] > 0.0f ? 1.0f / sf[j] : 0.0f;
        for (j = 0; j < ng; j++) { /* the first failing group decides, as group by group */
            if (nonfinite[j]) return HSC_E_NONFINITE;
            if (rd16(sh + 2 * j) >= 0x7c00u) return HSC_E_RANGE;
        }
        avx2 = hsc_has_avx2();
        for (j = 0; j < ng; j++) {
            size_t i0 = j * g, m = n - i0 < g ? n - i0 : g;
            memcpy(out + pos, sh + 2 * j, 2);
            quant_codes(i0 < full ? r + i0 : x + i0, m, sv[j], qmax, nib, avx2, out + pos + 2);
            pos += 2u + codes_bytes(m, nib);
        }
        *written = pos;
        return HSC_OK;
    }
    }
}

int hsc_encode(hsc_header *h, const void *src, uint8_t *out, size_t cap, size_t *written) {
    uint64_t numel, payload, size;
    size_t hs, pos, done;
    uint32_t crc;
    int rc;
    float tmp[HSC_BLOCK];
    if (h == NULL || out == NULL || written == NULL) return HSC_E_ARGUMENT;
    if (h->scheme == HSC_SCHEME_LOSSLESS) return HSC_E_ARGUMENT;
    if (h->rank > HSC_MAX_RANK) return HSC_E_RANK;
    if ((rc = hsc_numel(h, &numel)) != HSC_OK) return rc;
    if ((rc = hsc_payload_size(h->scheme, h->dtype, numel, h->param, &payload)) != HSC_OK) return rc;
    if ((rc = prepare(h, payload, &size)) != HSC_OK) return rc;
    if (size > (uint64_t)cap || (numel > 0 && src == NULL)) return HSC_E_ARGUMENT;
    hs = hsc_header_size(h->rank);
    write_header(h, out);
    crc = hsc_crc32c(0, out, hs);
    pos = hs;
    for (done = 0; done < (size_t)numel;) {
        size_t n = (size_t)numel - done < HSC_BLOCK ? (size_t)numel - done : HSC_BLOCK, w;
        const float *x;
        const uint8_t *raw = NULL;
        if (h->dtype == HSC_DTYPE_F32) {
            x = (const float *)src + done;
        } else {
            raw = (const uint8_t *)src + 2u * done;
            if (h->scheme != HSC_SCHEME_F16) f16_to_f32_n(raw, tmp, n);
            x = tmp;
        }
        if ((rc = encode_block(h, x, raw, n, out + pos, &w)) != HSC_OK) return rc;
        crc = hsc_crc32c(crc, out + pos, w); /* while the block is still in cache */
        pos += w;
        done += n;
    }
    wr32(out + pos, crc);
    *written = pos + HSC_CRC_SIZE;
    return HSC_OK;
}

int hsc_frame(hsc_header *h, const uint8_t *payload, size_t payload_len, uint8_t *out,
              size_t cap, size_t *written) {
    uint64_t size;
    size_t hs;
    int rc;
    if (h == NULL || out == NULL || written == NULL || (payload_len && payload == NULL))
        return HSC_E_ARGUMENT;
    if (h->scheme != HSC_SCHEME_LOSSLESS) return HSC_E_ARGUMENT;
    if ((rc = prepare(h, payload_len, &size)) != HSC_OK) return rc;
    if (size > (uint64_t)cap) return HSC_E_ARGUMENT;
    hs = hsc_header_size(h->rank);
    write_header(h, out);
    if (payload_len) memcpy(out + hs, payload, payload_len);
    wr32(out + hs + payload_len, hsc_crc32c(0, out, hs + payload_len));
    *written = (size_t)size;
    return HSC_OK;
}

/* ---------------------------------------------------------------- decode */

HSC_HOT static int decode_block(const hsc_header *h, const uint8_t *p, size_t n, float *y, size_t *used) {
    size_t i, pos = 0, g;
    switch (h->scheme) {
    case HSC_SCHEME_F32:
        memcpy(y, p, n * 4u);
        *used = n * 4u;
        return HSC_OK;
    case HSC_SCHEME_F16:
        f16_to_f32_n(p, y, n);
        *used = n * 2u;
        return HSC_OK;
    case HSC_SCHEME_BF16:
        for (i = 0; i < n; i++) y[i] = bf16_to_f32(rd16(p + 2 * i));
        *used = n * 2u;
        return HSC_OK;
    default: {
        uint8_t sh[2 * HSC_GROUPS] = {0}; /* (ng >= 1: GCC cannot see it) */
        float sf[HSC_GROUPS];
        int nib = h->scheme == HSC_SCHEME_INT4;
        size_t j, ng, stride;
        g = h->param;
        ng = (n + g - 1) / g;
        stride = 2u + codes_bytes(g, nib); /* every group but the last is full */
        for (j = 0; j < ng; j++) {
            memcpy(sh + 2 * j, p + j * stride, 2);
            if (rd16(sh + 2 * j) >= 0x7c00u) return HSC_E_PAYLOAD; /* negative, Inf or NaN */
        }
        f16_to_f32_n(sh, sf, ng); /* every scale of the block at once (vectorized) */
        for (j = 0, i = 0; j < ng; j++, i += g) {
            size_t m = n - i < g ? n - i : g;
            dequant_group(p + pos + 2, m, sf[j], nib, y + i);
            pos += 2u + codes_bytes(m, nib);
        }
        if (nib && n >= g) fwht(y, n / g * g, g); /* H (H x / g) = x */
        *used = pos;
        return HSC_OK;
    }
    }
}

/* Decodes the payload of a fixed-size scheme; with crc != NULL, also folds each block's
 * payload bytes into *crc right after decoding them, while they are in cache. */
static int decode_payload(const hsc_header *h, const uint8_t *payload, void *dst, size_t dst_cap,
                          uint32_t *crc) {
    uint64_t numel, expect;
    size_t done, pos = 0, isz;
    float tmp[HSC_BLOCK];
    int rc;
    if (h == NULL || (h->scheme == HSC_SCHEME_LOSSLESS)) return HSC_E_ARGUMENT;
    if ((rc = hsc_numel(h, &numel)) != HSC_OK) return rc;
    isz = hsc_dtype_size(h->dtype);
    if (isz == 0) return HSC_E_DTYPE;
    if (numel > (uint64_t)dst_cap / isz || (numel > 0 && (payload == NULL || dst == NULL)))
        return HSC_E_ARGUMENT;
    /* Only headers that hsc_open accepted are meant here; re-check the length anyway. */
    if ((rc = hsc_payload_size(h->scheme, h->dtype, numel, h->param, &expect)) != HSC_OK) return rc;
    if (expect != h->payload_len) return HSC_E_LENGTH;
    for (done = 0; done < (size_t)numel;) {
        size_t n = (size_t)numel - done < HSC_BLOCK ? (size_t)numel - done : HSC_BLOCK, used;
        if (h->dtype == HSC_DTYPE_F32) {
            rc = decode_block(h, payload + pos, n, (float *)dst + done, &used);
        } else if (h->scheme == HSC_SCHEME_F16) {
            memcpy((uint8_t *)dst + 2u * done, payload + pos, n * 2u);
            used = n * 2u;
            rc = HSC_OK;
        } else {
            rc = decode_block(h, payload + pos, n, tmp, &used);
            if (rc == HSC_OK) f32_to_f16_n(tmp, (uint8_t *)dst + 2u * done, n);
        }
        if (rc != HSC_OK) return rc;
        if (crc != NULL) *crc = hsc_crc32c(*crc, payload + pos, used);
        pos += used;
        done += n;
    }
    return HSC_OK;
}

int hsc_decode_payload(const hsc_header *h, const uint8_t *payload, void *dst, size_t dst_cap) {
    return decode_payload(h, payload, dst, dst_cap, NULL);
}

int hsc_decode(const uint8_t *buf, size_t len, hsc_header *h, void *dst, size_t dst_cap) {
    size_t hs, body;
    uint32_t crc;
    int rc = check_frame(buf, len, h);
    if (rc != HSC_OK) return rc;
    body = len - HSC_CRC_SIZE;
    hs = hsc_header_size(h->rank);
    crc = hsc_crc32c(0, buf, hs);
    rc = h->scheme == HSC_SCHEME_LOSSLESS ? HSC_E_ARGUMENT
                                          : decode_payload(h, buf + hs, dst, dst_cap, &crc);
    if (rc != HSC_OK) crc = hsc_crc32c(0, buf, body); /* a bad checksum wins, as in hsc_open */
    if (crc != rd32(buf + body)) return HSC_E_CHECKSUM;
    return rc;
}

/* ---------------------------------------------------------------- shuffle */

void hsc_shuffle(const uint8_t *src, size_t n, size_t itemsize, uint8_t *dst) {
    size_t i, k;
    if (itemsize == 4) {
        for (i = 0; i < n; i++) {
            dst[i] = src[4 * i];
            dst[n + i] = src[4 * i + 1];
            dst[2 * n + i] = src[4 * i + 2];
            dst[3 * n + i] = src[4 * i + 3];
        }
        return;
    }
    for (k = 0; k < itemsize; k++)
        for (i = 0; i < n; i++) dst[k * n + i] = src[i * itemsize + k];
}

void hsc_unshuffle(const uint8_t *src, size_t n, size_t itemsize, uint8_t *dst) {
    size_t i, k;
    if (itemsize == 4) {
        for (i = 0; i < n; i++) {
            dst[4 * i] = src[i];
            dst[4 * i + 1] = src[n + i];
            dst[4 * i + 2] = src[2 * n + i];
            dst[4 * i + 3] = src[3 * n + i];
        }
        return;
    }
    for (k = 0; k < itemsize; k++)
        for (i = 0; i < n; i++) dst[i * itemsize + k] = src[k * n + i];
}
