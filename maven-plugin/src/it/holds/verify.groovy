// The build passed; check what it printed and wrote.
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/exactline')

assert log.contains('passed   ACASXU_run2a_3_3_batch_2000.onnx / prop_4.vnnlib: expected holds; found unsat (engine auto, ')
assert log.contains('passed   intruder at theta 0.3 closing from 60760 ft to 1000 ft: expected advisories COC, SR, WR, SR; found COC on [0.00000, 0.655059], SR on')
assert log.contains('exactline: 1 proof, 1 line check: 2 passed, 0 failed, 0 unproved, 0 errors')
// The second run of the goal re-proves nothing.
assert log.contains('prop_4.vnnlib: expected holds; found unsat (engine auto, from cache)')
assert log.contains('exactline: 1 proof, 1 line check, 1 from cache: 2 passed, 0 failed, 0 unproved, 0 errors')

def xml = new File(reports, 'TEST-exactline.xml').text
assert xml =~ /<testsuite name="exactline" tests="2" failures="0" errors="0" skipped="0"/
assert xml.contains('<testcase classname="exactline.proof" name="ACASXU_run2a_3_3_batch_2000.onnx / prop_4.vnnlib"')
assert new File(reports, 'exactline.md').text.contains('| ACASXU_run2a_3_3_batch_2000.onnx / prop_4.vnnlib | proof | holds | unsat | passed | auto |')
assert new File(reports, 'exactline.json').text.contains('"cached": true')
return true
