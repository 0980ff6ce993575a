#ifndef TEXTGRAPH_CLIBXML2_SHIM_H
#define TEXTGRAPH_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU. Its ICU types clash with Foundation's copy of ICU
// ("'UErrorCode' has different definitions in different modules"), so the ICU part of
// libxml2's headers is switched off here. No field of xmlCharEncodingHandler may be touched.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

// libxml2 writes a few messages that have no parser context ("xmlParseChunk: encoder error")
// through its generic error function, which prints to standard error. The function is variadic,
// so Swift cannot write one; this one drops the message. The setting is per thread in libxml2.
static void textgraph_xmlDropGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void textgraph_xmlDropGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, textgraph_xmlDropGenericError);
}

#endif
