#ifndef HS_CSODIUM_SHIM_H
#define HS_CSODIUM_SHIM_H
#include <sodium.h>
#endif
