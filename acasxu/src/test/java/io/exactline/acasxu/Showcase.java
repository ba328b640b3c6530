package io.exactline.acasxu;

/**
 * Lines on the bundled networks along which 1,000 evenly spaced samples miss an advisory interval that ExactLine
 * finds (found by searching axis-parallel lines over a grid of encounters on all 45 networks).
 */
enum Showcase {
    /** Head-on at full speed, range 0 to 60,760 ft: a 15 ft sliver of strong left inside strong right near 5 km. */
    HEAD_ON_1_3("1_3", new EncounterState(0, 0, Math.PI, 1200, 1200), new EncounterState(60760, 0, Math.PI, 1200, 1200),
            Advisory.SL, 0.08361372454115518, 0.08385426641315268),
    /** Head-on, slow ownship: a 13 ft interval of weak right between strong right and strong left at 48,443 ft. */
    HEAD_ON_SLOW_OWNSHIP_1_1("1_1", new EncounterState(0, 0, Math.PI, 100, 1200),
            new EncounterState(60760, 0, Math.PI, 100, 1200), Advisory.WR, 0.7972908101346337, 0.7975032163769011),
    /** Bearing swept around the ownship at 1,000 ft: strong right for 4.5e-5 rad inside strong left. */
    BEARING_SWEEP_1_1("1_1", new EncounterState(1000, -Math.PI, 2, 1200, 400),
            new EncounterState(1000, Math.PI, 2, 1200, 400), Advisory.SR, 0.4347667130462032, 0.4347738044575519),
    /** Intruder 57 deg to the right, range 0 to 60,760 ft: a 9 ft weak right between clear-of-conflict intervals. */
    CLEAR_OF_CONFLICT_GAP_1_7("1_7", new EncounterState(0, -1, 0.5, 400, 400),
            new EncounterState(60760, -1, 0.5, 400, 400), Advisory.WR, 0.07917077605868704, 0.07932329435283787);

    final String network;
    final EncounterState from;
    final EncounterState to;
    final Advisory missed;
    final double missedStart;
    final double missedEnd;

    Showcase(String network, EncounterState from, EncounterState to, Advisory missed, double missedStart,
            double missedEnd) {
        this.network = network;
        this.from = from;
        this.to = to;
        this.missed = missed;
        this.missedStart = missedStart;
        this.missedEnd = missedEnd;
    }
}
