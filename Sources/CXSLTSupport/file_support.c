/* File-system calls glibc exposes only under _GNU_SOURCE, which Swift's Glibc module does not see. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>

#include "xslt_support.h"

int mr_rename_exchange(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
}

#include <zlib.h>

/* Inflates a raw deflate stream (a ZIP entry's data) only to check it: 0 when the stream ends within
   `length` bytes and unpacks to at most `limit` bytes, -2 as soon as it unpacks to more than `limit`,
   -1 when it is broken or does not end. ZIPFoundation loops forever on a stream that does not end, so
   every entry is checked before it is handed over. */
int mr_check_deflate(const unsigned char *data, size_t length, size_t limit) {
    z_stream stream = {0};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return -1;
    unsigned char window[65536];
    stream.next_in = (unsigned char *)data;
    stream.avail_in = (uInt)(length > 0xFFFFFFFFu ? 0xFFFFFFFFu : length);
    size_t total = 0;
    int result;
    int tooLarge = 0;
    do {
        stream.next_out = window;
        stream.avail_out = sizeof window;
        result = inflate(&stream, Z_NO_FLUSH);
        total += sizeof window - stream.avail_out;
        if (total > limit) { tooLarge = 1; break; }
    } while (result == Z_OK && !(stream.avail_in == 0 && stream.avail_out != 0));
    inflateEnd(&stream);
    if (tooLarge) return -2;
    return result == Z_STREAM_END ? 0 : -1;
}
