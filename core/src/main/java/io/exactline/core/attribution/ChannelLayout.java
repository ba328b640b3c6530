package io.exactline.core.attribution;

/** Where the channel dimension of an image tensor sits. */
public enum ChannelLayout {
    /** {@code [C, H, W]}, as PyTorch and most ONNX image models store images. */
    CHANNELS_FIRST,
    /** {@code [H, W, C]}, as TensorFlow and the marabou-cifar10 networks' inputs store images. */
    CHANNELS_LAST
}
