#pragma once

// (Error and Expected live in core/error.h, the header every layer includes.)
#include "core/error.h"
#include "http/httptypes.h"
