package io.exactline.core.io;

/**
 * What a tensor name of the graph stands for while loading: a value known at load time, or the tensor that flows
 * from the network input through the layers built so far.
 */
sealed interface TensorValue permits ConstantTensor, Flow {

    /** The tensor's ONNX shape, batch dimension included. */
    int[] dims();
}
