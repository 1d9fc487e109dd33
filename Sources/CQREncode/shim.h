#ifndef HS_CQRENCODE_SHIM_H
#define HS_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
