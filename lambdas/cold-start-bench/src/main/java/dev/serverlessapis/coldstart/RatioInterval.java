package dev.serverlessapis.coldstart;

import java.util.Arrays;
import java.util.Random;

/**
 * How much of a function's "x bare" this run's own scatter could explain: a 95% bootstrap interval of its median over
 * the bare client's median, from the run's rounds alone (what differs between runs is not in it). Whole rounds are
 * resampled, a function's run with the bare client's runs of the same round, so that the host's drift between rounds,
 * which slows both alike, stays paired instead of widening the interval. Seeded, so the same runs print the same
 * interval.
 */
final class RatioInterval {
    static final int RESAMPLES = 4000;
    private static final long SEED = 13;

    private RatioInterval() {
    }

    /**
     * @param subject a function's milliseconds, one per round, in round order
     * @param bare the bare client's milliseconds, {@code perRound} per round, in round order
     * @return the 2.5th and the 97.5th percentile of the resampled ratios
     */
    static double[] of(double[] subject, double[] bare, int perRound) {
        if (bare.length != subject.length * perRound) {
            throw new IllegalArgumentException(subject.length + " rounds of a function, but " + bare.length
                    + " bare runs where " + perRound + " per round were expected");
        }
        var random = new Random(SEED);
        var ratios = new double[RESAMPLES];
        var drawnSubject = new double[subject.length];
        var drawnBare = new double[bare.length];
        for (int resample = 0; resample < RESAMPLES; resample++) {
            for (int i = 0; i < subject.length; i++) {
                var round = random.nextInt(subject.length);
                drawnSubject[i] = subject[round];
                System.arraycopy(bare, round * perRound, drawnBare, i * perRound, perRound);
            }
            ratios[resample] = Report.median(drawnSubject) / Report.median(drawnBare);
        }
        Arrays.sort(ratios);
        return new double[] {ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]};
    }
}
