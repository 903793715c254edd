package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.glm.Design;
import org.systemarena.eval.glm.MultinomialLogit;

/**
 * The outcome models' fractional logit (a two-class {@link MultinomialLogit#fitSoft} with soft labels) against an
 * independent optimiser: the expected numbers come from
 * src/test/resources/org/systemarena/eval/model/reference_fractional_logit.py, a binary logistic regression with
 * fractional targets minimised by scipy's BFGS on the same CSV dataset (run it there to regenerate them).
 */
class FractionalLogitReferenceTest {
    private static final double TOLERANCE = 1e-6;

    // Printed by reference_fractional_logit.py:
    // MLE: w=1.0, v=0.0, l2=0.0; |gradient| at the BFGS optimum 3.2e-10
    private static final double[] MLE_COEFFICIENTS = {-0.720820268544, 1.13887156811, -0.357606522468};
    private static final double[] MLE_PREDICTIONS = {
            0.525134061032, 0.0413657105684, 0.289775262042, 0.527081158235, 0.405070022706, 0.278345516308,
            0.1467969853, 0.214569516787, 0.706428564749, 0.209049631036, 0.284924601669, 0.517321237408,
            0.545140251392, 0.5742125076, 0.30440011927, 0.118380662922, 0.485977354014, 0.657864738039,
            0.234665328871, 0.591669265524, 0.417076213686, 0.2484460865, 0.047111046933, 0.134049500853,
            0.681583076409, 0.794712280819, 0.626933970832, 0.230200627961, 0.593644340225, 0.613809751291,
            0.720339235123, 0.356679788939, 0.490794702608, 0.34849183275, 0.563161168658, 0.397726953874,
            0.186677405168, 0.414446557998, 0.431649662605, 0.449729377537, 0.910159542537, 0.694667434503,
            0.465255491229, 0.547718461751, 0.185004750206, 0.200546100694, 0.299361667593, 0.361814373633,
            0.231922571219, 0.76492247657, 0.740517401829, 0.190498645247, 0.937355596329, 0.114191416167,
            0.687971159804, 0.8369184699, 0.475352187469, 0.537780845014, 0.560219148258, 0.316347247443,
            0.707271924647, 0.374050965706, 0.728003524318, 0.661963591855, 0.460126836756, 0.0970474668356,
            0.569771582875, 0.377185884641, 0.677349493974, 0.0873072159977, 0.351579968382, 0.0753840606301,
            0.412546664969, 0.276237356995, 0.624927710181, 0.566832956834, 0.116617711512, 0.338027059996,
            0.425006867338, 0.128891091743
    };
    // L2: w=1.0, v=0.0, l2=1.0; |gradient| at the BFGS optimum 8.8e-10
    private static final double[] L2_COEFFICIENTS = {-0.695285012109, 1.07736835145, -0.34129302821};
    private static final double[] L2_PREDICTIONS = {
            0.52182589308, 0.0478252222694, 0.297624289377, 0.523460886232, 0.405946988511, 0.287552616502,
            0.156371868349, 0.224364649798, 0.693741172772, 0.219839162457, 0.294113723745, 0.513945258136,
            0.542211690409, 0.566635909227, 0.312084292513, 0.128824176353, 0.484345469295, 0.646565353465,
            0.242634575432, 0.585469926236, 0.418485131278, 0.257301805329, 0.0542058238026, 0.14410374526,
            0.671973758258, 0.781711501946, 0.61628082589, 0.241017738429, 0.588251120105, 0.605125234895,
            0.707039768435, 0.360990173627, 0.488268090932, 0.354787272043, 0.559490468581, 0.400247858005,
            0.197493693717, 0.417187782393, 0.43073114478, 0.449860881031, 0.898935712006, 0.682412783808,
            0.462921128965, 0.541897668671, 0.195501652058, 0.209825245439, 0.305563367367, 0.366373041644,
            0.242286402599, 0.75241029903, 0.727288523856, 0.201009909433, 0.928171919291, 0.124021841071,
            0.67764579234, 0.823046071357, 0.47500328838, 0.533484352321, 0.553862461288, 0.32276332688,
            0.69391547493, 0.375949082929, 0.714787111429, 0.650876993738, 0.459785154178, 0.106929398137,
            0.562361928252, 0.378914757186, 0.66497468822, 0.097123388601, 0.356673904167, 0.0835217025041,
            0.414121784556, 0.284297855797, 0.614568115504, 0.560095684829, 0.126863986501, 0.343584346839,
            0.426879641815, 0.139504269037
    };
    // WEIGHTED_PSEUDO: w=2.0, v=0.05, l2=0.5; |gradient| at the BFGS optimum 1.6e-10
    private static final double[] WEIGHTED_PSEUDO_COEFFICIENTS = {-0.660013136056, 1.04100626591, -0.325511488855};
    private static final double[] WEIGHTED_PSEUDO_PREDICTIONS = {
            0.52206244307, 0.0535520505197, 0.305369553158, 0.523938101092, 0.413190969104, 0.294155288405,
            0.16706442549, 0.233713990335, 0.690260442033, 0.227936999298, 0.300264294474, 0.515139156847,
            0.53971290911, 0.567793384797, 0.318921078473, 0.137394977884, 0.486462947091, 0.644966584195,
            0.253751310649, 0.582806845881, 0.423687082993, 0.266362753686, 0.0601339274463, 0.153825201844,
            0.665903527592, 0.774204772001, 0.616591918244, 0.248179846443, 0.584211353754, 0.603848500756,
            0.703492257012, 0.36809901037, 0.491155066763, 0.359777580612, 0.55613362815, 0.405860772437,
            0.206187612772, 0.420727945082, 0.437763563178, 0.453400950647, 0.892033571839, 0.679172079535,
            0.468348415695, 0.543329075875, 0.204698580656, 0.220425352816, 0.314972106575, 0.372624423984,
            0.250028139523, 0.745233445991, 0.722395901441, 0.210068522938, 0.921731187401, 0.133296231318,
            0.672110222311, 0.816419189827, 0.476427327746, 0.533776292217, 0.554729385588, 0.330459256812,
            0.691349705627, 0.384878609949, 0.71062489765, 0.648609514039, 0.46287528167, 0.115031042089,
            0.563745031669, 0.387777870454, 0.663281829032, 0.104495154213, 0.363125520464, 0.0921498540864,
            0.419561547382, 0.292727051122, 0.614644883278, 0.560811828901, 0.135643344481, 0.350620485215,
            0.430560033374, 0.148241829088
    };

