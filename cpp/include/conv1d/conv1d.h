// The public entry of the conv1d library: PyTorch 1.13's nn.Conv1d, float32, in portable C++17.
#pragma once

#include "conv1d/backward.h"
#include "conv1d/error.h"
#include "conv1d/explain.h"
#include "conv1d/generator.h"
#include "conv1d/layer.h"
#include "conv1d/options.h"
#include "conv1d/tensor.h"
