package io.exactline.core.io;

import static io.exactline.core.io.TinyModel.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import io.exactline.core.network.Network;

/**
 * Graphs with many nodes load in time linear in their size, whatever the order of the nodes in the file: the
 * loader must not hang on a 300 KB model. The timeout is a hang guard (minutes for the quadratic order), not a
 * speed test.
 */
class OnnxGraphSizeTest {
    private static final int NODES = 20_000;

    @Test
    void aChainOfTwentyThousandNodesListedBackwardsLoads() throws Exception {
        ModelProto forward = ModelProto.parseFrom(chain());
        List<NodeProto> reversed = new ArrayList<>(forward.getGraph().getNodeList());
        java.util.Collections.reverse(reversed);
        GraphProto graph = forward.getGraph().toBuilder().clearNode().addAllNode(reversed).build();
        byte[] model = forward.toBuilder().setGraph(graph).build().toByteArray();

        Network network = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> OnnxLoader.load(model, "long.onnx", "long.onnx"));

        assertThat(network.evaluate(new double[] {-1, 2})).containsExactly(0, 2);
    }

    /** x -> Relu -> Relu -> ... ({@value #NODES} of them) -> y. */
    private static byte[] chain() {
        TinyModel model = new TinyModel(13, 1, 2);
        String previous = "x";
        for (int i = 0; i < NODES; i++) {
            String next = i + 1 == NODES ? "y" : "r" + i;
            model.node("Relu", "relu" + i, names(previous), names(next));
            previous = next;
        }
        return model.bytes("y", 1, 2);
    }
}
