package org.twinlab.model;

import org.twinlab.util.Choice;

/**
 * The objectives a run can train with: Barlow Twins, the six rows of its ablation table as the lecture
 * defines them, and the rival objectives the lecture compares it with (InfoNCE, equation 3; cosine
 * similarity, equation 4, with and without the asymmetry that keeps it from collapsing; IMAX, equation 5).
 * Some rows also change the network: no BatchNorm in the projector, or a predictor head on one branch.
 */
public enum ObjectiveKind implements Choice {
    BARLOW_TWINS("barlow-twins", "Barlow Twins", 71.4),
    INVARIANCE_ONLY("invariance-only", "only the invariance term", 57.3),
    REDUNDANCY_ONLY("redundancy-only", "only the redundancy term", 0.1),
    FEATURE_NORM("feature-norm", "normalisation along the feature dimension", 69.8),
    NO_PROJECTOR_BN("no-projector-bn", "no BatchNorm in the projector", 71.2),
    NO_BN_NO_NORM("no-bn-no-norm", "no BatchNorm and no normalisation", 53.4),
    CROSS_ENTROPY("cross-entropy", "cross-entropy with temperature", 63.3),
    INFONCE("infonce", "InfoNCE", Double.NaN),
    COSINE_PREDICTOR("cosine-predictor", "cosine, predictor + stop-gradient", Double.NaN),
    COSINE("cosine", "cosine, no asymmetry", Double.NaN),
    IMAX("imax", "IMAX", Double.NaN);

    private final String key;
    private final String label;
    private final double lectureTop1;

    ObjectiveKind(String key, String label, double lectureTop1) {
        this.key = key;
        this.label = label;
        this.lectureTop1 = lectureTop1;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    /** The lecture's ImageNet linear top-1 (%) for this row of its ablation table; NaN where it has none. */
    public double lectureTop1() {
        return lectureTop1;
    }

    /** The seven rows of the lecture's ablation table, in its order. */
    public static ObjectiveKind[] ablationRows() {
        return new ObjectiveKind[] {BARLOW_TWINS, INVARIANCE_ONLY, REDUNDANCY_ONLY, FEATURE_NORM, NO_PROJECTOR_BN,
            NO_BN_NO_NORM, CROSS_ENTROPY};
    }

    /** Barlow Twins against the rival objectives of the lecture. */
    public static ObjectiveKind[] rivals() {
        return new ObjectiveKind[] {BARLOW_TWINS, INFONCE, COSINE_PREDICTOR, IMAX};
    }

    /** Whether the projector keeps its BatchNorm: the two "no BN" rows drop it whatever the setting says. */
    public boolean projectorBatchNorm(boolean configured) {
        return configured && this != NO_PROJECTOR_BN && this != NO_BN_NO_NORM;
    }

    /** Whether the network has a predictor head on top of the projector (the asymmetric cosine twins). */
    public boolean needsPredictor() {
        return this == COSINE_PREDICTOR;
    }

    /** Whether the loss uses the temperature setting. */
    public boolean usesTemperature() {
        return this == CROSS_ENTROPY || this == INFONCE;
    }

    /** Whether the loss uses lambda. */
    public boolean usesLambda() {
        return switch (this) {
            case BARLOW_TWINS, REDUNDANCY_ONLY, FEATURE_NORM, NO_PROJECTOR_BN, NO_BN_NO_NORM, CROSS_ENTROPY -> true;
            default -> false;
        };
    }

    public Objective create() {
        return switch (this) {
            case BARLOW_TWINS, NO_PROJECTOR_BN -> BarlowTwinsLoss.standard();
            case INVARIANCE_ONLY -> new BarlowTwinsLoss(BarlowTwinsLoss.Normalisation.BATCH, true, false);
            case REDUNDANCY_ONLY -> new BarlowTwinsLoss(BarlowTwinsLoss.Normalisation.BATCH, false, true);
            case FEATURE_NORM -> new BarlowTwinsLoss(BarlowTwinsLoss.Normalisation.FEATURE, true, true);
            case NO_BN_NO_NORM -> new BarlowTwinsLoss(BarlowTwinsLoss.Normalisation.NONE, true, true);
            case CROSS_ENTROPY -> new CorrelationCrossEntropyLoss();
            case INFONCE -> new InfoNceLoss();
            case COSINE_PREDICTOR -> new CosineLoss(true);
            case COSINE -> new CosineLoss(false);
            case IMAX -> new ImaxLoss();
        };
    }

    public static ObjectiveKind parse(String text) {
        return Choice.parse(ObjectiveKind.class, text, "objective");
    }
}
