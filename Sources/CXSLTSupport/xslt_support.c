#include "xslt_support.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxslt/security.h>
#include <libxslt/xsltutils.h>
#include <libxslt/documents.h>
#include <libxml/parserInternals.h>

static __thread char *error_buffer = NULL;
static __thread size_t error_length = 0;

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
    return taken;
}

static char sandbox_root[PATH_MAX];
static xsltSecurityPrefsPtr sandbox_prefs = NULL;

/* Reading is allowed for files that resolve to a path inside the templates folder. */
static int check_read(xsltSecurityPrefsPtr prefs, xsltTransformContextPtr context, const char *value) {
    (void)prefs;
    if (value == NULL) return 0;
    /* A transform carries its own templates folder; compiling uses the one installed last. */
    const char *root = (context != NULL && context->_private != NULL) ? (const char *)context->_private : sandbox_root;
    const char *path = value;
    if (strncmp(path, "file://", 7) == 0) {
        path += 7;
        if (strncmp(path, "localhost/", 10) == 0) path += 9;
    } else if (strstr(path, "://") != NULL) {
        return 0;
    }
    char resolved[PATH_MAX];
    if (realpath(path, resolved) == NULL) return 0;
    size_t n = strlen(root);
    return n > 0 && strncmp(resolved, root, n) == 0 && (resolved[n] == '/' || resolved[n] == '\0');
}

int mr_install_sandbox(const char *root) {
    if (realpath(root, sandbox_root) == NULL) return -1;
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

int mr_sandbox_context(void *transform_context, const char *root) {
    if (sandbox_prefs == NULL) return -1;
    xsltTransformContextPtr context = (xsltTransformContextPtr)transform_context;
    char resolved[PATH_MAX];
    if (realpath(root, resolved) == NULL) return -1;
    context->_private = strdup(resolved);
    if (context->_private == NULL) return -1;
    return xsltSetCtxtSecurityPrefs(sandbox_prefs, context);
}

void mr_release_context(void *transform_context) {
    xsltTransformContextPtr context = (xsltTransformContextPtr)transform_context;
    free(context->_private);
    context->_private = NULL;
}

void mr_xml_free(void *pointer) {
    xmlFree(pointer);
}

/* ---- XML without entities or network --------------------------------------------------------- */

static xmlExternalEntityLoader default_entity_loader = NULL;
/* libxslt's own loader, saved before ours replaces it (xsltSetLoaderFunc overwrites the variable). */
static xsltDocLoaderFunc default_doc_loader = NULL;

/* Every external resource libxml2 loads (documents, DTDs, entities, imported stylesheets, schema
   includes) passes here: anything but a local file is refused, so no XML ever reaches the network. */
static xmlParserInputPtr local_only_loader(const char *url, const char *id, xmlParserCtxtPtr context) {
    if (url != NULL && strstr(url, "://") != NULL && strncmp(url, "file://", 7) != 0) {
        (void)context;
        xmlGenericError(xmlGenericErrorContext, "network access refused: %s\n", url);
        return NULL;
    }
    return default_entity_loader(url, id, context);
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
    if (default_entity_loader == NULL) {
        default_entity_loader = xmlGetExternalEntityLoader();
        xmlSetExternalEntityLoader(local_only_loader);
        default_doc_loader = xsltDocDefaultLoader;
        xsltSetLoaderFunc(safe_doc_loader);
    }
}
