// dladdr(3) is declared only under _GNU_SOURCE, which Swift's Glibc module does not define.
#ifndef C_SYSTEM_SHIMS_IMAGES_H
#define C_SYSTEM_SHIMS_IMAGES_H

/// 1 when `address` lies in the mapped image of a loaded executable or shared library (dladdr finds it), else 0.
int csys_address_in_loaded_image(const void *address);

#endif
