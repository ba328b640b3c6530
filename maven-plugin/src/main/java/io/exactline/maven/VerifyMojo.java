package io.exactline.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.exactline.core.BadInputException;
import io.exactline.verifier.cache.ProofCache;

/**
 * Goal {@code verify}: proves the configured VNN-LIB properties of networks and runs ExactLine line checks, in
 * parallel, writes JUnit XML, Markdown and JSON reports under {@code target/exactline}, prints a block per check
 * that does not pass, and fails the build when a verdict contradicts its expectation, a check cannot run, or
 * (with {@code failOnTimeout}, the default) a property is left unproved.
 *
 * <p>Conclusive verdicts are cached by network content, property content and engine settings, so a build that
 * changed none of them re-proves nothing.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractMojo {

    /** Properties to prove: {@code <proof>} elements, see {@link Proof}. */
    @Parameter
    private List<Proof> proofs = new ArrayList<>();

    /** Segments to check exactly: {@code <lineCheck>} elements, see {@link LineCheck}. */
    @Parameter
    private List<LineCheck> lineChecks = new ArrayList<>();

    /** The engine of proofs that name none. */
    @Parameter(property = "exactline.engine", defaultValue = "auto")
    private String engine;

    /** The time limit in seconds of proofs that give none. */
    @Parameter(property = "exactline.timeout", defaultValue = "300")
    private double timeout;

    /** Whether a property left unproved (timeout, unknown) fails the build; if not, it is reported as skipped. */
    @Parameter(property = "exactline.failOnTimeout", defaultValue = "true")
    private boolean failOnTimeout;

    /**
     * Whether the unsat of a plug-in engine that supplied no certificate the checker accepts lets a property that
     * must hold pass; if not (the default), it is reported as unproved: nobody has checked it.
     */
    @Parameter(property = "exactline.acceptUnchecked", defaultValue = "false")
    private boolean acceptUnchecked;

    /** Skips the goal. */
    @Parameter(property = "exactline.skip", defaultValue = "false")
    private boolean skip;

    /** Checks run at the same time; 0 for one per available processor. */
    @Parameter(property = "exactline.threads", defaultValue = "0")
    private int threads;

    /** Where the reports go. */
    @Parameter(property = "exactline.reportDirectory", defaultValue = "${project.build.directory}/exactline")
    private File reportDirectory;

    /** Where conclusive verdicts are kept between builds. */
    @Parameter(property = "exactline.cacheDirectory",
            defaultValue = "${project.build.directory}/exactline-proof-cache")
    private File cacheDirectory;

    /** Whether to use the proof cache. */
    @Parameter(property = "exactline.useCache", defaultValue = "true")
    private boolean useCache;

    /** The project's folder: relative paths in the configuration start here. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("exactline: skipped (exactline.skip)");
            return;
        }
        List<CheckSuite.Check> checks = checks();
        if (checks.isEmpty()) {
            getLog().info("exactline: no <proofs> or <lineChecks> configured, nothing to check");
            return;
        }
        int workers = Math.min(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), checks.size());
        getLog().info("exactline: " + checks.size() + (checks.size() == 1 ? " check" : " checks") + " on " + workers
                + (workers == 1 ? " thread" : " threads") + (useCache ? ", proof cache " + cacheDirectory : ""));
        long start = System.nanoTime();
        List<CheckResult> results = CheckSuite.run(checks, workers, p -> getLog().info(BuildLog.progress(p)));
        double seconds = (System.nanoTime() - start) / 1e9;
        writeReports(results);
        for (CheckResult r : results) {
            for (String line : BuildLog.block(r)) {
                if (r.outcome() == Outcome.UNPROVED && !failOnTimeout) {
                    getLog().warn(line);
                } else {
                    getLog().error(line);
                }
            }
        }
        Summary summary = Summary.of(results);
        String line = "exactline: " + summary.line() + String.format(Locale.ROOT, " (%.1f s)", seconds)
                + "; reports in " + reportDirectory;
        if (summary.failsBuild(failOnTimeout)) {
            throw new MojoFailureException(line);
        }
        getLog().info(line);
    }

    private List<CheckSuite.Check> checks() throws MojoFailureException {
        Path base = basedir.toPath();
        Networks networks = new Networks();
        ProofRunner prover = new ProofRunner(networks,
                useCache ? Optional.of(ProofCache.in(cacheDirectory.toPath())) : Optional.empty(), acceptUnchecked);
        LineChecker liner = new LineChecker(networks);
        List<CheckSuite.Check> checks = new ArrayList<>();
        try {
            for (int i = 0; i < proofs.size(); i++) {
                for (ProofTask task : ProofTask.expand(proofs.get(i), i + 1, base, engine, timeout)) {
                    checks.add(new CheckSuite.Check(ProofRunner.KIND, task.name(), task.expectation().word(),
                            () -> prover.prove(task)));
                }
            }
            for (int i = 0; i < lineChecks.size(); i++) {
                LineTask task = LineTask.of(lineChecks.get(i), i + 1, base);
                checks.add(new CheckSuite.Check(LineChecker.KIND, task.name(), task.expectation().describe(),
                        () -> liner.check(task)));
            }
        } catch (BadInputException e) {
            throw new MojoFailureException("exactline configuration: " + e.getMessage(), e);
        }
        return checks;
    }

    private void writeReports(List<CheckResult> results) throws MojoExecutionException {
        Path dir = reportDirectory.toPath();
        write(dir.resolve(JunitXmlReport.FILE), JunitXmlReport.render(results, failOnTimeout));
        write(dir.resolve(MarkdownReport.FILE), MarkdownReport.render(results, failOnTimeout));
        write(dir.resolve(JsonReport.FILE), JsonReport.render(results, failOnTimeout));
    }

    /** Writes {@code text} to a temporary file beside {@code file} and renames it into place. */
    private static void write(Path file, String text) throws MojoExecutionException {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MojoExecutionException("exactline: cannot write the report " + file + ": " + e, e);
        }
    }
}
