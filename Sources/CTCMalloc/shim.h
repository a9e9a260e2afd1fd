// gperftools' TCMalloc (minimal: no heap profiler). Linking the library is what matters: its malloc and free
// replace glibc's for the whole `lessons` process; no Swift code calls it, the module exists for the link.
#include <gperftools/tcmalloc.h>
