#ifndef MENTOR_REPORT_XSLT_SUPPORT_H
#define MENTOR_REPORT_XSLT_SUPPORT_H

#include <stddef.h>

/* libxml2 and libxslt report errors through variadic callbacks, which Swift cannot define, and their
   file-access checks through C callbacks; this small C layer does both. */

/* Sends libxml2's and libxslt's generic error messages of the calling thread into a thread-local
   buffer. Call once on each thread before parsing or transforming. */
void mr_capture_errors(void);

/* The messages collected on this thread since the last call (malloc'd, caller frees with free()),
   or NULL when there were none. */
char *mr_take_errors(void);

/* Installs the templates sandbox as libxslt's default security preferences: no file writing, no
   folder creation, no network, and reading only what the calling thread's templates folder allows
   (mr_sandbox_enter). Returns 0 on success. */
int mr_install_sandbox(void);

/* Applies the sandbox preferences to a transform context (xsltTransformContextPtr). */
int mr_sandbox_context(void *transform_context);

/* Frees memory that libxml2 or libxslt allocated (xmlFree). */
void mr_xml_free(void *pointer);

/* Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE): 0 on success, -1 with errno. */
int mr_rename_exchange(const char *from, const char *to);

/* Installs, once, the loaders that keep every XML read local, entity-free and inside the templates
   folder: libxml2's external entity loader (through which every document, stylesheet, schema and
   include is opened) opens only the canonical path of a regular file inside the calling thread's
   templates folder (see mr_sandbox_enter) and refuses everything else; libxslt's stylesheet loader
   drops entity substitution and DTD loading from its parser options and forbids the network. */
void mr_install_safe_loaders(void);

/* Lets XML loads on the calling thread read files inside `root` (canonicalised), until
   mr_sandbox_leave. Without it, a thread's XML loads may read no file at all. 0 on success. */
int mr_sandbox_enter(const char *root);
void mr_sandbox_leave(void);

/* Registers the built-in templates once (later calls are ignored): `count` files, each a name (such
   as "layout.xsl") and its bytes. The arrays and what they point to must live as long as the process. */
void mr_builtin_register(const char *const *names, const unsigned char *const *data, const size_t *lengths, size_t count);

/* The virtual folder the built-in templates are named in ("/mentor-report/built-in-templates"): a
   stylesheet loaded as "<folder>/overview.xsl" imports "<folder>/layout.xsl". Never read from disk. */
const char *mr_builtin_folder(void);

/* Lets XML loads on the calling thread read the built-in templates, and nothing else, until
   mr_sandbox_leave: the loader serves exactly "<mr_builtin_folder()>/<name>" for a registered name
   (as a plain path, percent-escaped or a file: URI) from memory and refuses every other URI; it opens
   no file. -1 when no templates were registered. */
int mr_sandbox_enter_builtin(void);

/* How many loads the sandbox refused on the calling thread since mr_sandbox_enter: a transform whose
   document() was refused must fail, not render without the document. */
int mr_sandbox_refusals(void);

/* What the loader does with `url`, without opening it: 0 and the canonical path of the regular file
   inside the canonical folder `root` that it names (file:///, file://localhost/, file:/ URIs without a
   query or fragment, percent-decoded; plain paths as written, then unescaped, as libxml2's file opener
   tries them), or -1 with `why` (a static string) saying why it is refused. */
int mr_sandbox_resolve(const char *root, const char *url, char *out, size_t out_size, const char **why);

/* Reads the file `url` names inside `root` as the loader does: resolved as mr_sandbox_resolve says,
   opened without following a link, and checked again by the opened file's own path, so what is read
   is what was checked. 0 with the canonical path and a malloc'd copy of the bytes (caller frees), or
   -1 with `why`. Files over 256 MB are refused. */
int mr_sandbox_read_file(const char *root, const char *url, char *canonical, size_t canonical_size,
                         unsigned char **data, size_t *length, const char **why);

/* Checks a raw deflate stream: 0 when it ends within `length` bytes and unpacks to at most `limit`;
   -2 when it unpacks to more than `limit`; -1 when it is broken or does not end within `length`. */
int mr_check_deflate(const unsigned char *data, size_t length, size_t limit);

#endif
