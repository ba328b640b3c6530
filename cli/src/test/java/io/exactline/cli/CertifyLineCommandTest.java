package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.NetworkId;
import io.exactline.core.network.Network;

class CertifyLineCommandTest {
    private static final String HEAD_ON_FROM = "rho=0,theta=0,psi=pi,vown=1200,vint=1200";
    private static final String HEAD_ON_TO = "rho=60760,theta=0,psi=pi,vown=1200,vint=1200";

    @Test
    void printsTheAdvisoryIntervalsAsCsvAndASummaryWithTheIntervalSamplingMisses() {
        Cli.Result result = Cli.run("acasxu", "certify-line", "--network", "1_3", "--from", HEAD_ON_FROM, "--to",
                HEAD_ON_TO);

        assertThat(result.code()).as("%s", result).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("t_start,t_end,advisory");
        List<String> rows = lines.stream().skip(1).filter(l -> !l.startsWith("#")).toList();
        assertThat(rows).hasSize(11);
        assertThat(rows.get(4)).isEqualTo("0.083613724541155180,0.083854266413152680,SL");
        assertThat(lines).contains("# network: ACASXU_run2a_1_3_batch_2000", "# pieces: 215", "# switches: 10",
                "# from: rho=0.0,theta=0.0,psi=3.141592653589793,vown=1200.0,vint=1200.0",
                "# 1000 evenly spaced samples miss 1 of 11 intervals:");
        assertThat(result.out()).contains("# missed: SL on [0.083613724541155180, 0.083854266413152680]");
        assertThat(result.err()).isEmpty();
        // Each interval's advisory is the network's at its middle.
        Network network = AcasNetworks.bundled(NetworkId.parse("1_3"));
        for (String row : rows) {
            String[] cells = row.split(",");
            double t = 0.5 * (Double.parseDouble(cells[0]) + Double.parseDouble(cells[1]));
            EncounterState state = new EncounterState(60760 * t, 0, Math.PI, 1200, 1200);
            assertThat(Advisory.of(network.evaluate(state.normalized()))).as(row).hasToString(cells[2]);
        }
    }

    @Test
    void moreSamplesFindTheShortInterval() {
        Cli.Result result = Cli.run("acasxu", "certify-line", "--network", "1_3", "--from", HEAD_ON_FROM, "--to",
                HEAD_ON_TO, "--samples", "20000");

        assertThat(result.out()).contains("# 20000 evenly spaced samples miss 0 of 11 intervals\n");
    }

    @Test
    void inputsLeftOutTakeTheMiddleOfTheDomainAndNormalisedEndsGiveTheSameIntervals() {
        Cli.Result physical = Cli.run("acasxu", "certify-line", "--network", "2_4", "--from", "rho=500,theta=0.5",
                "--to", "rho=40000,theta=-0.5");
        double[] from = new EncounterState(500, 0.5, 0, 650, 600).normalized();
        double[] to = new EncounterState(40000, -0.5, 0, 650, 600).normalized();
        Cli.Result normalized = Cli.run("acasxu", "certify-line", "--network", "2_4", "--from-normalized",
                NumberText.commaSeparated(from), "--to-normalized", NumberText.commaSeparated(to));

        assertThat(physical.out()).contains("# from: rho=500.0,theta=0.5,psi=0.0,vown=650.0,vint=600.0");
        assertThat(normalized.code()).as("%s", normalized).isZero();
        assertThat(normalized.out()).contains("# from: normalized ");
        assertThat(csvPart(normalized.out())).isEqualTo(csvPart(physical.out()));
    }

    @Test
    void anEncounterOutsideTheDomainIsBadInput() {
        Cli.Result result = Cli.run("acasxu", "certify-line", "--network", "1_1", "--from", "rho=70000", "--to",
                "rho=0");

        assertBadInput(result, "error: --from rho=70000.0,theta=0.0,psi=0.0,vown=650.0,vint=600.0 lies outside the"
                + " ACAS Xu domain (rho 0..60760, theta and psi -3.141593..3.141593, vown 100..1200, vint 0..1200);"
                + " use --from-normalized to analyse the network outside it");
    }

    @Test
    void unknownInputNamesAndMissingOrDoubleEndsAreBadInput() {
        assertThat(Cli.run("acasxu", "certify-line", "--network", "1_1", "--from", "range=5", "--to", "rho=0").err())
                .startsWith("error: --from: unknown ACAS Xu input 'range'");
        assertThat(Cli.run("acasxu", "certify-line", "--network", "1_1", "--from", "rho=5", "--from-normalized",
                "0,0,0,0,0", "--to", "rho=0").code()).isEqualTo(2);
        assertThat(Cli.run("acasxu", "certify-line", "--network", "1_1", "--to", "rho=0").code()).isEqualTo(2);
        assertBadInput(Cli.run("acasxu", "certify-line", "--network", "1_1", "--from", "rho=5", "--to", "rho=0",
                "--samples", "1"), "error: --samples must be at least 2 (both ends of the segment), got 1");
        assertThat(Cli.run("acasxu", "certify-line", "--network", "9_9", "--from", "rho=5", "--to", "rho=0").err())
                .startsWith("error: network '9_9' is neither a file nor a bundled ACAS Xu network");
    }

    private static String csvPart(String out) {
        return out.substring(0, out.indexOf('#'));
    }
}
