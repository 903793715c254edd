package org.systemarena.eval.model;

class ModelGroundTruthTest {
    static final int SEEDS = 40;
}
