package io.exactline.acasxu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * One of the ten ACAS Xu safety properties φ1–φ10 of the Reluplex paper (Katz et al., CAV 2017, appendix VI), typed:
 * its input region in physical units (a union of boxes; only φ6 has two), the networks it is stated for, and the
 * requirement on the scores in advisory terms.
 *
 * <p>The property holds for a network when every encounter of the region meets the requirement.
 * {@link #toProperty()} gives the verifier's form: the region normalised ({@link EncounterBox#normalized()}, widened
 * outward) with the requirement's {@link AdvisoryRequirement#violation() violation} as the unsafe set, so an unsat
 * verdict proves the property on the whole physical region. The bundled VNN-LIB files ({@link #bundledVnnlib()})
 * state the same properties with bounds rounded to 9 decimals.
 *
 * <p>Applicable networks follow the paper: φ1 all 45, φ2 the 36 networks N_{x,y} with x >= 2, φ3 and φ4 all but
 * N_{1,7}, N_{1,8}, N_{1,9}, and φ5–φ10 one network each. VNN-COMP 2021 ran φ1–φ4 on all 45 networks
 * ({@link #vnncomp2021Networks()}).
 *
 * @param number k in φk, 1..10
 * @param summary the situation the property describes, e.g. "a distant intruder that is significantly slower"
 * @param region the input region, a union of boxes
 * @param networks the networks the property is stated for
 * @param requirement what the scores must satisfy everywhere on the region
 */
public record AcasProperty(int number, String summary, List<EncounterBox> region, Set<NetworkId> networks,
        AdvisoryRequirement requirement) {
    /** pi as the paper writes it in its bounds, 3.141592. */
    private static final double PI_PAPER = 3.141592;
    private static final double PI = Math.PI;
    private static final String VNNLIB = "/io/exactline/acasxu/vnnlib/";

    /** @throws BadInputException if the number is not 1..10, the region or the networks are empty */
    public AcasProperty {
        if (number < 1 || number > 10) {
            throw new BadInputException("ACAS Xu properties are numbered 1..10, not " + number);
        }
        region = List.copyOf(region);
        if (region.isEmpty() || networks.isEmpty()) {
            throw new BadInputException("property " + number + " needs an input region and networks");
        }
        networks = Set.copyOf(networks);
    }

    /**
     * φk, {@code k} in 1..10.
     *
     * @throws BadInputException for another number
     */
    public static AcasProperty phi(int k) {
        return switch (k) {
            case 1 -> new AcasProperty(1, "a distant intruder that is significantly slower than the ownship",
                    List.of(EncounterBox.of(55947.691, 60760, -PI, PI, -PI, PI, 1145, 1200, 0, 60)),
                    networks(id -> true), new AdvisoryRequirement.ScoreBelow(Advisory.COC, 1500));
            case 2 -> new AcasProperty(2, "a distant intruder that is significantly slower than the ownship",
                    List.of(EncounterBox.of(55947.691, 60760, -PI, PI, -PI, PI, 1145, 1200, 0, 60)),
                    networks(id -> id.previous() >= 2), new AdvisoryRequirement.ScoreNotMaximal(Advisory.COC));
            case 3 -> new AcasProperty(3, "an intruder directly ahead, moving towards the ownship",
                    List.of(EncounterBox.of(1500, 1800, -0.06, 0.06, 3.10, PI, 980, 1200, 960, 1200)),
                    networks(AcasProperty::notN17ToN19), notAdvised(Advisory.COC));
            case 4 -> new AcasProperty(4, "an intruder directly ahead, moving away from the ownship but slower",
                    List.of(EncounterBox.of(1500, 1800, -0.06, 0.06, 0, 0, 1000, 1200, 700, 800)),
                    networks(AcasProperty::notN17ToN19), notAdvised(Advisory.COC));
            case 5 -> new AcasProperty(5, "an intruder near and approaching from the left",
                    List.of(EncounterBox.of(250, 400, 0.2, 0.4, -PI_PAPER, -PI_PAPER + 0.005, 100, 400, 0, 400)),
                    networks(1, 1), AdvisoryRequirement.AdvisoryAmong.of(Advisory.SR));
            case 6 -> new AcasProperty(6, "an intruder sufficiently far away",
                    List.of(EncounterBox.of(12000, 62000, 0.7, PI_PAPER, -PI_PAPER, -PI_PAPER + 0.005, 100, 1200, 0,
                                    1200),
                            EncounterBox.of(12000, 62000, -PI_PAPER, -0.7, -PI_PAPER, -PI_PAPER + 0.005, 100, 1200, 0,
                                    1200)),
                    networks(1, 1), AdvisoryRequirement.AdvisoryAmong.of(Advisory.COC));
            case 7 -> new AcasProperty(7, "any encounter: the network never advises a strong turn",
                    List.of(EncounterBox.of(0, 60760, -PI_PAPER, PI_PAPER, -PI_PAPER, PI_PAPER, 100, 1200, 0, 1200)),
                    networks(1, 9), AdvisoryRequirement.AdvisoryAmong.of(Advisory.COC, Advisory.WL, Advisory.WR));
            case 8 -> new AcasProperty(8, "an intruder behind on the left, flying parallel; previous advisory weak left",
                    List.of(EncounterBox.of(0, 60760, -PI_PAPER, -0.75 * PI_PAPER, -0.1, 0.1, 600, 1200, 600, 1200)),
                    networks(2, 9), AdvisoryRequirement.AdvisoryAmong.of(Advisory.COC, Advisory.WL));
            case 9 -> new AcasProperty(9, "an intruder close, directly ahead and to the right, crossing",
                    List.of(EncounterBox.of(2000, 7000, -0.4, -0.14, -PI_PAPER, -PI_PAPER + 0.01, 100, 150, 0, 150)),
                    networks(3, 3), AdvisoryRequirement.AdvisoryAmong.of(Advisory.SL));
            case 10 -> new AcasProperty(10, "a far intruder approaching from the left",
                    List.of(EncounterBox.of(36000, 60760, 0.7, PI_PAPER, -PI_PAPER, -PI_PAPER + 0.01, 900, 1200, 600,
                            1200)),
                    networks(4, 5), AdvisoryRequirement.AdvisoryAmong.of(Advisory.COC));
            default -> throw new BadInputException("ACAS Xu properties are numbered 1..10, not " + k);
        };
    }

    /** φ1 .. φ10. */
    public static List<AcasProperty> all() {
        List<AcasProperty> all = new ArrayList<>(10);
        for (int k = 1; k <= 10; k++) {
            all.add(phi(k));
        }
        return all;
    }

    /** The name φk. */
    public String name() {
        return "\u03c6" + number;
    }

    /** The ASCII name {@code prop_k}, as in the VNN-LIB file names. */
    public String key() {
        return "prop_" + number;
    }

    /** Whether the property is stated for {@code network}. */
    public boolean appliesTo(NetworkId network) {
        return networks.contains(network);
    }

    /** The networks in order 1_1 .. 5_9. */
    public List<NetworkId> networksInOrder() {
        return NetworkId.all().stream().filter(networks::contains).toList();
    }

    /** The networks VNN-COMP 2021 checked the property on: all 45 for φ1–φ4, else {@link #networks()}. */
    public Set<NetworkId> vnncomp2021Networks() {
        return number <= 4 ? Set.copyOf(NetworkId.all()) : networks;
    }

    /**
     * The verifier's form over normalised inputs and scores: one case per box of the region, each box
     * {@link EncounterBox#normalized() normalised and widened outward}, each with the requirement's violation.
     */
    public Property toProperty() {
        List<PropertyCase> cases = region.stream()
                .map(box -> new PropertyCase(box.normalized(), requirement.violation())).toList();
        return new Property(key() + " (" + name() + ", typed)", 5, 5, cases);
    }

    /** The bundled VNN-LIB file of this property (VNN-COMP 2021), parsed. */
    public Property bundledVnnlib() {
        String resource = VNNLIB + key() + ".vnnlib";
        try (InputStream in = AcasProperty.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled property " + resource + " is missing from the classpath");
            }
            return VnnlibParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), key() + ".vnnlib");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled property " + resource, e);
        }
    }

    /**
     * Parses a list of property numbers such as {@code 1,2,5-7} or {@code all}.
     *
     * @throws BadInputException for a malformed list or a number outside 1..10
     */
    public static List<AcasProperty> parseList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return all();
        }
        Set<Integer> numbers = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim().toLowerCase(Locale.ROOT).replace("prop_", "").replace("\u03c6", "");
            try {
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from < 1 || to > 10 || from > to) {
                    throw new BadInputException("properties '" + text + "': " + part.trim() + " is not a number or"
                            + " range within 1..10");
                }
                for (int k = from; k <= to; k++) {
                    numbers.add(k);
                }
            } catch (NumberFormatException e) {
                throw new BadInputException("properties '" + text + "': '" + part.trim() + "' is not a number 1..10"
                        + " or a range like 5-7; write e.g. 1,2,5-7 or all", e);
            }
        }
        return numbers.stream().map(AcasProperty::phi).toList();
    }

    @Override
    public String toString() {
        return name() + " (" + summary + "): on " + region.stream().map(EncounterBox::toString)
                .collect(Collectors.joining(" or ")) + ", " + requirement.description();
    }

    private static AdvisoryRequirement notAdvised(Advisory advisory) {
        return new AdvisoryRequirement.AdvisoryAmong(EnumSet.complementOf(EnumSet.of(advisory)));
    }

    private static boolean notN17ToN19(NetworkId id) {
        return !(id.previous() == 1 && id.tauIndex() >= 7);
    }

    private static Set<NetworkId> networks(Predicate<NetworkId> which) {
        return NetworkId.all().stream().filter(which).collect(Collectors.toSet());
    }

    private static Set<NetworkId> networks(int previous, int tauIndex) {
        return Set.of(new NetworkId(previous, tauIndex));
    }
}
