// cmark's public header; nothing here needs a wrapper, Swift calls cmark's functions directly.
#include <cmark.h>