    @Test
    void unpenalisedFractionalLogit() {
        check(new MultinomialLogit.Objective(1.0, 0.0, 0.0), MLE_COEFFICIENTS, MLE_PREDICTIONS);
    }

    @Test
    void penalisedFractionalLogit() {
        check(new MultinomialLogit.Objective(1.0, 0.0, 1.0), L2_COEFFICIENTS, L2_PREDICTIONS);
    }

    @Test
    void labelWeightAndPseudoRows() {
        check(new MultinomialLogit.Objective(2.0, 0.05, 0.5), WEIGHTED_PSEUDO_COEFFICIENTS,
                WEIGHTED_PSEUDO_PREDICTIONS);
    }

    @Test
    void aWarmStartReachesTheSameOptimum() {
        Data d = load();
        MultinomialLogit.Objective objective = new MultinomialLogit.Objective(1.0, 0.0, 1.0);
        MultinomialLogit.Result cold = MultinomialLogit.fitSoft(Design.dense(d.x), soft(d.y), 2, objective, null,
                MultinomialLogit.MAX_ITERATIONS);
        double[] start = cold.coefficients().clone();
        for (int q = 0; q < start.length; q++) {
            start[q] += 0.3;
        }
        start[start.length / 2] = 0.0; // class 1's intercept is fixed at 0
        MultinomialLogit.Result warm = MultinomialLogit.fitSoft(Design.dense(d.x), soft(d.y), 2, objective, start,
                MultinomialLogit.MAX_ITERATIONS);
        assertThat(warm.converged()).isTrue();
        for (int q = 0; q < start.length; q++) {
            assertThat(warm.coefficients()[q]).isCloseTo(cold.coefficients()[q], within(1e-7));
        }
    }

    private static void check(MultinomialLogit.Objective objective, double[] coefficients, double[] predictions) {
        Data d = load();
        MultinomialLogit.Result r = MultinomialLogit.fitSoft(Design.dense(d.x), soft(d.y), 2, objective, null,
                MultinomialLogit.MAX_ITERATIONS);
        assertThat(r.converged()).isTrue();
        // Class 0 (reward 0) and class 1 (reward 1) each have slopes; the log-odds of class 1 are the difference.
        double[] b = new double[3];
        for (int c = 0; c < 3; c++) {
            b[c] = r.coefficient(1, c) - r.coefficient(0, c);
        }
        for (int c = 0; c < 3; c++) {
            assertThat(b[c]).as("coefficient %d", c).isCloseTo(coefficients[c], within(TOLERANCE));
        }
        double[] q = new double[d.y.length];
        r.probabilities(Design.dense(d.x), 1, q);
        for (int i = 0; i < q.length; i++) {
            assertThat(q[i]).as("row %d", i).isCloseTo(predictions[i], within(TOLERANCE));
        }
    }

    private static double[] soft(double[] y) {
        double[] s = new double[2 * y.length];
        for (int i = 0; i < y.length; i++) {
            s[2 * i] = 1.0 - y[i];
            s[2 * i + 1] = y[i];
        }
        return s;
    }

    private record Data(double[][] x, double[] y) {
    }

    private static Data load() {
        try (InputStream in = FractionalLogitReferenceTest.class.getResourceAsStream("fractional.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].trim().split(",");
                x.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
                y.add(Double.parseDouble(f[2]));
            }
            return new Data(x.toArray(new double[0][]), y.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
