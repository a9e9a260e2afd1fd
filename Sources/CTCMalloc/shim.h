// gperftools' TCMalloc (minimal: no heap profiler). Linking the library is what matters: its malloc and free
// replace glibc's for the whole `lessons` process. The header gives Swift `tc_version` to name the allocator.
#include <gperftools/tcmalloc.h>
