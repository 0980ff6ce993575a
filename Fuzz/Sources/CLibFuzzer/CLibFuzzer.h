#ifndef TEXTGRAPH_CLIBFUZZER_H
#define TEXTGRAPH_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, FuzzerDriver.cpp), for programs that have a main of their
/// own: parses libFuzzer's flags from argc/argv and calls `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
