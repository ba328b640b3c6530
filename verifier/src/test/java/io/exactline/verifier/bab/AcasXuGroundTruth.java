package io.exactline.verifier.bab;

import java.util.Set;

/**
 * The answers of the 186 ACAS Xu instances of VNN-COMP 2021, from the competition's published results
 * ({@code stanleybak/vnncomp2021_results}, {@code results_csv}): nnenum, VeriNet and oval agree on every instance
 * they decided, and together decided all 186. 47 instances are sat (listed here), the other 139 unsat.
 */
final class AcasXuGroundTruth {
    /** The sat instances as {@code network property}, e.g. {@code 1_2 prop_2}. */
    static final Set<String> SAT = Set.of(
            "1_2 prop_2", "1_3 prop_2", "1_4 prop_2", "1_5 prop_2", "1_6 prop_2",
            "1_7 prop_3", "1_7 prop_4", "1_8 prop_3", "1_8 prop_4", "1_9 prop_3", "1_9 prop_4",
            "1_9 prop_7", "2_9 prop_8",
            "2_1 prop_2", "2_2 prop_2", "2_3 prop_2", "2_4 prop_2", "2_5 prop_2", "2_6 prop_2", "2_7 prop_2",
            "2_8 prop_2", "2_9 prop_2",
            "3_1 prop_2", "3_2 prop_2", "3_4 prop_2", "3_5 prop_2", "3_6 prop_2", "3_7 prop_2", "3_8 prop_2",
            "3_9 prop_2",
            "4_1 prop_2", "4_3 prop_2", "4_4 prop_2", "4_5 prop_2", "4_6 prop_2", "4_7 prop_2", "4_8 prop_2",
            "4_9 prop_2",
            "5_1 prop_2", "5_2 prop_2", "5_3 prop_2", "5_4 prop_2", "5_5 prop_2", "5_6 prop_2", "5_7 prop_2",
            "5_8 prop_2", "5_9 prop_2");

    private AcasXuGroundTruth() {
    }

    /** {@code network property} of an instance line's file names, e.g. {@code 1_2 prop_2}. */
    static String id(String onnx, String vnnlib) {
        return onnx.replace("ACASXU_run2a_", "").replace("_batch_2000.onnx", "") + " " + vnnlib.replace(".vnnlib", "");
    }

    /** Whether the instance's known answer is sat. */
    static boolean isSat(String onnx, String vnnlib) {
        return SAT.contains(id(onnx, vnnlib));
    }

    /** Whether {@code status} is a decided answer that differs from the known one. */
    static boolean contradicts(String onnx, String vnnlib, String status) {
        return status.equals("sat") && !isSat(onnx, vnnlib) || status.equals("unsat") && isSat(onnx, vnnlib);
    }
}
