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

#endif
