/* Thin CPython wrapper over hscodec.c: buffer protocol in (zero-copy from numpy),
 * bytes or a caller's writable buffer out, GIL released while the core works.
 * Errors are ValueError("<text>"); edgekit.codec turns them into CodecError. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "hscodec.h"

static PyObject *fail(int rc) {
    PyErr_SetString(PyExc_ValueError, hsc_strerror(rc));
    return NULL;
}

/* Header from the tuple (scheme, dtype, shape, param, flags, index, count, row_offset, total). */
static int header_from_tuple(PyObject *t, hsc_header *h) {
    PyObject *shape;
    unsigned scheme, dtype, param, flags, index, count;
    unsigned long long row_offset, total;
    Py_ssize_t i, rank;
    memset(h, 0, sizeof *h);
    if (!PyArg_ParseTuple(t, "IIOIIIIKK", &scheme, &dtype, &shape, &param, &flags, &index, &count,
                          &row_offset, &total))
        return -1;
    if (!PyTuple_Check(shape) || PyTuple_GET_SIZE(shape) > (Py_ssize_t)HSC_MAX_RANK ||
        scheme > 255 || dtype > 255 || param > 0xffff || flags > 0xffff) {
        PyErr_SetString(PyExc_ValueError, "invalid header fields");
        return -1;
    }
    rank = PyTuple_GET_SIZE(shape);
    for (i = 0; i < rank; i++) {
        unsigned long long d = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(shape, i));
        if (d == (unsigned long long)-1 && PyErr_Occurred()) return -1;
        h->shape[i] = d;
    }
    h->scheme = (uint8_t)scheme;
    h->dtype = (uint8_t)dtype;
    h->rank = (uint8_t)rank;
    h->param = (uint16_t)param;
    h->flags = (uint16_t)flags;
    h->chunk_index = index;
    h->chunk_count = count;
    h->row_offset = row_offset;
    h->total_rows = total;
    return 0;
}

/* (version, scheme, dtype, shape, param, flags, index, count, row_offset, total, payload_len) */
static PyObject *header_to_tuple(const hsc_header *h) {
    PyObject *shape = PyTuple_New(h->rank);
    unsigned i;
    if (shape == NULL) return NULL;
    for (i = 0; i < h->rank; i++) {
        PyObject *d = PyLong_FromUnsignedLongLong(h->shape[i]);
        if (d == NULL) { Py_DECREF(shape); return NULL; }
        PyTuple_SET_ITEM(shape, i, d);
    }
    return Py_BuildValue("(IIINIIIIKKK)", h->version, h->scheme, h->dtype, shape, h->param,
                         h->flags, h->chunk_index, h->chunk_count,
                         (unsigned long long)h->row_offset, (unsigned long long)h->total_rows,
                         (unsigned long long)h->payload_len);
}

static PyObject *py_crc32c(PyObject *self, PyObject *args) {
    Py_buffer b;
    unsigned int value = 0;
    uint32_t crc;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*|I", &b, &value)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    crc = hsc_crc32c(value, b.buf, (size_t)b.len);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&b);
    return PyLong_FromUnsignedLong(crc);
}

static PyObject *py_crc32c_hardware(PyObject *self, PyObject *noargs) {
    (void)self;
    (void)noargs;
    return PyBool_FromLong(hsc_crc32c_hardware());
}

static PyObject *py_encode(PyObject *self, PyObject *args) {
    PyObject *src_obj, *fields, *out;
    Py_buffer src;
    hsc_header h;
    uint64_t size, numel;
    size_t written = 0;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO!", &src_obj, &PyTuple_Type, &fields)) return NULL;
    if (header_from_tuple(fields, &h) < 0) return NULL;
    if ((rc = hsc_encoded_size(&h, &size)) != HSC_OK) return fail(rc);
    if ((rc = hsc_numel(&h, &numel)) != HSC_OK) return fail(rc);
    if (size > (uint64_t)PY_SSIZE_T_MAX) return fail(HSC_E_ARGUMENT);
    if (PyObject_GetBuffer(src_obj, &src, PyBUF_C_CONTIGUOUS) < 0) return NULL;
    if ((uint64_t)src.len != numel * hsc_dtype_size(h.dtype)) {
        PyBuffer_Release(&src);
        PyErr_SetString(PyExc_ValueError, "source buffer size does not match the shape");
        return NULL;
    }
    out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)size);
    if (out == NULL) { PyBuffer_Release(&src); return NULL; }
    Py_BEGIN_ALLOW_THREADS
    rc = hsc_encode(&h, src.buf, (uint8_t *)PyBytes_AS_STRING(out), (size_t)size, &written);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&src);
    if (rc != HSC_OK || written != size) {
        Py_DECREF(out);
        return fail(rc != HSC_OK ? rc : HSC_E_ARGUMENT);
    }
    return out;
}

static PyObject *py_frame(PyObject *self, PyObject *args) {
    PyObject *fields, *out;
    Py_buffer payload;
    hsc_header h;
    size_t written = 0, cap;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!y*", &PyTuple_Type, &fields, &payload)) return NULL;
    if (header_from_tuple(fields, &h) < 0) { PyBuffer_Release(&payload); return NULL; }
    if ((size_t)payload.len > (size_t)PY_SSIZE_T_MAX - hsc_header_size(h.rank) - HSC_CRC_SIZE) {
        PyBuffer_Release(&payload);
        return fail(HSC_E_LENGTH);
    }
    cap = hsc_header_size(h.rank) + (size_t)payload.len + HSC_CRC_SIZE;
    out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)cap);
    if (out == NULL) { PyBuffer_Release(&payload); return NULL; }
    Py_BEGIN_ALLOW_THREADS
    rc = hsc_frame(&h, payload.buf, (size_t)payload.len, (uint8_t *)PyBytes_AS_STRING(out), cap,
                   &written);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&payload);
    if (rc != HSC_OK || written != cap) {
        Py_DECREF(out);
        return fail(rc != HSC_OK ? rc : HSC_E_ARGUMENT);
    }
    return out;
}

