/* hscodec: the EdgeKit tensor wire format (docs/codec.md), plain C99.
 *
 * A message is   header (48 + 8*rank bytes) | payload | CRC32C (4 bytes)
 * with every integer little-endian and the CRC32C covering header + payload.
 * The core never allocates: callers size buffers with hsc_encoded_size() or
 * the parsed header, and every length read from a buffer is checked before use.
 */
#ifndef HSCODEC_H
#define HSCODEC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HSC_VERSION 1u
#define HSC_MAX_RANK 8u
#define HSC_FIXED_HEADER 48u
#define HSC_CRC_SIZE 4u
#define HSC_MIN_GROUP 16u
#define HSC_MAX_GROUP 1024u
/* Largest element count a header may declare (2^48): keeps every size product far from overflow. */
#define HSC_MAX_NUMEL ((uint64_t)1 << 48)

#define HSC_FLAG_CHUNK 0x0001u

enum hsc_scheme {
    HSC_SCHEME_F32 = 1,
    HSC_SCHEME_F16 = 2,
    HSC_SCHEME_BF16 = 3,
    HSC_SCHEME_INT8 = 4,
    HSC_SCHEME_INT4 = 5,
    HSC_SCHEME_LOSSLESS = 6
};

enum hsc_dtype { HSC_DTYPE_F32 = 1, HSC_DTYPE_F16 = 2 };

enum hsc_compressor { HSC_COMPRESSOR_ZSTD = 1, HSC_COMPRESSOR_ZLIB = 2 };

enum hsc_status {
    HSC_OK = 0,
    HSC_E_ARGUMENT = 1,   /* caller error: bad pointer, buffer too small, bad field */
    HSC_E_TRUNCATED = 2,  /* fewer bytes than the header announces */
    HSC_E_MAGIC = 3,
    HSC_E_VERSION = 4,
    HSC_E_SCHEME = 5,
    HSC_E_DTYPE = 6,
    HSC_E_RANK = 7,
    HSC_E_RESERVED = 8,   /* reserved bits or fields are not zero */
    HSC_E_PARAM = 9,      /* group size or compressor id invalid for the scheme */
    HSC_E_SHAPE = 10,     /* element count too large */
    HSC_E_CHUNK = 11,     /* inconsistent chunk fields */
    HSC_E_LENGTH = 12,    /* payload length does not match the scheme and shape */
    HSC_E_TRAILING = 13,  /* bytes after the checksum */
    HSC_E_CHECKSUM = 14,
    HSC_E_PAYLOAD = 15,   /* invalid content inside the payload (e.g. a bad scale) */
    HSC_E_NONFINITE = 16, /* NaN/Inf where a quantized scheme cannot represent it */
    HSC_E_RANGE = 17      /* a group scale overflows float16 */
};

typedef struct hsc_header {
    uint8_t version;
    uint8_t scheme;
    uint8_t dtype;
    uint8_t rank;
    uint16_t flags;
    uint16_t param;       /* group size (int8/int4), compressor id (lossless), else 0 */
    uint32_t chunk_index; /* chunks only; 0 otherwise */
    uint32_t chunk_count; /* chunks only; 0 otherwise */
    uint64_t row_offset;  /* chunks only: first row of this chunk along axis 0 */
    uint64_t total_rows;  /* chunks only: rows along axis 0 of the whole tensor */
    uint64_t payload_len;
    uint64_t shape[HSC_MAX_RANK];
} hsc_header;

/* Human-readable text for a status code (static storage). */
const char *hsc_strerror(int status);

/* CRC32C, chainable: hsc_crc32c(hsc_crc32c(0, a), b) == CRC32C(a || b). */
uint32_t hsc_crc32c(uint32_t crc, const void *data, size_t len);
/* 1 when the SSE4.2 instruction is used, 0 for the portable table path. */
int hsc_crc32c_hardware(void);

/* Bytes of one element of the source dtype, or 0 when unknown. */
size_t hsc_dtype_size(unsigned dtype);
/* Header size for a rank (no check). */
size_t hsc_header_size(unsigned rank);
/* Overflow-checked product of the shape; fails above HSC_MAX_NUMEL. */
int hsc_numel(const hsc_header *h, uint64_t *numel);
/* Exact payload length of a fixed-size scheme (every scheme but lossless). */
int hsc_payload_size(unsigned scheme, unsigned dtype, uint64_t numel, unsigned group,
                     uint64_t *size);

/* Validates every header field that can be checked without the payload.
 * Needs at least hsc_header_size(rank) bytes; returns HSC_E_TRUNCATED before that. */
int hsc_parse_header(const uint8_t *buf, size_t len, hsc_header *h);
/* Header + payload + CRC size of a parsed header, overflow-checked. */
int hsc_message_size(const hsc_header *h, uint64_t *size);
/* Parses and verifies a whole message that is exactly `len` bytes long;
 * on success *payload points into buf. */
int hsc_open(const uint8_t *buf, size_t len, hsc_header *h, const uint8_t **payload);

/* Encodes a C-contiguous source array (dtype h->dtype, h->shape) with a fixed-size
 * scheme. h->payload_len is set here. *written gets the message size. */
int hsc_encode(hsc_header *h, const void *src, uint8_t *out, size_t cap, size_t *written);
/* Message size hsc_encode will write (fixed-size schemes). */
int hsc_encoded_size(const hsc_header *h, uint64_t *size);
/* Frames a ready payload (used for lossless): header + payload + CRC. */
int hsc_frame(hsc_header *h, const uint8_t *payload, size_t payload_len, uint8_t *out,
              size_t cap, size_t *written);
/* Decodes the payload of an opened fixed-size message into dst (dtype h->dtype). */
int hsc_decode_payload(const hsc_header *h, const uint8_t *payload, void *dst, size_t dst_cap);
/* hsc_open then hsc_decode_payload in one pass over the message (the checksum is
 * computed block by block as it is decoded), with the same result and the same
 * error: a checksum mismatch wins over any other. dst is garbage on error. */
int hsc_decode(const uint8_t *buf, size_t len, hsc_header *h, void *dst, size_t dst_cap);

/* Byte-shuffle: byte k of element i goes to dst[k*n + i]; and its inverse. */
void hsc_shuffle(const uint8_t *src, size_t n, size_t itemsize, uint8_t *dst);
void hsc_unshuffle(const uint8_t *src, size_t n, size_t itemsize, uint8_t *dst);

/* Scalar conversions (exported for tests). NaN becomes a quiet NaN keeping the
 * high payload bits; finite values round to nearest, ties to even. */
uint16_t hsc_f32_to_f16(float x);
float hsc_f16_to_f32(uint16_t h);
uint16_t hsc_f32_to_bf16(float x);
float hsc_bf16_to_f32(uint16_t b);

#ifdef __cplusplus
}
#endif
#endif
