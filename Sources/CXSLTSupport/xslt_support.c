#include "xslt_support.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxslt/security.h>
#include <libxslt/xsltutils.h>
#include <libxslt/documents.h>
#include <libxml/parserInternals.h>
#include <libxml/catalog.h>

/* The virtual folder the built-in templates are named in: no file is ever read from it. */
#define MR_BUILTIN_FOLDER "/mentor-report/built-in-templates"

static __thread char *error_buffer = NULL;
static __thread size_t error_length = 0;

/* A thread that ends with messages nobody took frees them: the key's destructor runs at thread exit
   with the buffer the thread last held (the key's value is kept equal to error_buffer). */
static pthread_key_t error_key;
static pthread_once_t error_key_once = PTHREAD_ONCE_INIT;
static void free_error_buffer(void *buffer) { free(buffer); }
static void make_error_key(void) { (void)pthread_key_create(&error_key, free_error_buffer); }

static void collect(void *context, const char *format, ...) {
    (void)context;
    char chunk[2048];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(chunk, sizeof chunk, format, args);
    va_end(args);
    if (n <= 0) return;
    size_t add = (size_t)n < sizeof chunk ? (size_t)n : sizeof chunk - 1;
    /* Keep at most 64 KiB of messages per thread: a broken template cannot flood memory. */
    if (error_length + add > 65536) return;
    char *grown = realloc(error_buffer, error_length + add + 1);
    if (grown == NULL) return;
    error_buffer = grown;
    (void)pthread_once(&error_key_once, make_error_key);
    (void)pthread_setspecific(error_key, error_buffer);
    memcpy(error_buffer + error_length, chunk, add);
    error_length += add;
    error_buffer[error_length] = '\0';
}

void mr_capture_errors(void) {
    xmlSetGenericErrorFunc(NULL, collect);
    xsltSetGenericErrorFunc(NULL, collect);
}

char *mr_take_errors(void) {
    char *taken = error_buffer;
    error_buffer = NULL;
    error_length = 0;
    if (taken != NULL) (void)pthread_setspecific(error_key, NULL);
    return taken;
}

static xsltSecurityPrefsPtr sandbox_prefs = NULL;

/* The canonical templates folder that XML loads on this thread may read from (NULL: none may). */
static __thread char *thread_root = NULL;
/* Loads the sandbox refused on this thread since mr_sandbox_enter. */
static __thread int thread_refusals = 0;
/* Whether XML loads on this thread read the built-in templates (mr_sandbox_enter_builtin): then they
   read from memory, by name, and never from the file system. */
static __thread int thread_builtin = 0;

/* The built-in templates, registered once (mr_builtin_register) and read-only afterwards. */
static const char *const *builtin_names = NULL;
static const unsigned char *const *builtin_data = NULL;
static const size_t *builtin_lengths = NULL;
static size_t builtin_count = 0;

static int mr_builtin_resolve(const char *url, const char **why);

/* libxslt's own read check (document(), imports) asks the same question as the loader, of the same
   folder, so that its "read rights … denied" message comes first; the loader stays the check that
   counts, since it sees exactly what is opened. */
static int check_read(xsltSecurityPrefsPtr prefs, xsltTransformContextPtr context, const char *value) {
    (void)prefs;
    (void)context;
    char canonical[PATH_MAX];
    const char *why = NULL;
    if (thread_builtin) return value != NULL && mr_builtin_resolve(value, &why) >= 0;
    return value != NULL && mr_sandbox_resolve(thread_root, value, canonical, sizeof canonical, &why) == 0;
}