/* Header tuple, or None while more bytes are needed to read the whole header. */
static PyObject *py_parse_header(PyObject *self, PyObject *args) {
    Py_buffer b;
    hsc_header h;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*", &b)) return NULL;
    rc = hsc_parse_header(b.buf, (size_t)b.len, &h);
    PyBuffer_Release(&b);
    if (rc == HSC_E_TRUNCATED) Py_RETURN_NONE;
    if (rc != HSC_OK) return fail(rc);
    return header_to_tuple(&h);
}

/* Verifies a whole message: (header tuple, payload offset). */
static PyObject *py_open(PyObject *self, PyObject *args) {
    Py_buffer b;
    hsc_header h;
    const uint8_t *payload = NULL;
    PyObject *t;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*", &b)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = hsc_open(b.buf, (size_t)b.len, &h, &payload);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&b);
    if (rc != HSC_OK) return fail(rc);
    t = header_to_tuple(&h);
    if (t == NULL) return NULL;
    return Py_BuildValue("(Nn)", t, (Py_ssize_t)hsc_header_size(h.rank));
}

/* Verifies a fixed-size-scheme message and decodes it into a writable buffer. */
static PyObject *py_decode_into(PyObject *self, PyObject *args) {
    PyObject *src_obj, *dst_obj;
    Py_buffer src, dst;
    hsc_header h;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &src_obj, &dst_obj)) return NULL;
    if (PyObject_GetBuffer(src_obj, &src, PyBUF_SIMPLE) < 0) return NULL;
    if (PyObject_GetBuffer(dst_obj, &dst, PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS) < 0) {
        PyBuffer_Release(&src);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = hsc_decode(src.buf, (size_t)src.len, &h, dst.buf, (size_t)dst.len);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&src);
    PyBuffer_Release(&dst);
    if (rc != HSC_OK) return fail(rc);
    Py_RETURN_NONE;
}

static PyObject *py_shuffle(PyObject *self, PyObject *args) {
    PyObject *src_obj, *out;
    Py_buffer src;
    Py_ssize_t itemsize;
    (void)self;
    if (!PyArg_ParseTuple(args, "On", &src_obj, &itemsize)) return NULL;
    if (PyObject_GetBuffer(src_obj, &src, PyBUF_C_CONTIGUOUS) < 0) return NULL;
    if (itemsize <= 0 || src.len % itemsize != 0) {
        PyBuffer_Release(&src);
        PyErr_SetString(PyExc_ValueError, "buffer size is not a multiple of the item size");
        return NULL;
    }
    out = PyBytes_FromStringAndSize(NULL, src.len);
    if (out != NULL) {
        Py_BEGIN_ALLOW_THREADS
        hsc_shuffle(src.buf, (size_t)(src.len / itemsize), (size_t)itemsize,
                    (uint8_t *)PyBytes_AS_STRING(out));
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&src);
    return out;
}

static PyObject *py_unshuffle_into(PyObject *self, PyObject *args) {
    PyObject *src_obj, *dst_obj;
    Py_buffer src, dst;
    Py_ssize_t itemsize;
    int ok;
    (void)self;
    if (!PyArg_ParseTuple(args, "OnO", &src_obj, &itemsize, &dst_obj)) return NULL;
    if (PyObject_GetBuffer(src_obj, &src, PyBUF_SIMPLE) < 0) return NULL;
    if (PyObject_GetBuffer(dst_obj, &dst, PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS) < 0) {
        PyBuffer_Release(&src);
        return NULL;
    }
    ok = itemsize > 0 && src.len == dst.len && src.len % itemsize == 0;
    if (ok) {
        Py_BEGIN_ALLOW_THREADS
        hsc_unshuffle(src.buf, (size_t)(src.len / itemsize), (size_t)itemsize, dst.buf);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&src);
    PyBuffer_Release(&dst);
    if (!ok) return fail(HSC_E_LENGTH);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"crc32c", py_crc32c, METH_VARARGS, "crc32c(data, value=0) -> int (chainable CRC32C)."},
    {"crc32c_hardware", py_crc32c_hardware, METH_NOARGS, "True when SSE4.2 CRC32C is used."},
    {"encode", py_encode, METH_VARARGS, "encode(array, header_fields) -> bytes."},
    {"frame", py_frame, METH_VARARGS, "frame(header_fields, payload) -> bytes (lossless)."},
    {"parse_header", py_parse_header, METH_VARARGS, "parse_header(buf) -> tuple | None."},
    {"open", py_open, METH_VARARGS, "open(message) -> (header, payload_offset)."},
    {"decode_into", py_decode_into, METH_VARARGS, "decode_into(message, out) -> None."},
    {"shuffle", py_shuffle, METH_VARARGS, "shuffle(buf, itemsize) -> bytes."},
    {"unshuffle_into", py_unshuffle_into, METH_VARARGS, "unshuffle_into(buf, itemsize, out)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef_Slot slots[] = {
#ifdef Py_mod_multiple_interpreters
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_hscodec", "Native fast path of edgekit.codec.", 0, methods, slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__hscodec(void) { return PyModuleDef_Init(&module); }
