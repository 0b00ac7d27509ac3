package org.twinlab.ui;

import org.twinlab.model.ObjectiveKind;

/**
 * What each objective is, in one line a class can read, and its loss written out as the lecture writes
 * it (s is the cosine similarity, sg the stop-gradient, p the predictor head).
 */
final class ObjectiveHelp {
    private static final String BT = "L = \u03a3\u1d62 (1 \u2212 C\u1d62\u1d62)\u00b2 + \u03bb \u03a3\u1d62 \u03a3\u2c7c\u2260\u1d62 C\u1d62\u2c7c\u00b2";

    private ObjectiveHelp() {
    }

    static String describe(ObjectiveKind k) {
        return switch (k) {
            case BARLOW_TWINS -> "Barlow Twins: the diagonal of C to 1 (the views agree), the rest to 0 (no feature repeats another)";
            case INVARIANCE_ONLY -> "Ablation: only the diagonal of C to 1; nothing keeps the features apart";
            case REDUNDANCY_ONLY -> "Ablation: only the off-diagonal of C to 0; nothing asks the two views to agree";
            case FEATURE_NORM -> "Ablation: each embedding normalised over its D features instead of each feature over the batch";
            case NO_PROJECTOR_BN -> "Ablation: Barlow Twins with no BatchNorm in the projector";
            case NO_BN_NO_NORM -> "Ablation: no BatchNorm in the projector and no normalisation before C";
            case CROSS_ENTROPY -> "Ablation: cross-entropy with temperature \u03c4 on C instead of squares";
            case INFONCE -> "InfoNCE (SimCLR): each pair against the other images of the batch, cosine over \u03c4";
            case COSINE_PREDICTOR -> "Cosine twins with a predictor on one branch and stop-gradient on the other (SimSiam)";
            case COSINE -> "Cosine twins without asymmetry: nothing stops every image giving one output (collapse)";
            case IMAX -> "IMAX: the twins' sum keeps its variance while their difference shrinks";
        };
    }

    static String formula(ObjectiveKind k) {
        return switch (k) {
            case BARLOW_TWINS, FEATURE_NORM, NO_PROJECTOR_BN -> BT;
            case NO_BN_NO_NORM -> BT + ",  C = Z\u1d2c\u1d40 Z\u1d2e / N";
            case INVARIANCE_ONLY -> "L = \u03a3\u1d62 (1 \u2212 C\u1d62\u1d62)\u00b2";
            case REDUNDANCY_ONLY -> "L = \u03bb \u03a3\u1d62 \u03a3\u2c7c\u2260\u1d62 C\u1d62\u2c7c\u00b2";
            case CROSS_ENTROPY -> "L = \u2212log \u03a3\u1d62 exp(C\u1d62\u1d62/\u03c4) + \u03bb log \u03a3\u1d62 \u03a3\u2c7c\u2260\u1d62 exp(max(C\u1d62\u2c7c, 0)/\u03c4)";
            case INFONCE -> "L = \u2212\u03a3\u2099 s(z\u1d2c\u2099, z\u1d2e\u2099)/\u03c4 + \u03a3\u2099 log \u03a3\u2099\u2032\u2260b exp(s(z\u1d2c\u2099, z\u1d2e\u2099\u2032)/\u03c4)";
            case COSINE_PREDICTOR -> "L = \u2212\u00bd \u03a3\u2099 [s(p(z\u1d2c\u2099), sg(z\u1d2e\u2099)) + s(p(z\u1d2e\u2099), sg(z\u1d2c\u2099))]";
            case COSINE -> "L = \u2212\u03a3\u2099 s(z\u1d2c\u2099, z\u1d2e\u2099)";
            case IMAX -> "L = log|C(Z\u1d2c \u2212 Z\u1d2e)| \u2212 log|C(Z\u1d2c + Z\u1d2e)|";
        };
    }
}
