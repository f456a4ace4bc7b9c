#include <libxml/xmlversion.h>
/* Keep the system ICU headers out: Foundation brings its own ICU, and the two clash in one module.
   Nothing here touches libxml2's ICU converter fields. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>
