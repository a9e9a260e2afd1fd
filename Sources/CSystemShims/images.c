// Implementation of CSystemShimsImages.h.
#define _GNU_SOURCE
#include "CSystemShimsImages.h"

#include <dlfcn.h>

int csys_address_in_loaded_image(const void *address) {
  Dl_info info;
  return dladdr(address, &info) != 0 && info.dli_fbase != 0;
}