int mr_install_sandbox(void) {
    if (sandbox_prefs == NULL) {
        sandbox_prefs = xsltNewSecurityPrefs();
        if (sandbox_prefs == NULL) return -1;
        xsltSetSecurityPrefs(sandbox_prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
        xsltSetSecurityPrefs(sandbox_prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
        xsltSetSecurityPrefs(sandbox_prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
        xsltSetSecurityPrefs(sandbox_prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
        xsltSetSecurityPrefs(sandbox_prefs, XSLT_SECPREF_READ_FILE, check_read);
    }
    xsltSetDefaultSecurityPrefs(sandbox_prefs);
    return 0;
}

int mr_sandbox_context(void *transform_context) {
    if (sandbox_prefs == NULL) return -1;
    return xsltSetCtxtSecurityPrefs(sandbox_prefs, (xsltTransformContextPtr)transform_context);
}

void mr_xml_free(void *pointer) {
    xmlFree(pointer);
}

/* ---- XML without entities or network, reading only inside the templates folder ----------------- */

static int loaders_installed = 0;
/* libxslt's own loader, saved before ours replaces it (xsltSetLoaderFunc overwrites the variable). */
static xsltDocLoaderFunc default_doc_loader = NULL;

int mr_sandbox_refusals(void) {
    return thread_refusals;
}

int mr_sandbox_enter(const char *root) {
    char resolved[PATH_MAX];
    if (realpath(root, resolved) == NULL) return -1;
    char *copy = strdup(resolved);
    if (copy == NULL) return -1;
    free(thread_root);
    thread_root = copy;
    thread_builtin = 0;
    thread_refusals = 0;
    return 0;
}

int mr_sandbox_enter_builtin(void) {
    if (builtin_names == NULL) return -1;
    free(thread_root);
    thread_root = NULL;
    thread_builtin = 1;
    thread_refusals = 0;
    return 0;
}

void mr_sandbox_leave(void) {
    free(thread_root);
    thread_root = NULL;
    thread_builtin = 0;
}

void mr_builtin_register(const char *const *names, const unsigned char *const *data, const size_t *lengths, size_t count) {
    if (builtin_names != NULL) return;
    builtin_data = data;
    builtin_lengths = lengths;
    builtin_count = count;
    builtin_names = names;
}

static int starts_with_nocase(const char *text, const char *prefix) {
    size_t n = strlen(prefix);
    return strncasecmp(text, prefix, n) == 0;
}

/* Length of a URI scheme ("file", "http") ending at a ':' at the start of `url`, or 0 when there is none. */
static size_t scheme_length(const char *url) {
    const char *p = url;
    if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) return 0;
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.') p++;
    return *p == ':' ? (size_t)(p - url) : 0;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Percent-decodes `text` into `out`; -1 for a malformed escape, an encoded NUL or an overlong result. */
static int percent_decode(const char *text, char *out, size_t size) {
    size_t n = 0;
    for (const char *p = text; *p != '\0'; p++) {
        char c = *p;
        if (c == '%') {
            int high = hex_value(p[1]), low = high < 0 ? -1 : hex_value(p[2]);
            if (high < 0 || low < 0) return -1;
            c = (char)(high * 16 + low);
            if (c == '\0') return -1;
            p += 2;
        }
        if (n + 1 >= size) return -1;
        out[n++] = c;
    }
    out[n] = '\0';
    return 0;
}

/* Canonicalises `path` into `out` when it names a regular file inside `root`: 0 on success, else -1
   with `why` saying what was wrong. */
static int inside_root(const char *root, const char *path, char out[PATH_MAX], const char **why) {
    if (realpath(path, out) == NULL) {
        *why = strerror(errno);
        return -1;
    }
    size_t n = strlen(root);
    if (strncmp(out, root, n) != 0 || (out[n] != '/' && out[n] != '\0')) {
        *why = "outside the templates folder (templates may read only files inside their folder)";
        return -1;
    }
    struct stat info;
    if (stat(out, &info) != 0 || !S_ISREG(info.st_mode)) {
        *why = "not a regular file";
        return -1;
    }
    return 0;
}

/* The path of a `file:` URI without a query or fragment (file:///path, file://localhost/path or
   file:/path), percent-decoded into `out`: 0, or -1 with `why`. */
static int file_uri_path(const char *url, char *out, size_t size, const char **why) {
    const char *path;
    if (starts_with_nocase(url, "file://localhost/")) path = url + 16;
    else if (starts_with_nocase(url, "file:///")) path = url + 7;
    else if (starts_with_nocase(url, "file://")) {
        *why = "a file URI naming another host";
        return -1;
    } else if (starts_with_nocase(url, "file:/")) path = url + 5;
    else {
        *why = "a file URI without an absolute path";
        return -1;
    }
    if (percent_decode(path, out, size) != 0) {
        *why = "a malformed percent escape in the URI";
        return -1;
    }
    return 0;
}

const char *mr_builtin_folder(void) {
    return MR_BUILTIN_FOLDER;
}

/* The index of the built-in file `path` names: exactly MR_BUILTIN_FOLDER "/" and a registered name
   (no "." or ".." step, no second slash: a built-in file is named one way only), or -1. */
static long builtin_lookup(const char *path) {
    size_t n = strlen(MR_BUILTIN_FOLDER);
    if (strncmp(path, MR_BUILTIN_FOLDER, n) != 0 || path[n] != '/') return -1;
    for (size_t i = 0; i < builtin_count; i++) {
        if (strcmp(path + n + 1, builtin_names[i]) == 0) return (long)i;
    }
    return -1;
}

/* What the loader serves for `url` when the thread reads the built-in templates: the index of the
   built-in file it names (a plain path as written, then unescaped, or a file: URI as above), or -1
   with `why`. Nothing is looked up on the file system. */
static int mr_builtin_resolve(const char *url, const char **why) {
    char decoded[PATH_MAX];
    *why = "empty URI";
    if (url == NULL || *url == '\0') return -1;
    long found = -1;
    size_t scheme = scheme_length(url);
    if (scheme > 0) {
        if (scheme != 4 || !starts_with_nocase(url, "file:")) {
            *why = "only local files may be read (no network, no other URI schemes)";
            return -1;
        }
        if (strchr(url, '?') != NULL || strchr(url, '#') != NULL) {
            *why = "a file URI with a query (?) or fragment (#)";
            return -1;
        }
        if (file_uri_path(url, decoded, sizeof decoded, why) != 0) return -1;
        found = builtin_lookup(decoded);
    } else {
        found = builtin_lookup(url);
        if (found < 0 && strchr(url, '%') != NULL && percent_decode(url, decoded, sizeof decoded) == 0) {
            found = builtin_lookup(decoded);
        }
    }
    if (found < 0) {
        *why = "not a file of the built-in templates (they may read only each other)";
        return -1;
    }
    return (int)found;
}

int mr_sandbox_resolve(const char *root, const char *url, char *out, size_t out_size, const char **why) {
    static const char *refused_scheme = "only local files may be read (no network, no other URI schemes)";
    char canonical[PATH_MAX];
    char decoded[PATH_MAX];
    *why = "no templates folder is set for this load";
    if (root == NULL || url == NULL || *url == '\0') {
        if (url != NULL && *url == '\0') *why = "empty URI";
        return -1;
    }
    size_t scheme = scheme_length(url);
    int found = -1;
    if (scheme > 0) {
        if (scheme != 4 || !starts_with_nocase(url, "file:")) {
            *why = refused_scheme;
            return -1;
        }
        /* file:///path, file://localhost/path or file:/path; a query or fragment is never part of a file. */
        if (strchr(url, '?') != NULL || strchr(url, '#') != NULL) {
            *why = "a file URI with a query (?) or fragment (#)";
            return -1;
        }
        if (file_uri_path(url, decoded, sizeof decoded, why) != 0) return -1;
        found = inside_root(root, decoded, canonical, why);
    } else {
        /* A plain path, as libxml2's file opener sees it: first as written, then unescaped. */
        found = inside_root(root, url, canonical, why);
        if (found != 0 && strchr(url, '%') != NULL && percent_decode(url, decoded, sizeof decoded) == 0) {
            const char *first_why = *why;
            found = inside_root(root, decoded, canonical, why);
            if (found != 0 && strcmp(first_why, strerror(ENOENT)) != 0) *why = first_why;
        }
    }
    if (found != 0) return -1;
    if (strlen(canonical) + 1 > out_size) {
        *why = "path too long";
        return -1;
    }
    strcpy(out, canonical);
    return 0;
}

/* The largest file the sandbox reads for the templates (stylesheets, the XSD, site.css). */
#define MR_SANDBOX_MAX_BYTES (256u * 1024u * 1024u)

int mr_sandbox_read_file(const char *root, const char *url, char *canonical, size_t canonical_size,
                         unsigned char **data, size_t *length, const char **why) {
    *data = NULL;
    *length = 0;
    if (mr_sandbox_resolve(root, url, canonical, canonical_size, why) != 0) return -1;
    /* What is opened is checked, not only the name: no link is followed at the last step, and the
       opened file's own path (from /proc) must lie inside the folder, so swapping a file for a link
       between the check above and this open gains nothing. */
    int fd = open(canonical, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        *why = errno == ELOOP ? "a link (changed while it was read)" : strerror(errno);
        return -1;
    }
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        close(fd);
        *why = "not a regular file";
        return -1;
    }
    char proc[64], opened[PATH_MAX];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(proc, opened, sizeof opened - 1);
    size_t root_length = strlen(root);
    if (n <= 0 || (size_t)n >= sizeof opened) {
        close(fd);
        *why = "cannot tell which file was opened";
        return -1;
    }
    opened[n] = '\0';
    if (strncmp(opened, root, root_length) != 0 || opened[root_length] != '/' || strcmp(opened, canonical) != 0) {
        close(fd);
        *why = "outside the templates folder (templates may read only files inside their folder)";
        return -1;
    }
    if ((unsigned long long)info.st_size > MR_SANDBOX_MAX_BYTES) {
        close(fd);
        *why = "larger than 256 MB";
        return -1;
    }
    size_t capacity = (size_t)info.st_size + 1, used = 0;
    unsigned char *buffer = malloc(capacity);
    if (buffer == NULL) {
        close(fd);
        *why = "out of memory";
        return -1;
    }
    for (;;) {
        if (used == capacity) {
            if (capacity > MR_SANDBOX_MAX_BYTES) {
                free(buffer);
                close(fd);
                *why = "larger than 256 MB";
                return -1;
            }
            unsigned char *grown = realloc(buffer, capacity * 2);
            if (grown == NULL) {
                free(buffer);
                close(fd);
                *why = "out of memory";
                return -1;
            }
            buffer = grown;
            capacity *= 2;
        }
        ssize_t got = read(fd, buffer + used, capacity - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            *why = strerror(errno);
            free(buffer);
            close(fd);
            return -1;
        }
        if (got == 0) break;
        used += (size_t)got;
    }
    close(fd);
    *data = buffer;
    *length = used;
    return 0;
}

/* Control characters in a URI are written as \xNN, so a message never carries them to a terminal. */
static void printable(const char *text, char *out, size_t size) {
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0' && n + 5 < size; p++) {
        if (*p < 0x20 || *p == 0x7F) n += (size_t)snprintf(out + n, size - n, "\\x%02X", *p);
        else out[n++] = (char)*p;
    }
    out[n] = '\0';
}

/* Every external resource libxml2 loads (stylesheets, imported and included stylesheets, document()
   results, the XSD and its includes, DTDs, entities) passes here. The check and the open are the same
   thing: the URI is resolved the way libxml2's file opener would, checked as a canonical path inside
   this thread's templates folder, and only that canonical path is handed to libxml2 to open. */
/* libxml2 parses the bytes that were checked (copied into its buffer), named by their canonical path
   (so relative URIs in them resolve against it); it opens nothing itself. */
static xmlParserInputPtr input_from_bytes(xmlParserCtxtPtr context, const char *canonical,
                                          const unsigned char *data, size_t length) {
    xmlParserInputBufferPtr buffer = xmlParserInputBufferCreateMem((const char *)data, (int)length, XML_CHAR_ENCODING_NONE);
    if (buffer == NULL) return NULL;
    xmlParserInputPtr input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE);
    if (input == NULL) {
        xmlFreeParserInputBuffer(buffer);
        return NULL;
    }
    input->filename = (const char *)xmlStrdup((const xmlChar *)canonical);
    if (context != NULL && context->directory == NULL) context->directory = xmlParserGetDirectory(canonical);
    return input;
}

static xmlParserInputPtr sandboxed_loader(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)id;
    char canonical[PATH_MAX];
    const char *why = NULL;
    unsigned char *data = NULL;
    size_t length = 0;
    if (thread_builtin) {
        int index = mr_builtin_resolve(url, &why);
        if (index >= 0 && builtin_lengths[index] <= INT_MAX) {
            /* The built-in file's bytes, from memory; its name is its path in the virtual folder. */
            snprintf(canonical, sizeof canonical, "%s/%s", MR_BUILTIN_FOLDER, builtin_names[index]);
            return input_from_bytes(context, canonical, builtin_data[index], builtin_lengths[index]);
        }
        if (index >= 0) why = "larger than 2 GB";
        char shown[1024];
        printable(url == NULL ? "(none)" : url, shown, sizeof shown);
        xmlGenericError(xmlGenericErrorContext, "cannot read %s: %s\n", shown, why);
        thread_refusals++;
        return NULL;
    }
    if (mr_sandbox_read_file(thread_root, url, canonical, sizeof canonical, &data, &length, &why) != 0) {
        char shown[1024];
        printable(url == NULL ? "(none)" : url, shown, sizeof shown);
        xmlGenericError(xmlGenericErrorContext, "cannot read %s: %s\n", shown, why);
        thread_refusals++;
        return NULL;
    }
    xmlParserInputPtr input = input_from_bytes(context, canonical, data, length);
    free(data);
    return input;
}

/* libxslt loads imported and included stylesheets with entity substitution and DTD loading on;
   this loader takes those options off and forbids the network before handing over to its default. */
static xmlDocPtr safe_doc_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *context,
                                 xsltLoadType type) {
    options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE);
    options |= XML_PARSE_NONET;
    return default_doc_loader(uri, dict, options, context, type);
}

void mr_install_safe_loaders(void) {
    if (!loaders_installed) {
        loaders_installed = 1;
        xmlSetExternalEntityLoader(sandboxed_loader);
        default_doc_loader = xsltDocDefaultLoader;
        xsltSetLoaderFunc(safe_doc_loader);
#ifdef LIBXML_CATALOG_ENABLED
        xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE);
#endif
    }
}
