// The build failed because the property is violated; the log and the reports carry the counterexample.
def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] FAILED proof ACASXU_run2a_3_1_batch_2000.onnx / prop_2.vnnlib')
assert log.contains('[ERROR]     verdict:    sat (engine auto, ')
assert log =~ /\[ERROR\]     constraint: .*Y_\d <= Y_0 holds/
assert log =~ /\[ERROR\]     input   x = \[[-0-9.E, ]+\]/
assert log =~ /\[ERROR\]     outputs y = \[[-0-9.E, ]+\]/
assert log.contains('exactline: 1 proof: 0 passed, 1 failed, 0 unproved, 0 errors')
assert log.contains('BUILD FAILURE')

def xml = new File(basedir, 'target/exactline/TEST-exactline.xml').text
assert xml =~ /<testsuite name="exactline" tests="1" failures="1" errors="0" skipped="0"/
assert xml =~ /<failure message="the property is violated[^"]*" type="exactline.sat">[^<]*input   x = \[/
assert new File(basedir, 'target/exactline/exactline.json').text =~ /"evidence": \{"input": \[/
return true
