package org.twinlab.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.NDList;
import java.util.List;

/** How each {@link Encoder} is built from DJL blocks. */
final class Encoders {
    private Encoders() {
    }

    static Block build(Encoder encoder) {
        return switch (encoder) {
            case SMALL_CNN -> cnn(new int[] {32, 64, 128}, new int[] {1, 2, 2});
            case SMALL_CNN_4 -> cnn(new int[] {32, 64, 128, 256}, new int[] {1, 2, 2, 2});
            case RESNET18 -> resnet18();
            case MLP -> mlp();
        };
    }

    /**
     * 3x3 conv + BN + ReLU blocks of the given channels and strides, then a global average pool: fast on a
     * laptop CPU (small-cnn: 32-64-128, strides 1, 2, 2).
     */
    private static Block cnn(int[] filters, int[] strides) {
        SequentialBlock b = new SequentialBlock();
        for (int i = 0; i < filters.length; i++) {
            convBnRelu(b, filters[i], strides[i]);
        }
        b.add(Pool.globalAvgPool2dBlock());
        return b;
    }

    private static void convBnRelu(SequentialBlock b, int filters, int stride) {
        b.add(conv(filters, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
    }

    private static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false).build();
    }

    /** ResNet-18, CIFAR variant: 3x3 stem with stride 1 and no max-pool, then 4 stages of 2 basic blocks. */
    private static Block resnet18() {
        SequentialBlock b = new SequentialBlock();
        convBnRelu(b, 64, 1);
        int[] widths = {64, 128, 256, 512};
        int in = 64;
        for (int stage = 0; stage < 4; stage++) {
            for (int unit = 0; unit < 2; unit++) {
                int stride = stage > 0 && unit == 0 ? 2 : 1;
                b.add(basicBlock(widths[stage], stride, in != widths[stage] || stride != 1));
                in = widths[stage];
            }
        }
        b.add(Pool.globalAvgPool2dBlock());
        return b;
    }

    private static Block basicBlock(int filters, int stride, boolean project) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(filters, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(filters, 3, 1)).add(BatchNorm.builder().build());
        Block shortcut = project
                ? new SequentialBlock().add(conv(filters, 1, stride)).add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
                        List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    /** Flattened pixels through two hidden layers of 512 and 256 with BN and ReLU. */
    private static Block mlp() {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(512).optBias(false).build())
                .add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(256).optBias(false).build())
                .add(BatchNorm.builder().build()).add(Activation.reluBlock());
    }
}
