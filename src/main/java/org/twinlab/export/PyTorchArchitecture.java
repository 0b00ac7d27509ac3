package org.twinlab.export;

import java.util.List;
import org.twinlab.model.Encoder;
import org.twinlab.model.ModelSpec;

/**
 * The one place where an encoder's name becomes a network: the DJL network Twinlab builds
 * ({@link #modelSpec}) and the plain PyTorch definition the export writes into {@code encoder.py}
 * ({@link #pythonLayers}). Each definition mirrors the DJL blocks of {@link Encoder} module for module, so
 * the tensor names {@link TensorNames} derives from the DJL tree are the PyTorch state-dict keys. A
 * new encoder needs a case here; the Java-to-PyTorch parity test then says whether the two agree.
 */
public final class PyTorchArchitecture {
    /** DJL's BatchNorm defaults, which Twinlab's blocks use: epsilon 1e-5, running average momentum 0.9 (PyTorch's 0.1). */
    public static final double BATCH_NORM_EPSILON = 1e-5;

    private final Encoder encoder;

    private PyTorchArchitecture(Encoder encoder) {
        this.encoder = encoder;
    }

    /** The encoder names this Twinlab exports and loads. */
    public static List<String> known() {
        return java.util.Arrays.stream(Encoder.values()).map(Encoder::key).toList();
    }

    /** The architecture called {@code key}; an unknown name is one line saying which ones there are. */
    public static PyTorchArchitecture of(String key, String where) {
        for (Encoder e : Encoder.values()) {
            if (e.key().equals(key)) {
                return new PyTorchArchitecture(e);
            }
        }
        throw new ExportException(where + ": unknown architecture '" + key + "' (this Twinlab knows "
                + String.join(", ", known()) + ")");
    }

    public String key() {
        return encoder.key();
    }

    public int featureDim() {
        return encoder.featureDim();
    }

    /** The DJL network of this encoder with a projector of the given shape. */
    public ModelSpec modelSpec(int projectorWidth, int projectorDepth, boolean projectorBatchNorm) {
        return new ModelSpec(encoder, projectorWidth, projectorDepth, projectorBatchNorm);
    }

    /**
     * Python source of {@code build_layers(in_channels, height, width)}, returning the encoder's
     * {@code nn.Sequential}; it uses encoder.py's helpers {@code conv}, {@code bn2d}, {@code bn1d},
     * {@code GlobalAvgPool} and {@code Residual}.
     */
    public String pythonLayers() {
        return switch (encoder) {
            case SMALL_CNN -> """
                    def build_layers(in_channels, height, width):
                        \"\"\"small-cnn: 32-64-128 channels of 3x3 conv + BN + ReLU (strides 1, 2, 2), global average pool.\"\"\"
                        layers = []
                        cin = in_channels
                        for cout, stride in ((32, 1), (64, 2), (128, 2)):
                            layers += [conv(cin, cout, 3, stride), bn2d(cout), nn.ReLU()]
                            cin = cout
                        layers.append(GlobalAvgPool())
                        return nn.Sequential(*layers)
                    """;
            case SMALL_CNN_4 -> """
                    def build_layers(in_channels, height, width):
                        \"\"\"small-cnn-4: 32-64-128-256 channels of 3x3 conv + BN + ReLU (strides 1, 2, 2, 2), global average pool.\"\"\"
                        layers = []
                        cin = in_channels
                        for cout, stride in ((32, 1), (64, 2), (128, 2), (256, 2)):
                            layers += [conv(cin, cout, 3, stride), bn2d(cout), nn.ReLU()]
                            cin = cout
                        layers.append(GlobalAvgPool())
                        return nn.Sequential(*layers)
                    """;
            case RESNET18 -> """
                    def build_layers(in_channels, height, width):
                        \"\"\"resnet18, CIFAR variant: 3x3 stem with stride 1 and no max-pool, 4 stages of 2 basic blocks.\"\"\"
                        layers = [conv(in_channels, 64, 3, 1), bn2d(64), nn.ReLU()]
                        cin = 64
                        for stage, cout in enumerate((64, 128, 256, 512)):
                            for unit in range(2):
                                stride = 2 if stage > 0 and unit == 0 else 1
                                main = nn.Sequential(conv(cin, cout, 3, stride), bn2d(cout), nn.ReLU(),
                                                     conv(cout, cout, 3, 1), bn2d(cout))
                                if cin != cout or stride != 1:
                                    shortcut = nn.Sequential(conv(cin, cout, 1, stride), bn2d(cout))
                                else:
                                    shortcut = nn.Identity()
                                layers.append(nn.Sequential(Residual(main, shortcut), nn.ReLU()))
                                cin = cout
                        layers.append(GlobalAvgPool())
                        return nn.Sequential(*layers)
                    """;
            case MLP -> """
                    def build_layers(in_channels, height, width):
                        \"\"\"mlp: flattened pixels through two hidden layers of 512 and 256 with BN and ReLU.\"\"\"
                        return nn.Sequential(nn.Flatten(),
                                             nn.Linear(in_channels * height * width, 512, bias=False), bn1d(512), nn.ReLU(),
                                             nn.Linear(512, 256, bias=False), bn1d(256), nn.ReLU())
                    """;
        };
    }
}
