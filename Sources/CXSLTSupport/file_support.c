/* File-system calls glibc exposes only under _GNU_SOURCE, which Swift's Glibc module does not see. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>

#include "xslt_support.h"

int mr_rename_exchange(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
}
